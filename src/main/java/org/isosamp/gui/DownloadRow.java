package org.isosamp.gui;

import java.awt.Color;
import java.awt.Desktop;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.UIManager;
import org.isosamp.io.ByteSizes;

/**
 * One download's row in the {@link DownloadsPanel}: the TDT and what is fetched, a progress bar (bytes of the
 * total when the server gave one), a one-line status (where the file is, or why it failed, in full as a tooltip),
 * a Cancel button while it runs and an "Open folder" button once done where the desktop can open folders.
 * Event thread only; {@link #refresh()} reads the task's volatile progress.
 */
final class DownloadRow extends JPanel {

    private static final long serialVersionUID = 1L;
    /** Resolution of a determinate bar: a 1 GiB product moves it every MiB. */
    private static final int STEPS = 1000;

    private final transient DownloadTask task;
    private final JProgressBar bar = new JProgressBar(0, STEPS);
    private final JLabel status = new JLabel(" ");
    private final JButton cancel = new JButton("Cancel");
    private final JButton open = new JButton("Open folder");

    DownloadRow(DownloadTask task) {
        super(new GridBagLayout());
        this.task = task;
        String id = "download." + task.tdt();
        setName(id);
        bar.setName(id + ".progress");
        status.setName(id + ".status");
        cancel.setName(id + ".cancel");
        open.setName(id + ".open");
        bar.setStringPainted(true);
        cancel.setToolTipText("Stop this download; nothing of it is kept");
        cancel.addActionListener(e -> {
            if (task.cancel()) {
                refresh();
            }
        });
        open.setToolTipText("Show the folder in the desktop's file manager");
        open.setVisible(false);
        open.addActionListener(e -> openFolder());

        status.setMinimumSize(new Dimension(0, status.getPreferredSize().height));
        JLabel title = new JLabel(task.tdt() + "  " + task.choice().describe());
        title.setFont(title.getFont().deriveFont(Font.BOLD));
        title.setToolTipText("into " + task.folder());
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(2, 4, 2, 4);
        c.gridx = 0;
        c.gridy = 0;
        c.weightx = 1;
        c.anchor = GridBagConstraints.WEST;
        c.fill = GridBagConstraints.HORIZONTAL;
        add(title, c);
        c.gridy = 1;
        add(bar, c);
        c.gridy = 2;
        add(status, c);
        c.gridx = 1;
        c.gridy = 0;
        c.gridheight = 2;
        c.weightx = 0;
        c.fill = GridBagConstraints.NONE;
        c.anchor = GridBagConstraints.CENTER;
        add(cancel, c);
        c.gridy = 2;
        c.gridheight = 1;
        add(open, c);
        // the buttons' column keeps its width when neither shows (ended rows): every row's bar ends at one place
        Dimension button = open.getPreferredSize();
        cancel.setPreferredSize(new Dimension(Math.max(button.width, cancel.getPreferredSize().width),
            cancel.getPreferredSize().height));
        c.gridy = 3;
        add(javax.swing.Box.createHorizontalStrut(Math.max(button.width, cancel.getPreferredSize().width)), c);
        Color line = UIManager.getColor("Separator.foreground");
        setBorder(BorderFactory.createCompoundBorder(
            BorderFactory.createMatteBorder(0, 0, 1, 0, line == null ? Color.LIGHT_GRAY : line),
            BorderFactory.createEmptyBorder(4, 4, 4, 4)));
        refresh();
    }

    /** @return the task shown */
    DownloadTask task() {
        return task;
    }

    /** Shows the task's progress and state now (the panel's timer calls this while it runs). */
    void refresh() {
        DownloadTask.State s = task.state();
        long bytes = task.bytes();
        long total = task.total();
        switch (s) {
            case QUEUED -> {
                bar.setIndeterminate(false);
                bar.setValue(0);
                bar.setString("waiting");
            }
            case RUNNING -> {
                bar.setIndeterminate(total <= 0 && bytes == 0);
                if (total > 0) {
                    bar.setValue((int) Math.min(STEPS, bytes * STEPS / total));
                    bar.setString(String.format(Locale.ROOT, "%s of %s (%d%%)", ByteSizes.format(bytes),
                        ByteSizes.format(total), bytes * 100 / total));
                } else {
                    bar.setString(bytes == 0 ? "connecting" : ByteSizes.format(bytes));
                }
            }
            case EXTRACTING -> {
                bar.setIndeterminate(true);
                bar.setString("unpacking");
            }
            case DONE -> {
                bar.setIndeterminate(false);
                bar.setValue(STEPS);
                bar.setString(total > 0 ? ByteSizes.format(total) : "done");
            }
            case FAILED, CANCELLED -> {
                bar.setIndeterminate(false);
                bar.setValue(0);
                bar.setString(s == DownloadTask.State.FAILED ? "failed" : "cancelled");
            }
            default -> throw new IllegalStateException("state " + s);
        }
        String text = task.cancelling() ? "Cancelling..." : task.message();
        status.setText(text.isEmpty() ? " " : text);
        String detail = task.cancelling() ? text : task.detail();
        status.setToolTipText(detail.isEmpty() ? null : detail);
        status.setForeground(s == DownloadTask.State.FAILED ? errorColour() : UIManager.getColor("Label.foreground"));
        cancel.setEnabled(!s.finished() && !task.cancelling());
        cancel.setVisible(!s.finished());
        boolean openable = s == DownloadTask.State.DONE && canOpenFolders();
        open.setVisible(openable);
        // a reason takes the whole line when no button stands beside it
        GridBagLayout layout = (GridBagLayout) getLayout();
        GridBagConstraints sc = layout.getConstraints(status);
        int span = openable ? 1 : 2;
        if (sc.gridwidth != span) {
            sc.gridwidth = span;
            layout.setConstraints(status, sc);
            revalidate();
        }
    }

    private static Color errorColour() {
        Color c = UIManager.getColor("Component.error.focusedBorderColor"); // FlatLaf's, when installed
        return c != null ? c : new Color(0xB0, 0x00, 0x20);
    }

    /** As wide as the panel shows it, whatever the length of the status: a long path is cut with "...". */
    @Override
    public Dimension getPreferredSize() {
        Dimension d = super.getPreferredSize();
        return new Dimension(Math.min(d.width, 320), d.height);
    }

    @Override
    public Dimension getMaximumSize() {
        // a BoxLayout column stretches rows across, never taller than they need
        return new Dimension(Integer.MAX_VALUE, getPreferredSize().height);
    }

    private static boolean canOpenFolders() {
        return Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN);
    }

    /** Opens the folder of the result off the event thread (the desktop may take a while); a failure shows here. */
    private void openFolder() {
        Path p = task.result();
        if (p == null) {
            return;
        }
        CompletableFuture.runAsync(() -> {
            Path dir = Files.isDirectory(p) ? p : p.getParent();
            try {
                Desktop.getDesktop().open(dir.toFile());
            } catch (java.io.IOException | RuntimeException e) {
                javax.swing.SwingUtilities.invokeLater(() -> status.setText("Cannot open " + dir + ": "
                    + org.isosamp.archive.DownloadOutcome.oneLine(e)));
            }
        });
    }
}
