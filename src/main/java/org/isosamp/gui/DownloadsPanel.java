package org.isosamp.gui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.FlowLayout;
import java.awt.event.KeyEvent;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import org.isosamp.archive.IsoArchive;
import org.isosamp.io.IfExists;

/**
 * The window's downloads: the products of the selected observations fetched into a chosen folder, one row each
 * with a progress bar and a Cancel button ({@link DownloadRow}, {@link DownloadTask}).
 *
 * <pre>{@code
 * DownloadsPanel downloads = new DownloadsPanel();
 * downloads.setFolder(Path.of("/data/iso"));
 * downloads.download(archive, List.of(80000203L, 80001538L),
 *                    DownloadChoice.observation(ProductLevel.DEFAULT_DATA_SET, true), downloads.folder());
 * }</pre>
 *
 * <p><b>Files</b>: each product is named after its TDT ({@code 80000203.tar}, {@code 80001538.fits}), as
 * {@code iso-samp download} names them, and goes through the same core path: written to a hidden part file and
 * moved into place when complete, so a failed or cancelled download leaves nothing behind. An extracted tar is
 * unpacked into a folder beside it ({@code 80000203/}), all or nothing, and the tar is kept.
 * <b>An existing file</b> is refused, and its row says so, unless the panel's "Replace existing files" box is
 * ticked when the download is asked for (the command line's {@code --overwrite}): a window cannot ask one question
 * per file of a 40-row selection, and a refusal costs one click to redo.
 *
 * <p><b>Threads</b>: {@link #download} may be called on any thread; the transfers run on at most
 * {@value #PARALLEL} daemon workers ({@code iso-gui-download-N}), the rest wait in their rows. Progress reaches the
 * event thread coalesced: one {@link Timer} redraws the running rows every {@value #REFRESH_MILLIS} ms from the
 * tasks' counters, and a task's end is one {@code invokeLater}. Everything else is event-thread only.
 *
 * <p>Keyboard: Alt+F the folder field, Alt+H the folder chooser, Alt+R the replace box, Alt+L clears finished
 * rows; Tab reaches each row's Cancel and Open folder buttons.
 */
public final class DownloadsPanel extends JPanel {

    private static final long serialVersionUID = 1L;
    /** Transfers at once: a few streams fill a link; more only split it and the disk. */
    static final int PARALLEL = 3;
    /** How often running rows are redrawn. */
    static final int REFRESH_MILLIS = 100;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final JTextField folderField = new JTextField(28);
    private final JCheckBox replace = new JCheckBox("Replace existing files");
    private final JPanel rows = new JPanel();
    /** why the last download could not start (a folder that is no path), hidden otherwise */
    private final JLabel problem = new JLabel(" ");
    private final JLabel empty = new JLabel("No downloads yet: select rows in the results and choose Download.");
    private final List<DownloadRow> rowList = new ArrayList<>();
    private final Timer timer = new Timer(REFRESH_MILLIS, e -> refreshRunning());
    private final transient ExecutorService workers = new ThreadPoolExecutor(PARALLEL, PARALLEL, 30,
        TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "iso-gui-download-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });

    /** A panel with no downloads, its folder the user's {@code ~/Downloads}. */
    public DownloadsPanel() {
        super(new BorderLayout());
        setName("downloads");
        ((ThreadPoolExecutor) workers).allowCoreThreadTimeOut(true);

        folderField.setName("downloads.folder");
        folderField.setToolTipText("The folder downloads go into (created if missing)");
        JLabel folderLabel = new JLabel("Folder:");
        folderLabel.setDisplayedMnemonic(KeyEvent.VK_F);
        folderLabel.setLabelFor(folderField);
        JButton choose = new JButton("Choose...");
        choose.setName("downloads.choose");
        choose.setMnemonic(KeyEvent.VK_H);
        choose.setToolTipText("Choose the folder");
        choose.addActionListener(e -> chooseFolder());
        replace.setName("downloads.replace");
        replace.setMnemonic(KeyEvent.VK_R);
        replace.setToolTipText("Replace a file already in the folder; otherwise its download is refused");
        JButton clear = new JButton("Clear finished");
        clear.setName("downloads.clear");
        clear.setMnemonic(KeyEvent.VK_L);
        clear.setToolTipText("Remove the rows of downloads that have ended (their files stay)");
        clear.addActionListener(e -> clearFinished());

        JPanel top = new JPanel();
        top.setLayout(new BoxLayout(top, BoxLayout.X_AXIS));
        top.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        top.add(folderLabel);
        top.add(Box.createHorizontalStrut(4));
        top.add(folderField);
        top.add(Box.createHorizontalStrut(4));
        top.add(choose);
        JPanel options = new JPanel(new FlowLayout(FlowLayout.LEADING, 4, 0));
        options.add(replace);
        options.add(clear);
        problem.setName("downloads.problem");
        problem.setForeground(new java.awt.Color(0xB0, 0x00, 0x20));
        problem.setBorder(BorderFactory.createEmptyBorder(2, 8, 2, 8));
        problem.setVisible(false);
        JPanel north = new JPanel(new BorderLayout());
        north.add(top, BorderLayout.NORTH);
        north.add(options, BorderLayout.CENTER);
        north.add(problem, BorderLayout.SOUTH);
        add(north, BorderLayout.NORTH);

        rows.setName("downloads.rows");
        rows.setLayout(new BoxLayout(rows, BoxLayout.Y_AXIS));
        empty.setName("downloads.empty");
        empty.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        rows.add(empty);
        Column holder = new Column(); // keeps the rows at the top of the view, as wide as the view
        holder.add(rows, BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(holder, JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED,
            JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
        scroll.getVerticalScrollBar().setUnitIncrement(16);
        add(scroll, BorderLayout.CENTER);

        setFolder(defaultFolder());
    }

    /** ~/Downloads, not looked at here (no disk on the event thread): the first download creates it if missing. */
    private static Path defaultFolder() {
        return Path.of(System.getProperty("user.home"), "Downloads");
    }

    /**
     * @return the folder in the field, as an absolute path (what a download without a folder uses, and what the
     *         window keeps in its preferences)
     * @throws IllegalStateException naming the text when it is not a path of this system
     */
    public Path folder() {
        String text = folderField.getText().strip();
        try {
            return Path.of(text.isEmpty() ? "." : text).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new IllegalStateException("the download folder \"" + text + "\" is not a path: " + e.getReason(), e);
        }
    }

    /** @param folder the folder downloads go into from now on (shown in the field) */
    public void setFolder(Path folder) {
        folderField.setText(Objects.requireNonNull(folder, "folder").toAbsolutePath().toString());
    }

    /**
     * @param listener told (event thread) each change of the folder's text, typed or chosen: the window remembers
     *                 the folder
     */
    void addFolderListener(Runnable listener) {
        folderField.getDocument().addDocumentListener(new javax.swing.event.DocumentListener() {
            @Override
            public void insertUpdate(javax.swing.event.DocumentEvent e) {
                listener.run();
            }

            @Override
            public void removeUpdate(javax.swing.event.DocumentEvent e) {
                listener.run();
            }

            @Override
            public void changedUpdate(javax.swing.event.DocumentEvent e) {
                listener.run();
            }
        });
    }

    /** @return whether existing files are replaced (the panel's box) */
    public boolean replacesExistingFiles() {
        return replace.isSelected();
    }

    /** @param on whether existing files are replaced from now on */
    public void setReplaceExistingFiles(boolean on) {
        replace.setSelected(on);
    }

    /**
     * Starts downloading each TDT's product into {@code folder}, one row each (in this order), at most
     * {@value #PARALLEL} at once. Returns at once; may be called on any thread. Existing files are refused or
     * replaced as the panel's box says now.
     *
     * @param archive where from
     * @param tdts    the observations (an unknown one fails in its row, with the archive's reason)
     * @param choice  what to fetch of each
     * @param folder  where to (created if missing); null for {@link #folder()}
     */
    public void download(IsoArchive archive, List<Long> tdts, DownloadChoice choice, Path folder) {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(choice, "choice");
        List<Long> copy = List.copyOf(tdts);
        if (!SwingUtilities.isEventDispatchThread()) {
            SwingUtilities.invokeLater(() -> download(archive, copy, choice, folder));
            return;
        }
        Path into;
        try {
            into = folder != null ? folder : folder();
        } catch (IllegalStateException e) {
            problem.setText(e.getMessage());
            problem.setVisible(true);
            return;
        }
        problem.setVisible(false);
        IfExists ifExists = IfExists.overwrite(replace.isSelected());
        rows.remove(empty);
        for (long tdt : copy) {
            DownloadRow[] row = new DownloadRow[1];
            DownloadTask task = new DownloadTask(archive, tdt, choice, into, ifExists,
                t -> SwingUtilities.invokeLater(() -> row[0].refresh()));
            row[0] = new DownloadRow(task);
            rowList.add(row[0]);
            rows.add(row[0]);
            workers.execute(task);
        }
        rows.revalidate();
        rows.repaint();
        timer.start();
    }

    /** Redraws the running rows; stops the timer once none runs. */
    private void refreshRunning() {
        boolean any = false;
        for (DownloadRow r : rowList) {
            if (!r.task().state().finished()) {
                r.refresh();
                any = true;
            }
        }
        if (!any) {
            timer.stop();
        }
    }

    /** Removes the rows of downloads that have ended. */
    void clearFinished() {
        rowList.removeIf(r -> {
            if (r.task().state().finished()) {
                rows.remove(r);
                return true;
            }
            return false;
        });
        if (rowList.isEmpty()) {
            rows.add(empty);
        }
        rows.revalidate();
        rows.repaint();
    }

    private void chooseFolder() {
        JFileChooser chooser = new JFileChooser();
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        chooser.setDialogTitle("Download folder");
        try {
            chooser.setCurrentDirectory(folder().toFile());
        } catch (IllegalStateException badText) {
            // the chooser starts at home instead
        }
        if (chooser.showDialog(this, "Use this folder") == JFileChooser.APPROVE_OPTION) {
            setFolder(chooser.getSelectedFile().toPath());
        }
    }

    /** @return the rows, oldest first (tests) */
    List<DownloadRow> rows() {
        return List.copyOf(rowList);
    }

    /** Cancels every download (the window closes); their part files are deleted as their workers stop. */
    public void cancelAll() {
        for (DownloadRow r : rowList) {
            r.task().cancel();
        }
    }

    /** The rows' view: as wide as the scroll pane shows (rows cut long lines instead), as tall as they need. */
    private static final class Column extends JPanel implements Scrollable {

        private static final long serialVersionUID = 1L;

        Column() {
            super(new BorderLayout());
        }

        @Override
        public Dimension getPreferredScrollableViewportSize() {
            return getPreferredSize();
        }

        @Override
        public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
            return 16;
        }

        @Override
        public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
            return orientation == SwingConstants.VERTICAL ? visible.height : visible.width;
        }

        @Override
        public boolean getScrollableTracksViewportWidth() {
            return true;
        }

        @Override
        public boolean getScrollableTracksViewportHeight() {
            // fills a tall view (its background) but scrolls once the rows are taller
            return getParent() instanceof javax.swing.JViewport v && v.getHeight() > getPreferredSize().height;
        }
    }
}
