package org.isosamp.samp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.astrogrid.samp.gui.GuiHubConnector;
import org.isosamp.testing.FakeViewer;
import org.isosamp.testing.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bus session a face opens: hub started or found, client registered, everything stopped on close. */
class SampSessionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void startsAHubWhenAskedAndNoneRunsAndStopsItOnClose(@TempDir Path dir) throws Exception {
        Path lock = dir.resolve("samp.lock");
        HubLocation where = HubLocation.of(lock.toString());
        try (SampSession s = SampSession.openConnected(where, true, WAIT)) {
            assertNotNull(s.hub());
            assertTrue(Files.exists(lock));
            assertTrue(s.client().isConnected());
            assertNotNull(s.client().selfId());
        }
        assertTrue(!Files.exists(lock), "the hub stopped with the session and took its lockfile");
        assertTrue(!where.isHubRunning());
    }

    @Test
    void usesARunningHubAndLeavesItRunning() throws Exception {
        try (TestHub hub = TestHub.start()) {
            try (SampSession s = SampSession.openConnected(hub.location(), true, WAIT);
                 FakeViewer v = new FakeViewer(hub, "viewer", "table.load.votable")) {
                assertNull(s.hub(), "a hub was running: none started");
                org.isosamp.testing.Await.until(() -> s.client().peers().stream()
                    .anyMatch(p -> p.name().equals("viewer")), WAIT, "the viewer seen");
            }
            assertTrue(hub.location().isHubRunning());
        }
    }

    @Test
    void noHubNamesTheLockfileAndLeavesNothingOpen(@TempDir Path dir) throws Exception {
        HubLocation nowhere = HubLocation.of(dir.resolve("none.lock").toString());
        SampSession.NoHubException e = assertThrows(SampSession.NoHubException.class,
            () -> SampSession.openConnected(nowhere, false, Duration.ZERO));
        assertEquals("no SAMP hub running at " + nowhere.lockUrl() + ": start TOPCAT or Aladin (or another hub)",
                     e.getMessage());
        assertEquals(nowhere.lockUrl(), e.location().lockUrl());
    }

    @Test
    void aWindowPassesItsOwnConnector() throws Exception {
        try (TestHub hub = TestHub.start();
             SampSession s = SampSession.open(hub.location(), false, GuiHubConnector::new)) {
            assertTrue(s.client().connector() instanceof GuiHubConnector);
            s.connect(0, WAIT);
            assertTrue(s.client().connector().isConnected());
        }
    }
}
