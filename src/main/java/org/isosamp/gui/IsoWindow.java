package org.isosamp.gui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Rectangle;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import org.isosamp.archive.ArchiveSearch;
import org.isosamp.archive.ArchiveSettings;
import org.isosamp.archive.IsoArchive;
import org.isosamp.archive.JobListener;
import org.isosamp.archive.QueryRequest;
import org.isosamp.archive.QueryResult;
import org.isosamp.io.IfExists;
import org.isosamp.io.OutputExistsException;
import org.isosamp.io.OutputTarget;
import org.isosamp.table.TableFiles;
import uk.ac.starlink.table.StarTableOutput;

/**
 * The desktop window: the archive chooser ({@code production}, {@code local} or a URL) and the shared
 * {@link SearchPanel} on top, the {@link ResultsPanel} below, and on the right the selected observation, the
 * downloads and the bus (tabs); a status line at the bottom says in one line what went wrong.
 *
 * <pre>
 * WindowSettings settings = WindowSettings.user();            // off the event thread: it reads the disk
 * SwingUtilities.invokeLater(() -&gt; new IsoWindow(settings).setVisible(true));
 * </pre>
 *
 * <p>Nothing slow runs on the event thread: the search (opening the archive, resolving a name, the TAP query, sync or
 * as a UWS job whose phase is shown), saving the results (through {@link OutputTarget} and {@link TableFiles}, as the
 * command line saves) and the settings run on the window's worker threads, and come back with
 * {@link SwingUtilities#invokeLater}. Cancel interrupts the search's thread, which aborts the query (an async job is
 * aborted and deleted), as TOPCAT cancels the plug-in's loads.
 *
 * <p>On the right, in tabs: the {@link ObservationPanel} shows the one row selected (from the archive of the result,
 * opened with the product cache, so a second look is read from disk); the {@link DownloadsPanel}, under a small form
 * of what to fetch ({@link DownloadForm}), downloads the selected rows into its folder, which is the folder the window
 * remembers; the {@link BusPanel} gets each new result (what "Send table" sends), hears the user's selection (sent as
 * row messages for a table sent) and selects the rows another client highlights or selects, whatever the sort. The
 * bus panel joins the hub of {@code SAMP_HUB} (else {@code ~/.samp}) and starts no hub unless its button is pressed.
 * Closing the window cancels the downloads and leaves the bus. {@link #setSelectionHandler} and
 * {@link #setResultListener} let a host hear the same events besides.
 *
 * <p>Every action has a key: Enter (or Ctrl+Enter in the ADQL) searches, Escape cancels, Ctrl+S saves, Ctrl+D
 * downloads the selected rows, Ctrl+T sends the result table, Ctrl+P the selected row's product, Ctrl+L switches
 * listening, Ctrl+Shift+D chooses the download folder, Ctrl+W closes; menus and labels have mnemonics (Alt+letter).
 *
 * <p>The window remembers its archive, MAXREC, download folder and bounds ({@link WindowSettings}). It installs no
 * look and feel: the standalone start does ({@code iso-samp gui}); inside TOPCAT it takes TOPCAT's.
 *
 * <p>Swing: create and use on the event thread.
 */
public final class IsoWindow extends JFrame {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(IsoWindow.class.getName());

    /** The archive chooser's word for the production archive. */
    public static final String PRODUCTION = "production";
    /** The archive chooser's word for the embedded local archive. */
    public static final String LOCAL = "local";

    /** The right-hand side's tabs, in order ({@link #setSidePanel} may put another panel in one). */
    public enum Side {
        /** The selected observation (postcard, metadata, products, quick look). */
        OBSERVATION("Observation", KeyEvent.VK_N),
        /** Downloads with progress and Cancel. */
        DOWNLOADS("Downloads", KeyEvent.VK_L),
        /** The SAMP bus. */
        BUS("Bus", KeyEvent.VK_U);

        private final String title;
        private final int mnemonic;

        Side(String title, int mnemonic) {
            this.title = title;
            this.mnemonic = mnemonic;
        }
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final transient WindowSettings settings;
    private final transient UnaryOperator<ArchiveSettings> cache;
    private final transient WindowArchives archives = new WindowArchives();
    private final transient ExecutorService io = Executors.newSingleThreadExecutor(r -> named(r, "iso-samp window io"));
    private final transient CompletableFuture<Void> closed = new CompletableFuture<>();

    private final JComboBox<String> archiveField = new JComboBox<>(new String[] {PRODUCTION, LOCAL});
    private final JCheckBox async = new JCheckBox("Async job");
    private final SearchPanel searchPanel = new SearchPanel();
    private final ResultsPanel results = new ResultsPanel();
    private final JTabbedPane side = new JTabbedPane();
    private final JLabel status = new JLabel(" ");
    private final JLabel phase = new JLabel(" ");
    private final JProgressBar busy = new JProgressBar();
    private final Action searchAction = action("Search", KeyEvent.VK_ENTER, InputEvent.CTRL_DOWN_MASK, 0,
        "search the archive (Enter; Ctrl+Enter in the ADQL)", e -> search());
    private final Action cancelAction = action("Cancel", KeyEvent.VK_ESCAPE, 0, 0,
        "stop the search running (Escape)", e -> cancel());
    private final Action saveAction = action("Save results as...", KeyEvent.VK_S, InputEvent.CTRL_DOWN_MASK,
        KeyEvent.VK_S, "save the results in any STIL format (Ctrl+S)", e -> saveAs());
    private final Action folderAction = action("Download folder...", KeyEvent.VK_D,
        InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK, KeyEvent.VK_D,
        "choose the folder downloads go to (Ctrl+Shift+D)", e -> chooseFolder());
    private final Action closeAction = action("Close", KeyEvent.VK_W, InputEvent.CTRL_DOWN_MASK, KeyEvent.VK_C,
        "close the window (Ctrl+W)", e -> close());
    private final Action downloadAction = action("Download selected rows", KeyEvent.VK_D, InputEvent.CTRL_DOWN_MASK,
        KeyEvent.VK_D, "download the selected rows' products into the download folder (Ctrl+D)", e -> download());
    private final Action sendTableAction = action("Send result table", KeyEvent.VK_T, InputEvent.CTRL_DOWN_MASK,
        KeyEvent.VK_T, "send the result table over SAMP (Ctrl+T)", e -> sendTable());
    private final Action sendProductAction = action("Send selected product", KeyEvent.VK_P,
        InputEvent.CTRL_DOWN_MASK, KeyEvent.VK_P,
        "send the selected row's product over SAMP: a spectrum to SPLAT, an image to Aladin (Ctrl+P)",
        e -> sendProduct());

    // the right-hand panels (buildSidePanels)
    private final ObservationPanel observation = new ObservationPanel();
    private final DownloadsPanel downloads = new DownloadsPanel();
    private final DownloadForm downloadForm = new DownloadForm(downloadAction);
    private final BusPanel bus;
    /** the "Listen" menu item, on the bus panel's switch's model */
    private final JCheckBoxMenuItem listenItem = new JCheckBoxMenuItem("Listen to coord.pointAt.sky");
    /** a save of the settings is queued on the worker (the folder changes with each key typed) */
    private final java.util.concurrent.atomic.AtomicBoolean savePending = new java.util.concurrent.atomic.AtomicBoolean();

    /** The search running (its own thread, so that Cancel always has a thread to interrupt), or null. */
    private transient Thread running;
    private int generation;
    private transient IsoArchive shownArchive;
    private transient SelectionHandler selectionHandler = (archive, rows) -> { };
    private transient ResultListener resultListener = (table, name, archive) -> { };

    /**
     * Hears the rows the user selects in the results, with the archive they came from: the wiring point of the
     * right-hand panels (one row: show the observation; the bus: send the selection).
     */
    @FunctionalInterface
    public interface SelectionHandler {
        /**
         * @param archive the archive of the result shown
         * @param rows    indexes into the result's table
         */
        void selected(IsoArchive archive, long[] rows);
    }

    /**
     * Hears each new result shown: the wiring point of the bus panel ({@code BusPanel.setResults}: what "send the
     * result table" sends, and what row messages refer to).
     */
    @FunctionalInterface
    public interface ResultListener {
        /**
         * @param table   the result's table, as the archive answered it (rows in its order)
         * @param name    the search's label
         * @param archive the archive it came from
         */
        void shown(uk.ac.starlink.table.StarTable table, String name, IsoArchive archive);
    }

    /**
     * Builds the window (not shown): the archive, MAXREC and bounds the settings remember; the default product cache.
     *
     * @param settings what the window remembers, already read ({@link WindowSettings#user()})
     */
    public IsoWindow(WindowSettings settings) {
        this(settings, UnaryOperator.identity());
    }

    /**
     * Builds the window (not shown).
     *
     * @param settings what the window remembers, already read ({@link WindowSettings#user()})
     * @param cache    gives every archive chosen its product cache (e.g. none, or a folder), as a command line's
     *                 options say
     */
    public IsoWindow(WindowSettings settings, UnaryOperator<ArchiveSettings> cache) {
        super("iso-samp — ISO Data Archive");
        this.settings = settings;
        this.cache = cache;
        // the bus panel joins the hub of SAMP_HUB (else ~/.samp) if one runs; it starts none unless asked
        // its session is opened once the window shows (windowOpened): its set-up (JSAMP's classes, a server
        // socket, the lockfile) would take the event thread's core while the window is being shown
        this.bus = new BusPanel(org.isosamp.samp.HubLocation.of(null), false);
        setName("iso-samp.window");
        setDefaultCloseOperation(DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                close();
            }

            @Override
            public void windowOpened(WindowEvent e) {
                bus.start();
            }
        });
        java.net.URL icon = IsoWindow.class.getResource("/META-INF/iso-samp/iso-samp-icon.png");
        if (icon != null) {
            setIconImage(new javax.swing.ImageIcon(icon).getImage());
        }

        archiveField.setName("window.archive");
        archiveField.setEditable(true);
        archiveField.setToolTipText("production (ESA's ISO Data Archive), local (the embedded sample archive) or an "
                                    + "archive's URL (…/nida-sl-tap/)");
        archiveField.setSelectedItem(settings.archive());
        archiveField.setPrototypeDisplayValue("https://nida.esac.esa.int/nida-sl-tap/"); // room for a URL
        archiveField.addActionListener(e -> archiveChanged());
        async.setName("window.async");
        async.setSelected(true);
        async.setMnemonic(KeyEvent.VK_Y);
        async.setToolTipText("run the query as a UWS job: its phase is shown, and Cancel aborts it on the server");
        searchPanel.setName("window.search");
        searchPanel.setText(ArchiveSearch.Field.MAXREC, Long.toString(settings.maxrec()));
        status.setName("window.status");
        phase.setName("window.phase");
        busy.setIndeterminate(true);
        busy.setVisible(false);
        busy.setPreferredSize(new Dimension(120, busy.getPreferredSize().height));
        cancelAction.setEnabled(false);
        saveAction.setEnabled(false);

        JLabel archiveLabel = new JLabel("Archive:");
        archiveLabel.setDisplayedMnemonic('c');
        archiveLabel.setLabelFor(archiveField);
        JButton searchButton = new JButton(searchAction);
        searchButton.setName("window.searchButton");
        JButton cancelButton = new JButton(cancelAction);
        cancelButton.setName("window.cancelButton");
        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 2));
        bar.add(archiveLabel);
        bar.add(archiveField);
        bar.add(async);
        bar.add(Box.createHorizontalStrut(12));
        bar.add(searchButton);
        bar.add(cancelButton);
        bar.add(busy);
        bar.add(phase);

        JPanel top = new JPanel(new BorderLayout());
        top.add(bar, BorderLayout.NORTH);
        top.add(searchPanel, BorderLayout.CENTER);

        side.setName("window.side");
        buildSidePanels();
        side.setPreferredSize(new Dimension(470, 300));
        JSplitPane lower = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, results, side);
        lower.setResizeWeight(0.55);
        lower.setOneTouchExpandable(true);
        JSplitPane main = new JSplitPane(JSplitPane.VERTICAL_SPLIT, top, lower);
        main.setResizeWeight(0.0);
        main.setOneTouchExpandable(true);

        status.setBorder(BorderFactory.createEmptyBorder(2, 6, 2, 6));
        JPanel content = new JPanel(new BorderLayout());
        content.add(main, BorderLayout.CENTER);
        content.add(status, BorderLayout.SOUTH);
        setContentPane(content);
        setJMenuBar(menus());
        // Enter in any field of the form searches; the ADQL area keeps Enter for new lines (Ctrl+Enter searches)
        getRootPane().setDefaultButton(searchButton);
        results.addSelectionListener(rows -> {
            selected(rows);
            selectionHandler.selected(shownArchive, rows);
        });

        Rectangle b = settings.bounds();
        if (b != null) {
            setBounds(b);
        } else {
            setSize(1200, 820);
            setLocationByPlatform(true);
        }
        archiveChanged();
    }

    private JMenuBar menus() {
        JMenuBar bar = new JMenuBar();
        JMenu window = new JMenu("Window");
        window.setMnemonic(KeyEvent.VK_W);
        window.add(new JMenuItem(saveAction));
        window.addSeparator();
        window.add(new JMenuItem(closeAction));
        JMenu search = new JMenu("Search");
        search.setMnemonic(KeyEvent.VK_H);
        // mnemonics on the menu items only: on the buttons, Alt+S and Alt+C would clash with the form's labels
        JMenuItem searchItem = new JMenuItem(searchAction);
        searchItem.setMnemonic(KeyEvent.VK_S);
        JMenuItem cancelItem = new JMenuItem(cancelAction);
        cancelItem.setMnemonic(KeyEvent.VK_C);
        search.add(searchItem);
        search.add(cancelItem);
        JCheckBoxMenuItem asyncItem = new JCheckBoxMenuItem("Async job");
        asyncItem.setModel(async.getModel());
        asyncItem.setMnemonic(KeyEvent.VK_Y);
        search.add(asyncItem);
        JMenu products = new JMenu("Downloads");
        products.setMnemonic(KeyEvent.VK_D);
        products.add(new JMenuItem(downloadAction));
        JMenuItem folderItem = new JMenuItem(folderAction);
        folderItem.setMnemonic(KeyEvent.VK_F); // D is the download's, in this menu
        products.add(folderItem);
        JMenu samp = new JMenu("Bus");
        samp.setMnemonic(KeyEvent.VK_B);
        samp.add(new JMenuItem(sendTableAction));
        samp.add(new JMenuItem(sendProductAction));
        // the switch's own model: the menu item and the panel's box are one switch (clicking either acts)
        listenItem.setModel(bus.listenSwitch().getModel());
        listenItem.setMnemonic(KeyEvent.VK_L);
        listenItem.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_L, InputEvent.CTRL_DOWN_MASK));
        listenItem.setToolTipText("answer coord.pointAt.sky from the bus with cone searches (Ctrl+L)");
        samp.add(listenItem);
        bar.add(window);
        bar.add(search);
        bar.add(products);
        bar.add(samp);
        return bar;
    }

    /**
     * The right-hand side: the selected observation, the downloads (with the form of what to fetch) and the bus, each
     * in its tab, and their wiring: the bus's rows select rows here, the Send menu items follow the bus panel's
     * buttons, the download folder is the one remembered.
     */
    private void buildSidePanels() {
        JPanel downloadsTab = new JPanel(new BorderLayout());
        downloadsTab.add(downloadForm, BorderLayout.NORTH);
        downloadsTab.add(downloads, BorderLayout.CENTER);
        for (Side s : Side.values()) {
            side.addTab(s.title, switch (s) {
                case OBSERVATION -> observation;
                case DOWNLOADS -> downloadsTab;
                case BUS -> bus;
            });
            side.setMnemonicAt(s.ordinal(), s.mnemonic);
        }
        downloads.setFolder(settings.folder());
        downloads.addFolderListener(this::folderTyped);
        // rows another client highlighted or selected in the table sent: selected here (model -> view), in sight
        bus.setRowsSelectionHandler(results::selectRows);
        follow(bus.sendTableButton(), sendTableAction);
        follow(bus.sendProductButton(), sendProductAction);
        downloadAction.setEnabled(false);
    }

    /** Sends the result table, as the bus panel's button does (to the recipient chosen there). */
    void sendTable() {
        bus.sendTableButton().doClick();
    }

    /** Sends the selected row's product, as the bus panel's button does. */
    void sendProduct() {
        bus.sendProductButton().doClick();
    }

    /** Keeps an action's enabled state the button's (the panel knows when it can send). */
    private static void follow(javax.swing.AbstractButton button, Action action) {
        action.setEnabled(button.isEnabled());
        button.addPropertyChangeListener("enabled", e -> action.setEnabled(button.isEnabled()));
    }

    /** The user's selection settled (event thread): one row is shown; the bus hears every selection. */
    private void selected(long[] rows) {
        bus.rowsSelected(rows);
        downloadAction.setEnabled(rows.length > 0 && shownArchive != null);
        if (rows.length == 1 && shownArchive != null) {
            List<Long> tdts = selectedTdts();
            if (tdts.size() == 1) {
                observation.show(shownArchive, tdts.get(0));
            }
        }
    }

    /** Downloads the selected rows' products as the form says, into the downloads panel's folder (event thread). */
    void download() {
        List<Long> tdts = selectedTdts();
        if (shownArchive == null || tdts.isEmpty()) {
            status("Nothing to download: select rows of a result first");
            return;
        }
        DownloadChoice choice = downloadForm.choice();
        downloads.download(shownArchive, tdts, choice, null); // null: the panel's folder, which says if it is no path
        side.setSelectedIndex(Side.DOWNLOADS.ordinal());
        status("Downloading " + tdts.size() + (tdts.size() == 1 ? " observation" : " observations") + " ("
               + choice.describe() + ")");
    }

    /** The downloads panel's folder changed (typed or chosen): remembered, and saved on the worker. */
    private void folderTyped() {
        try {
            settings.setFolder(downloads.folder());
        } catch (IllegalStateException notAPath) {
            return; // the panel says so when a download asks for it
        }
        if (savePending.compareAndSet(false, true)) {
            io.execute(() -> {
                savePending.set(false);
                settings.save();
            });
        }
    }

    /**
     * Replaces the panel of one of the right-hand tabs (a host's own, say); the window's own panel stays wired, unseen.
     *
     * @param which the tab
     * @param panel the panel
     */
    public void setSidePanel(Side which, JComponent panel) {
        side.setComponentAt(which.ordinal(), panel);
    }

    /**
     * @param handler told each settled selection of the results (event thread), with the result's archive; the
     *                wiring point of the right-hand panels
     */
    public void setSelectionHandler(SelectionHandler handler) {
        selectionHandler = handler == null ? (archive, rows) -> { } : handler;
    }

    /** @param listener told each new result (event thread); the wiring point of the bus panel */
    public void setResultListener(ResultListener listener) {
        resultListener = listener == null ? (table, name, archive) -> { } : listener;
    }

    /** @return the TDTs of the selected rows (their {@code tdt} column), in view order: what a download takes */
    public List<Long> selectedTdts() {
        List<Long> out = new ArrayList<>();
        for (Object v : results.selectedValues("tdt")) {
            if (v instanceof Number n) {
                out.add(n.longValue());
            } else {
                try {
                    out.add(Long.parseLong(v.toString().trim()));
                } catch (NumberFormatException e) {
                    // not a TDT: left out
                }
            }
        }
        return out;
    }

    /** @return the archive of the result shown, or null before the first result */
    public IsoArchive shownArchive() {
        return shownArchive;
    }

    /**
     * Selects a row of the result shown and scrolls to it (e.g. a {@code table.highlight.row} from the bus).
     *
     * @param modelRow an index into the result's table; out of range: nothing happens
     */
    public void selectRow(int modelRow) {
        results.selectRow(modelRow);
    }

    /** @return a future completed once the window has closed, its settings saved and its archives stopped */
    public CompletableFuture<Void> closed() {
        return closed;
    }

    // ---- search

    /** Starts a search from the form (event thread); a wrong field puts the cursor there and says why. */
    void search() {
        if (running != null) {
            return;
        }
        ArchiveSettings archive;
        ArchiveSearch s;
        try {
            archive = archiveSettings();
            s = searchPanel.search();
        } catch (IllegalArgumentException e) {
            status("Not searched: " + e.getMessage());
            return;
        }
        settings.setMaxrec(s.maxrec());
        settings.setArchive(String.valueOf(archiveField.getSelectedItem()).trim());
        boolean asJob = async.isSelected();
        int mine = ++generation;
        results.clear("Searching: " + s.label() + " (MAXREC " + s.maxrec() + ") ...");
        saveAction.setEnabled(false);
        setBusy(true, asJob ? "Job: submitting" : "Query sent");
        status(" ");
        running = named(() -> runSearch(mine, archive, s, asJob), "iso-samp window search");
        running.start();
    }

    /** On the search thread: open, resolve, query; the outcome goes back to the event thread. */
    private void runSearch(int mine, ArchiveSettings archive, ArchiveSearch s, boolean asJob) {
        try {
            IsoArchive a = archives.session(archive).archive();
            JobListener phases = p -> later(mine, () -> phase.setText("Job: " + p));
            QueryRequest r = s.request(a).newBuilder().async(asJob).jobListener(phases).build();
            QueryResult result = a.query(r);
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("cancelled");
            }
            later(mine, () -> shown(a, result, s.label()));
        } catch (InterruptedIOException e) {
            later(mine, () -> ended("Cancelled: " + s.label()));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "search " + s.label() + " failed", e);
            // interrupted while opening the archive, say, the failure is the cancel's
            boolean cancelled = Thread.currentThread().isInterrupted();
            later(mine, () -> ended(cancelled ? "Cancelled: " + s.label() : "Search failed: " + describe(e)));
        }
    }

    private void shown(IsoArchive archive, QueryResult result, String label) {
        shownArchive = archive;
        observation.clear();
        results.show(result, label);
        bus.setResults(result.table(), label, archive);
        resultListener.shown(result.table(), label, archive);
        saveAction.setEnabled(true);
        setBusy(false, " ");
        running = null;
        status(result.overflow() ? "Truncated at MAXREC " + result.maxrec() : " ");
    }

    private void ended(String line) {
        results.clear(line);
        setBusy(false, " ");
        running = null;
        status(line);
    }

    /** Stops the search running (event thread): its thread is interrupted, which aborts the query. */
    void cancel() {
        if (running == null) {
            return;
        }
        running.interrupt();
        phase.setText("Cancelling ...");
        cancelAction.setEnabled(false);
    }

    /** Runs {@code r} on the event thread if the search {@code mine} is still the newest. */
    private void later(int mine, Runnable r) {
        SwingUtilities.invokeLater(() -> {
            if (mine == generation) {
                r.run();
            }
        });
    }

    private void setBusy(boolean on, String phaseText) {
        busy.setVisible(on);
        phase.setText(phaseText);
        searchAction.setEnabled(!on);
        cancelAction.setEnabled(on);
    }

    private void archiveChanged() {
        try {
            ArchiveSettings a = archiveSettings();
            searchPanel.setArchive(a, () -> archives.session(a).archive());
        } catch (IllegalArgumentException e) {
            searchPanel.setArchive(null, null);
            status(e.getMessage());
        }
    }

    /** @return the archive the chooser names: blank or production for production, else local or a URL */
    ArchiveSettings archiveSettings() {
        Object item = archiveField.getSelectedItem();
        String t = item == null ? "" : item.toString().trim();
        if (t.isEmpty() || t.toLowerCase(Locale.ROOT).equals(PRODUCTION)) {
            return cache.apply(ArchiveSettings.production());
        }
        return cache.apply(ArchiveSettings.parse(t));
    }

    // ---- save

    /** Asks for a file and a format (event thread), then saves on the worker. */
    void saveAs() {
        if (results.result() == null) {
            status("Nothing to save: search first");
            return;
        }
        JComboBox<String> format = new JComboBox<>(formats().toArray(new String[0]));
        format.setToolTipText("the STIL output format; (by extension) picks it from the file name");
        JPanel accessory = new JPanel(new BorderLayout());
        JLabel formatLabel = new JLabel("Format:");
        formatLabel.setDisplayedMnemonic('m');
        formatLabel.setLabelFor(format);
        accessory.add(formatLabel, BorderLayout.NORTH);
        accessory.add(format, BorderLayout.CENTER);
        JFileChooser chooser = new JFileChooser(settings.folder().toFile());
        chooser.setDialogTitle("Save the results");
        chooser.setAccessory(accessory);
        chooser.setSelectedFile(new File("iso-results.vot"));
        if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        String f = (String) format.getSelectedItem();
        save(chooser.getSelectedFile().toPath(), f == null || f.startsWith("(") ? null : f, IfExists.REFUSE);
    }

    /** @return "(by extension)" and STIL's output formats */
    static List<String> formats() {
        List<String> out = new ArrayList<>();
        out.add("(by extension)");
        out.addAll(new StarTableOutput().getKnownFormats());
        return out;
    }

    /**
     * Saves the results shown (event thread; the writing runs on the worker). An existing file is refused first;
     * the user is asked, and a yes saves again replacing it.
     *
     * @param file   where
     * @param format a STIL output format, or null to pick it from the file's extension
     * @param ifExists what to do with an existing file
     */
    void save(Path file, String format, IfExists ifExists) {
        QueryResult r = results.result();
        if (r == null) {
            status("Nothing to save: search first");
            return;
        }
        status("Saving " + file + " ...");
        io.execute(() -> {
            try {
                TableFiles.save(r.table(), OutputTarget.file(file, ifExists), format);
                long rows = r.table().getRowCount();
                SwingUtilities.invokeLater(() -> status("Saved " + rows + " rows to " + file));
            } catch (OutputExistsException e) {
                SwingUtilities.invokeLater(() -> {
                    int answer = JOptionPane.showConfirmDialog(this, file + " exists. Replace it?", "Save",
                                                               JOptionPane.YES_NO_OPTION);
                    if (answer == JOptionPane.YES_OPTION) {
                        save(file, format, IfExists.REPLACE);
                    } else {
                        status("Not saved: " + file + " exists");
                    }
                });
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "save " + file, e);
                SwingUtilities.invokeLater(() -> status("Not saved: " + describe(e)));
            }
        });
    }

    /** Asks for the download folder (event thread). */
    void chooseFolder() {
        JFileChooser chooser = new JFileChooser(settings.folder().toFile());
        chooser.setDialogTitle("Download folder");
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        if (chooser.showDialog(this, "Choose") == JFileChooser.APPROVE_OPTION) {
            setFolder(chooser.getSelectedFile().toPath());
        }
    }

    /** @param folder where downloads go, remembered for the next run (the downloads panel's folder too) */
    public void setFolder(Path folder) {
        downloads.setFolder(folder); // which tells folderTyped: remembered and saved
        settings.setFolder(folder.toAbsolutePath());
        status("Downloads go to " + folder);
    }

    /** @return where downloads go */
    public Path folder() {
        return settings.folder();
    }

    // ---- close

    /**
     * Closes the window (event thread): the search is cancelled, the settings (archive, MAXREC, bounds) saved and
     * the archives stopped on the worker; {@link #closed()} completes after.
     */
    void close() {
        if (running != null) {
            running.interrupt();
        }
        // part files go as the workers stop; the bus panel unregisters (and stops a hub it started) on its thread
        downloads.cancelAll();
        bus.close();
        settings.setBounds(getBounds());
        settings.setArchive(String.valueOf(archiveField.getSelectedItem()).trim());
        try {
            settings.setMaxrec(Long.parseLong(searchPanel.text(ArchiveSearch.Field.MAXREC).trim()));
        } catch (NumberFormatException e) {
            // a MAXREC not a number is not remembered
        }
        dispose();
        io.execute(() -> {
            try {
                settings.save();
                archives.close();
            } finally {
                io.shutdown();
                closed.complete(null);
            }
        });
    }

    // ---- for the package's tests and the probe (event thread)

    /** @return the search panel, to fill as a user would */
    SearchPanel searchPanel() {
        return searchPanel;
    }

    /** @return the results panel */
    ResultsPanel results() {
        return results;
    }

    /** @return the observation panel */
    ObservationPanel observation() {
        return observation;
    }

    /** @return the downloads panel */
    DownloadsPanel downloads() {
        return downloads;
    }

    /** @return the form of what a download fetches */
    DownloadForm downloadForm() {
        return downloadForm;
    }

    /** @return the bus panel */
    BusPanel bus() {
        return bus;
    }

    /** @param which the right-hand tab to show */
    void showSide(Side which) {
        side.setSelectedIndex(which.ordinal());
    }

    /** @return the status line */
    String status() {
        return status.getText();
    }

    /** @return the job phase line */
    String phase() {
        return phase.getText();
    }

    /** @return whether a search runs */
    boolean searching() {
        return running != null;
    }

    /** @param text the archive chooser's text (production, local, a URL) */
    void setArchive(String text) {
        archiveField.setSelectedItem(text);
    }

    /** @param on whether searches run as UWS jobs */
    void setAsync(boolean on) {
        async.setSelected(on);
    }

    private void status(String line) {
        status.setText(line == null || line.isBlank() ? " " : line.replaceAll("\\s*\\R\\s*", " "));
    }

    /** @return what went wrong, in one line: the message, else the exception's kind */
    static String describe(Throwable e) {
        String m = e.getMessage();
        if (e instanceof java.net.UnknownHostException) {
            return "unknown host " + m;
        }
        if (e instanceof java.net.ConnectException) {
            return "cannot connect: " + m;
        }
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.replaceAll("\\s*\\R\\s*", " ");
    }

    private static Action action(String name, int key, int modifiers, int mnemonic, String tip,
                                 java.util.function.Consumer<ActionEvent> run) {
        Action a = new AbstractAction(name) {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(ActionEvent e) {
                run.accept(e);
            }
        };
        a.putValue(Action.ACCELERATOR_KEY, KeyStroke.getKeyStroke(key, modifiers));
        if (mnemonic != 0) {
            a.putValue(Action.MNEMONIC_KEY, mnemonic);
        }
        a.putValue(Action.SHORT_DESCRIPTION, tip);
        return a;
    }

    private static Thread named(Runnable r, String name) {
        Thread t = new Thread(r, name + " " + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    }
}
