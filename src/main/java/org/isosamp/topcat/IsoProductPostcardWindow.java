package org.isosamp.topcat;

import java.awt.Component;
import java.awt.Dimension;
import java.awt.GraphicsConfiguration;
import java.awt.Rectangle;
import java.awt.Window;
import java.awt.image.BufferedImage;
import javax.swing.ImageIcon;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

/**
 * The window in which the "ISO product" action shows postcards: one per action (per table), reused by every
 * activation, as TOPCAT's own image viewer is, so that clicking down a table shows each row's postcard in turn
 * instead of piling up a window per row. The first time, it opens to the right of TOPCAT's activation window (the
 * window holding the action's panel) when the screen has room there, so that it hides neither the panel nor the
 * window's results; else where the platform puts new windows. Closed by the user, it opens again, where it was, on
 * the next postcard. It is owned by the activation window, so it hides and goes with it. Event thread only.
 */
final class IsoProductPostcardWindow {

    private final Component anchor;
    private final JLabel image = new JLabel();
    private JDialog frame;

    /**
     * @param anchor a component in the window beside which the postcard opens (the action's panel)
     */
    IsoProductPostcardWindow(Component anchor) {
        this.anchor = anchor;
    }

    /**
     * Shows a postcard in place of the one shown before, and brings the window to the front.
     *
     * @param tdt the observation, for the title
     * @param postcard the image
     */
    void show(String tdt, BufferedImage postcard) {
        boolean first = frame == null;
        if (first) {
            // modeless, owned by the action's window: closed (or disposed with its table) it takes the postcard along
            frame = new JDialog(SwingUtilities.getWindowAncestor(anchor));
            frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
            frame.getContentPane().add(image);
        }
        frame.setTitle("ISO postcard " + tdt);
        image.setIcon(new ImageIcon(postcard));
        if (first) {
            // placed before pack() makes the native window, so it is made there: moved after, X without a window
            // manager may report the window's first place back to AWT, which then believes it is somewhere else
            place(frame.getPreferredSize());
        }
        frame.pack();
        frame.setVisible(true);
        frame.toFront();
    }

    /** @return the window, or null before the first postcard */
    JDialog frame() {
        return frame;
    }

    private void place(Dimension size) {
        Window beside = SwingUtilities.getWindowAncestor(anchor);
        if (beside != null && beside.isShowing()) {
            GraphicsConfiguration gc = beside.getGraphicsConfiguration();
            Rectangle screen = gc == null ? null : gc.getBounds();
            Rectangle b = beside.getBounds();
            Rectangle there = new Rectangle(b.x + b.width, b.y, size.width, size.height);
            if (screen != null && screen.contains(there)) {
                frame.setLocation(there.x, there.y);
                return;
            }
        }
        frame.setLocationByPlatform(true);
    }
}
