package org.isosamp.gui;

import java.awt.FlowLayout;
import java.awt.event.KeyEvent;
import javax.swing.Action;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import org.isosamp.model.ProductLevel;

/**
 * The window's small form above its downloads: what a download of the selected rows fetches (the STANDALONE
 * product, or the OBSERVATION tar at a product level, unpacked or not: the command line's {@code --retrieval-type},
 * {@code --product-level} and {@code --extract}) and the Download button (the window's action, Ctrl+D).
 *
 * <p>Swing: create and use on the event thread.
 */
final class DownloadForm extends JPanel {

    private static final long serialVersionUID = 1L;

    /** What the "Get" chooser offers, in order. */
    enum What {
        /** {@link DownloadChoice#standalone()}. */
        STANDALONE("Standalone product (FITS)"),
        /** The OBSERVATION tar at the level chosen. */
        OBSERVATION("Observation tar"),
        /** The OBSERVATION tar, unpacked into a folder beside it. */
        EXTRACTED("Observation tar, unpacked");

        private final String label;

        What(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final JComboBox<What> what = new JComboBox<>(What.values());
    private final JComboBox<ProductLevel> level = new JComboBox<>(ProductLevel.values());

    /** @param download the window's download action (the form's button) */
    DownloadForm(Action download) {
        super(new FlowLayout(FlowLayout.LEADING, 4, 2));
        setName("window.download");
        what.setName("window.download.what");
        what.setToolTipText("what each selected observation's download fetches");
        level.setName("window.download.level");
        level.setToolTipText("the OBSERVATION tar's product level");
        level.setSelectedItem(ProductLevel.DEFAULT_DATA_SET);
        what.addActionListener(e -> level.setEnabled(what.getSelectedItem() != What.STANDALONE));
        level.setEnabled(false);
        JLabel whatLabel = new JLabel("Get:");
        whatLabel.setDisplayedMnemonic(KeyEvent.VK_G);
        whatLabel.setLabelFor(what);
        JLabel levelLabel = new JLabel("Level:");
        levelLabel.setDisplayedMnemonic(KeyEvent.VK_V);
        levelLabel.setLabelFor(level);
        JButton button = new JButton(download);
        button.setName("window.download.button");
        add(whatLabel);
        add(what);
        add(levelLabel);
        add(level);
        add(button);
    }

    /** @return what the form says a download fetches */
    DownloadChoice choice() {
        What w = (What) what.getSelectedItem();
        ProductLevel l = (ProductLevel) level.getSelectedItem();
        return switch (w == null ? What.STANDALONE : w) {
            case STANDALONE -> DownloadChoice.standalone();
            case OBSERVATION -> DownloadChoice.observation(l, false);
            case EXTRACTED -> DownloadChoice.observation(l, true);
        };
    }

    /**
     * @param w what to fetch
     * @param l the OBSERVATION level (ignored for STANDALONE)
     */
    void choose(What w, ProductLevel l) {
        what.setSelectedItem(w);
        level.setSelectedItem(l);
    }
}
