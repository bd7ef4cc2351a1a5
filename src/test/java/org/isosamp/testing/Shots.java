package org.isosamp.testing;

import java.awt.Component;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.swing.JRootPane;
import javax.swing.SwingUtilities;

/**
 * Screenshots of windows under test that show the state the probe has just set. Swing paints after the last change,
 * from a paint event still queued, and X buffers drawing requests: without both flushed, a picture taken now shows
 * the state before (a tab switched a moment ago, a window just closed, still drawn).
 */
public final class Shots {

    private Shots() {
    }

    /**
     * Paints the component's window now, on the event thread, and has the X server draw it before this returns.
     *
     * @param c a window or any component in one
     */
    public static void paintNow(Component c) throws Exception {
        Edt.edt(() -> {
            JRootPane root = SwingUtilities.getRootPane(c);
            if (root != null) {
                root.paintImmediately(0, 0, root.getWidth(), root.getHeight());
            }
            return null;
        });
        Toolkit.getDefaultToolkit().sync();
    }

    /**
     * Paints the window now and saves its picture, taken from the screen (a probe's own screenshot).
     *
     * @param w   the window
     * @param png where the picture goes (folders made)
     */
    public static void save(Window w, Path png) throws Exception {
        paintNow(w);
        Rectangle b = Edt.edt(w::getBounds);
        BufferedImage img = new Robot().createScreenCapture(b);
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(img, "png", png.toFile());
    }
}
