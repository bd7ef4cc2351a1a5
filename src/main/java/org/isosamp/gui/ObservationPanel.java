package org.isosamp.gui;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.BorderFactory;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import org.isosamp.archive.IsoArchive;
import org.isosamp.model.ProductLevel;
import org.isosamp.plot.ImageQuickLook;
import org.isosamp.plot.QuickLook;
import org.isosamp.plot.SpectrumQuickLook;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.plot.XYPlot;

/**
 * The selected observation: a heading (TDT, instrument, AOT, target), then four tabs: its quick look (the
 * STANDALONE product drawn by {@link QuickLook}: a spectrum's every segment, or an image with its stretch and colour
 * bar, and what lies under the cursor: RA/Dec and the pixel's value, or wavelength and flux), its postcard, its
 * metadata (its {@code ida.observations} row; units and descriptions as tooltips) and its products (the STANDALONE
 * product and, per product level, the OBSERVATION tar's files with their sizes). Below them one line says what is
 * being fetched, or what went wrong.
 *
 * <pre>{@code
 * ObservationPanel p = new ObservationPanel();
 * frame.add(p);
 * p.show(archive, 58002102L);   // from any thread: returns at once, the panel fills as answers arrive
 * }</pre>
 *
 * <p>Nothing slow runs on the event thread: the archive is asked on the panel's own daemon threads
 * ({@code iso-samp-observation}), and what they read comes back with {@link SwingUtilities#invokeLater}. The newest
 * {@link #show} wins: each call cancels the work of the one before, and an answer for an older call that arrives
 * late is dropped. Products come through {@link IsoArchive#download}, so an archive with a product cache shows a
 * second look at an observation without fetching it again. A tar is listed only when its level is asked for (the
 * Products tab opened, another level chosen), since listing it means downloading it.
 *
 * <p>Keyboard: the tabs have mnemonics (Alt+Q quick look, Alt+C postcard, Alt+M metadata, Alt+R products); on the
 * Products tab, Alt+L picks the level and Alt+T lists it.
 *
 * <p>Thread-safety: {@link #show} and {@link #clear} may be called from any thread; everything else, as Swing, on
 * the event thread.
 */
public final class ObservationPanel extends JPanel {

    private static final Logger LOG = Logger.getLogger(ObservationPanel.class.getName());

    static final int LOOK_TAB = 0;
    static final int POSTCARD_TAB = 1;
    static final int METADATA_TAB = 2;
    static final int PRODUCTS_TAB = 3;

    private static final String CHART_CARD = "chart";
    private static final String MESSAGE_CARD = "message";
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Cached threads: a new show's work must not queue behind an older listing of a large tar being cancelled. */
    private final ExecutorService workers;

    /** Bumped by every show and clear, on the caller's thread: the newest call is known at once. */
    private final AtomicLong generation = new AtomicLong();

    // event thread only, from here on
    private long shown;          // the generation the components show
    private IsoArchive archive;
    private long tdt;
    private int busy;            // tasks of the shown generation still running
    private final Map<ProductLevel, ObservationLoader.Listing> listings = new EnumMap<>(ProductLevel.class);
    private final java.util.List<Future<?>> running = new java.util.ArrayList<>();
    private QuickLook look;

    private final JLabel heading = new JLabel(" ");
    private final JLabel status = new JLabel(" ");
    private final JTabbedPane tabs = new JTabbedPane();
    private final CardLayout lookCards = new CardLayout();
    private final JPanel lookArea = new JPanel(lookCards);
    private final JPanel chartHolder = new JPanel(new BorderLayout());
    /** What the empty panel says, so that a window showing it before any selection says what fills it. */
    static final String EMPTY = "Select one row of the results to see its observation here.";
    private final JLabel lookMessage = new JLabel(EMPTY, SwingConstants.CENTER);
    private final JLabel cursor = new JLabel(" ");
    private final JLabel postcard = new JLabel(" ", SwingConstants.CENTER);
    private final ObservationTables.Metadata metadataModel = new ObservationTables.Metadata();
    private final ObservationTables.Products productsModel = new ObservationTables.Products();
    private final JComboBox<ProductLevel> level = new JComboBox<>(ProductLevel.values());
    private final JButton list = new JButton("List");
    private ChartPanel chartPanel;

    /** An empty panel; {@link #show} fills it. */
    public ObservationPanel() {
        this(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "iso-samp-observation-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        }));
    }

    /** @param workers where the archive is asked (tests: an executor they can wait for) */
    ObservationPanel(ExecutorService workers) {
        super(new BorderLayout(0, 4));
        this.workers = workers;
        setName("observation");
        setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        heading.setName("observation.heading");
        heading.setFont(heading.getFont().deriveFont(Font.BOLD, heading.getFont().getSize2D() + 2f));
        add(heading, BorderLayout.NORTH);

        tabs.setName("observation.tabs");
        tabs.addTab("Quick look", lookTab());
        tabs.setMnemonicAt(LOOK_TAB, KeyEvent.VK_Q);
        tabs.addTab("Postcard", postcardTab());
        tabs.setMnemonicAt(POSTCARD_TAB, KeyEvent.VK_C);
        tabs.addTab("Metadata", metadataTab());
        tabs.setMnemonicAt(METADATA_TAB, KeyEvent.VK_M);
        tabs.addTab("Products", productsTab());
        tabs.setMnemonicAt(PRODUCTS_TAB, KeyEvent.VK_R);
        tabs.setDisplayedMnemonicIndexAt(PRODUCTS_TAB, 1);
        tabs.addChangeListener(e -> {
            if (tabs.getSelectedIndex() == PRODUCTS_TAB) {
                listLevel(false);
            }
        });
        add(tabs, BorderLayout.CENTER);

        status.setName("observation.status");
        add(status, BorderLayout.SOUTH);
        setPreferredSize(new Dimension(640, 520));
    }

    private JComponent lookTab() {
        lookMessage.setName("observation.lookMessage");
        chartHolder.setName("observation.chartHolder");
        lookArea.add(chartHolder, CHART_CARD);
        lookArea.add(lookMessage, MESSAGE_CARD);
        lookCards.show(lookArea, MESSAGE_CARD);
        cursor.setName("observation.cursor");
        cursor.setBorder(BorderFactory.createEmptyBorder(2, 4, 0, 4));
        JPanel p = new JPanel(new BorderLayout());
        p.add(lookArea, BorderLayout.CENTER);
        p.add(cursor, BorderLayout.SOUTH);
        return p;
    }

    private JComponent postcardTab() {
        postcard.setName("observation.postcard");
        postcard.setVerticalAlignment(SwingConstants.CENTER);
        JScrollPane s = new JScrollPane(postcard);
        s.setBorder(BorderFactory.createEmptyBorder());
        return s;
    }

    private JComponent metadataTab() {
        JTable t = new JTable(metadataModel) {
            @Override
            public String getToolTipText(MouseEvent e) {
                int row = rowAtPoint(e.getPoint());
                return row < 0 ? null : metadataModel.toolTip(convertRowIndexToModel(row));
            }
        };
        t.setName("observation.metadata");
        t.setAutoCreateRowSorter(true);
        t.setFillsViewportHeight(true);
        t.getColumnModel().getColumn(0).setPreferredWidth(160);
        t.getColumnModel().getColumn(0).setMaxWidth(240);
        t.getColumnModel().getColumn(1).setPreferredWidth(480);
        return new JScrollPane(t);
    }

    private JComponent productsTab() {
        JTable t = new JTable(productsModel);
        t.setName("observation.products");
        t.setFillsViewportHeight(true);
        // the names get the room; the level and the size take what they need
        t.getColumnModel().getColumn(0).setPreferredWidth(260);
        t.getColumnModel().getColumn(0).setMaxWidth(320);
        t.getColumnModel().getColumn(1).setPreferredWidth(420);
        t.getColumnModel().getColumn(2).setPreferredWidth(90);
        t.getColumnModel().getColumn(2).setMaxWidth(120);
        javax.swing.table.DefaultTableCellRenderer right = new javax.swing.table.DefaultTableCellRenderer();
        right.setHorizontalAlignment(SwingConstants.RIGHT);
        t.getColumnModel().getColumn(2).setCellRenderer(right);

        level.setName("observation.level");
        level.setSelectedItem(ProductLevel.DEFAULT_DATA_SET);
        level.addActionListener(e -> listLevel(false));
        JLabel levelLabel = new JLabel("Level:");
        levelLabel.setDisplayedMnemonic(KeyEvent.VK_L);
        levelLabel.setLabelFor(level);
        list.setName("observation.list");
        list.setMnemonic(KeyEvent.VK_T);
        list.setToolTipText("Download the OBSERVATION tar at this level (into the product cache) and list its files");
        list.addActionListener(e -> listLevel(true));
        JPanel bar = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEADING, 4, 2));
        bar.add(levelLabel);
        bar.add(level);
        bar.add(list);
        JPanel p = new JPanel(new BorderLayout());
        p.add(bar, BorderLayout.NORTH);
        p.add(new JScrollPane(t), BorderLayout.CENTER);
        return p;
    }

    /**
     * Shows an observation: fetches its metadata, quick look and postcard off the event thread and fills the panel
     * as each arrives. Returns at once; a later call (or {@link #clear}) supersedes this one.
     *
     * @param archive where to look
     * @param tdt     the observation's TDT
     */
    public void show(IsoArchive archive, long tdt) {
        java.util.Objects.requireNonNull(archive, "archive");
        long g = generation.incrementAndGet();
        onEdt(() -> {
            if (g != generation.get()) {
                return;   // a newer call came before this one reached the event thread
            }
            reset(g);
            this.archive = archive;
            this.tdt = tdt;
            heading.setText(Long.toString(tdt));
            status.setText("Fetching " + tdt + " from " + archive.base() + " …");
            lookMessage.setText("Fetching the quick look of " + tdt + " …");
            postcard.setText("Fetching the postcard of " + tdt + " …");
            productsModel.setStandalone(null, -1, "fetching …");
            submit(g, () -> load(g, archive, tdt));
            if (tabs.getSelectedIndex() == PRODUCTS_TAB) {
                listLevel(false);
            }
        });
    }

    /** Empties the panel and cancels what it was fetching. Any thread. */
    public void clear() {
        long g = generation.incrementAndGet();
        onEdt(() -> {
            if (g == generation.get()) {
                reset(g);
            }
        });
    }

    /** Event thread: cancels the older work and empties every part. */
    private void reset(long g) {
        shown = g;
        busy = 0;
        running.forEach(f -> f.cancel(true));
        running.clear();
        archive = null;
        listings.clear();
        look = null;
        chartPanel = null;
        chartHolder.removeAll();
        chartHolder.revalidate();
        lookMessage.setText(EMPTY);
        lookCards.show(lookArea, MESSAGE_CARD);
        cursor.setText(" ");
        postcard.setIcon(null);
        postcard.setText(" ");
        metadataModel.set(null);
        productsModel.clear();
        heading.setText(" ");
        status.setText(" ");
        status.setForeground(getForeground());
        status.setToolTipText(null);
    }

    /** The worker: metadata first (an unknown TDT stops there), then the quick look, then the postcard. */
    private void load(long g, IsoArchive archive, long tdt) throws IOException {
        ObservationMetadata m = ObservationLoader.metadata(archive, tdt);
        publish(g, () -> {
            metadataModel.set(m);
            heading.setText(m.heading(tdt));
            if (m.rows() > 1) {
                heading.setToolTipText(m.rows() + " rows of ida.observations have this TDT (parallel observations);"
                                       + " shown: the prime's");
            }
        });
        try {
            ObservationLoader.Standalone s = ObservationLoader.standalone(archive, tdt);
            publish(g, () -> showLook(s));
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "no STANDALONE product of " + tdt, e);
            publish(g, () -> {
                lookMessage.setText(html("No quick look: " + oneLine(e)));
                productsModel.setStandalone(null, -1, "none: " + oneLine(e));
            });
        }
        try {
            BufferedImage img = ObservationLoader.postcard(archive, tdt);
            publish(g, () -> {
                postcard.setText(null);
                postcard.setIcon(new ImageIcon(img));
            });
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "no postcard of " + tdt, e);
            publish(g, () -> postcard.setText(html("No postcard: " + oneLine(e))));
        }
    }

    /** Event thread: the STANDALONE product's row and its quick look, or why there is none. */
    private void showLook(ObservationLoader.Standalone s) {
        productsModel.setStandalone(s.name(), s.size(), null);
        if (s.look() == null) {
            lookMessage.setText(html(s.problem()));
            lookCards.show(lookArea, MESSAGE_CARD);
            return;
        }
        look = s.look();
        chartPanel = new LookPanel(look);
        chartHolder.removeAll();
        chartHolder.add(chartPanel, BorderLayout.CENTER);
        chartHolder.revalidate();
        lookCards.show(lookArea, CHART_CARD);
        chartHolder.repaint();
    }

    /**
     * Event thread: lists the chosen level's tar, unless it is listed already (or {@code again}, to fetch it
     * anew after a failure).
     */
    private void listLevel(boolean again) {
        ProductLevel l = (ProductLevel) level.getSelectedItem();
        IsoArchive a = archive;
        if (a == null || l == null) {
            return;
        }
        ObservationLoader.Listing known = listings.get(l);
        if (known != null && !again) {
            productsModel.setListing(known, l.name(), "");
            return;
        }
        long g = shown;
        long t = tdt;
        productsModel.setListing(null, l.name(), "listing …");
        submit(g, () -> {
            try {
                ObservationLoader.Listing listing = ObservationLoader.listing(a, t, l);
                publish(g, () -> {
                    listings.put(l, listing);
                    if (level.getSelectedItem() == l) {
                        productsModel.setListing(listing, l.name(), "");
                    }
                });
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "no " + l + " tar of " + t, e);
                publish(g, () -> {
                    if (level.getSelectedItem() == l) {
                        productsModel.setListing(null, l.name(), "none: " + oneLine(e));
                    }
                });
            }
        });
    }

    private interface Work {
        void run() throws IOException;
    }

    /** Event thread: runs work for generation {@code g}; its failure becomes the panel's one error line. */
    private void submit(long g, Work work) {
        busy++;
        updateBusy();
        running.add(workers.submit(() -> {
            try {
                work.run();
            } catch (InterruptedIOException e) {
                LOG.fine(() -> "superseded: " + e.getMessage());
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "observation panel: " + e.getMessage(), e);
                publish(g, () -> fail(e));
            } finally {
                publish(g, () -> {
                    busy--;
                    updateBusy();
                });
            }
        }));
        running.removeIf(Future::isDone);
    }

    private void updateBusy() {
        if (busy == 0 && status.getForeground() != ERROR && archive != null) {
            status.setText(" ");
        }
    }

    private static final Color ERROR = new Color(0xB00020);

    /** Event thread: the one error line; the parts that depend on the observation are emptied. */
    private void fail(Exception e) {
        String line = oneLine(e);
        status.setForeground(ERROR);
        status.setText(line);
        status.setToolTipText(line);
        lookMessage.setText(" ");
        postcard.setText(" ");
        productsModel.clear();
    }

    /** Runs {@code r} on the event thread if {@code g} is still what the panel shows. */
    private void publish(long g, Runnable r) {
        SwingUtilities.invokeLater(() -> {
            if (g == shown && g == generation.get()) {
                r.run();
            }
        });
    }

    private static void onEdt(Runnable r) {
        if (SwingUtilities.isEventDispatchThread()) {
            r.run();
        } else {
            SwingUtilities.invokeLater(r);
        }
    }

    /** @return the message of an exception on one line (no stack trace, no class name unless there is no message) */
    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        return m.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    private static String html(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<html><div style='text-align:center'>" + escaped + "</div></html>";
    }

    // --- what the tests read (event thread) ---

    /** @return the quick look shown, or null */
    QuickLook look() {
        return look;
    }

    /** @return the chart panel of the quick look, or null */
    ChartPanel chartPanel() {
        return chartPanel;
    }

    /** @return whether work for the shown observation is still running */
    boolean busy() {
        return busy > 0;
    }

    /** @return the TDT shown (0 when empty) */
    long tdt() {
        return archive == null ? 0 : tdt;
    }

    /**
     * The quick look's chart: an image keeps square pixels at any size (its axes are laid out after each paint), and
     * the cursor's place is described below it.
     */
    private final class LookPanel extends ChartPanel {

        private final QuickLook q;

        LookPanel(QuickLook q) {
            // no save/print/properties items: their dialogs write files on the event thread; zoom for spectra only
            // (an image's axes are its layout); drawn at the panel's own size, never scaled as a bitmap
            super(q.chart(), 600, 400, 100, 100, 4000, 4000, true, false, false, false,
                  q instanceof SpectrumQuickLook, false);
            this.q = q;
            setName("observation.chart");
            setMouseWheelEnabled(q instanceof SpectrumQuickLook);
            setFocusable(true);
            addMouseMotionListener(new MouseAdapter() {
                @Override
                public void mouseMoved(MouseEvent e) {
                    cursor.setText(describe(e));
                }
            });
            addMouseListener(new MouseAdapter() {
                @Override
                public void mouseExited(MouseEvent e) {
                    cursor.setText(" ");
                }
            });
        }

        private String describe(MouseEvent e) {
            Rectangle2D area = getChartRenderingInfo().getPlotInfo().getDataArea();
            Point2D p = translateScreenToJava2D(e.getPoint());
            if (area == null || !area.contains(p)) {
                return " ";
            }
            if (q instanceof ImageQuickLook img) {
                String s = img.describeAt(p.getX(), p.getY(), area);
                return s.isEmpty() ? " " : s;
            }
            XYPlot plot = q.chart().getXYPlot();
            double x = plot.getDomainAxis().java2DToValue(p.getX(), area, plot.getDomainAxisEdge());
            double y = plot.getRangeAxis().java2DToValue(p.getY(), area, plot.getRangeAxisEdge());
            return String.format(java.util.Locale.ROOT, "%s = %.5g    %s = %.4g",
                                 plot.getDomainAxis().getLabel(), x, plot.getRangeAxis().getLabel(), y);
        }

        @Override
        public void paintComponent(Graphics g) {
            super.paintComponent(g);
            if (q.layout(getChartRenderingInfo().getPlotInfo().getDataArea())) {
                repaint();   // the axes changed for this size: once more, now with square pixels
            }
        }
    }
}
