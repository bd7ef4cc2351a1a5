package org.isosamp.gui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isosamp.testing.Components;
import java.awt.Component;
import java.nio.file.Path;
import javax.swing.SwingUtilities;
import org.isosamp.samp.HubLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bus panel hosted in another application (TOPCAT, which runs or finds the hub) does not offer to start a hub;
 * by default it does. Headless: the panel is built, not shown; its lockfile names no hub (a private path).
 */
class BusPanelHostedTest {

    @TempDir
    Path dir;

    @Test
    void startHubIsOfferedByDefaultAndHiddenWhenHosted() throws Exception {
        HubLocation nowhere = HubLocation.of(dir.resolve("no-hub.samp").toString());
        BusPanel[] panel = new BusPanel[1];
        SwingUtilities.invokeAndWait(() -> panel[0] = new BusPanel(nowhere));
        try {
            Component[] startHub = new Component[1];
            SwingUtilities.invokeAndWait(() -> startHub[0] = Components.find(panel[0], "bus.startHub"));
            assertNotNull(startHub[0], "the panel has its Start hub button");
            assertTrue(startHub[0].isVisible(), "offered by default");
            SwingUtilities.invokeAndWait(() -> panel[0].setHubStartOffered(false));
            assertFalse(startHub[0].isVisible(), "hosted: Start hub is not offered");
            SwingUtilities.invokeAndWait(() -> panel[0].setHubStartOffered(true));
            assertTrue(startHub[0].isVisible(), "offered again");
        } finally {
            SwingUtilities.invokeAndWait(() -> panel[0].close());
        }
    }

}
