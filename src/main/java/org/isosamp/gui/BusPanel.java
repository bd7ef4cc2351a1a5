package org.isosamp.gui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.event.KeyEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.AbstractButton;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.DefaultComboBoxModel;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.ListModel;
import javax.swing.SwingUtilities;
import javax.swing.event.ListDataEvent;
import javax.swing.event.ListDataListener;
import org.astrogrid.samp.gui.GuiHubConnector;
import org.astrogrid.samp.hub.Hub;
import org.isosamp.archive.IsoArchive;
import org.isosamp.samp.ConeSearcher;
import org.isosamp.samp.Delivery;
import org.isosamp.samp.HubLocation;
import org.isosamp.samp.PointAtService;
import org.isosamp.samp.ProductSender;
import org.isosamp.samp.RowSender;
import org.isosamp.samp.SampManifest;
import org.isosamp.samp.SampPeer;
import org.isosamp.samp.SampSession;
import org.isosamp.samp.SentTable;
import org.isosamp.samp.TableSender;
import uk.ac.starlink.table.StarTable;

/**
 * The window's view of the SAMP bus: the hub's status, the other clients with what each takes (table, spectrum,
 * image, sky position, rows), register and unregister, start a hub when none runs; send the result table, or the
 * selected row's STANDALONE product (a spectrum goes to SPLAT-like clients, an image to Aladin-like ones), to every
 * client that takes it or to the one chosen; a "Listen" switch that answers {@code coord.pointAt.sky} as
 * {@code iso-samp listen} does (cone searches broadcast as tables), with a log of what came and what went, and "also
 * send the nearest spectrum/image" ({@code listen --send-nearest}). Rows the user selects in the window go out as
 * {@code table.highlight.row} (one) or {@code table.select.rowList} (several) for the result table iso-samp sent;
 * the same messages from other clients for it select rows in the window ({@link #setRowSelectionHandler}).
 *
 * <p>The bus itself is the core's: a {@link SampSession} whose client registers through JSAMP's
 * {@link GuiHubConnector} (with iso-samp's hub-crash recovery), a {@link PointAtService}, a {@link TableSender} and a
 * {@link ProductSender} recording in the service's sent tables (so row messages are understood), a
 * {@link RowSender}. Every SAMP call, the session's opening included, runs on the panel's own threads, never on the
 * event thread; what they learn comes back with {@code invokeLater}. Every socket is on 127.0.0.1.
 *
 * <pre>{@code
 * BusPanel bus = new BusPanel();                    // the hub of SAMP_HUB, else ~/.samp
 * bus.setArchive(archive);
 * bus.setResults(table, "M31 observations", archive);
 * bus.setRowSelectionHandler(row -> resultsTable.selectRow(row));
 * resultsTable.onSelection(rows -> bus.rowsSelected(rows));
 * ...
 * bus.close();
 * }</pre>
 *
 * <p>Swing: create and use on the event thread (the setters may be called from any thread).
 */
public final class BusPanel extends JPanel {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(BusPanel.class.getName());

    /** The most log lines kept; older ones scroll away. */
    static final int MAX_LOG = 1000;
    /** How often the client looks for a hub after losing it (and checks that it still answers), seconds. */
    private static final int AUTOCONNECT_SECONDS = 5;
    private static final String ALL = "All clients";

    private final transient HubLocation location;
    private final transient ExecutorService calls = single("iso-samp bus calls");
    private final transient ExecutorService sends = single("iso-samp bus sends");

    private final JLabel status = new JLabel("Opening the SAMP session...");
    private final JButton register = new JButton("Register");
    private final JButton startHub = new JButton("Start hub");
    private final DefaultListModel<SampPeer> clientModel = new DefaultListModel<>();
    private final JList<SampPeer> clients = new JList<>(clientModel);
    private final DefaultComboBoxModel<Object> recipientModel = new DefaultComboBoxModel<>(new Object[] {ALL});
    private final JComboBox<Object> recipient = new JComboBox<>(recipientModel);
    private final JButton sendTable = new JButton("Send table");
    private final JButton sendProduct = new JButton("Send product");
    private final JCheckBox listen = new JCheckBox("Listen: answer coord.pointAt.sky with cone searches");
    private final JCheckBox nearest = new JCheckBox("Also send the nearest spectrum (SPLAT) and image (Aladin)");
    private final DefaultListModel<String> logModel = new DefaultListModel<>();
    private final JList<String> log = new JList<>(logModel);

    // the bus, set once on the calls thread, then read anywhere
    private transient volatile SampSession session;
    private transient volatile PointAtService service;
    private transient volatile TableSender tableSender;
    private transient volatile ProductSender productSender;
    private transient volatile RowSender rowSender;
    private transient volatile Hub ownHub;
    private volatile boolean closed;
    /** whether {@link #start()} has queued the session's opening */
    private boolean started;
    /** The user unregistered with the button, and the client has not yet told the loss. */
    private volatile boolean byHand;
    /** Set on the calls thread once everything is closed. */
    private boolean shutDown;

    // what the window shows, set from any thread
    private transient volatile Results results;
    private transient volatile IsoArchive archive;
    private final transient BusRowLink rowLink = new BusRowLink();
    private volatile long[] selected = new long[0];

    /** The result table and what iso-samp sent of it (row messages refer to those). */
    private record Results(StarTable table, String name, List<SentTable> sent) {
        Results withSent(List<SentTable> s) {
            return new Results(table, name, List.copyOf(s));
        }
    }

    /** A panel on the hub of {@code SAMP_HUB}, else {@code ~/.samp}. */
    public BusPanel() {
        this(HubLocation.of(null));
    }

    /**
     * A panel on the hub of a lockfile; it registers as soon as a hub runs there (now, or within 5 s of one
     * starting).
     *
     * @param location where the hub is
     */
    public BusPanel(HubLocation location) {
        this(location, true);
    }

    /**
     * @param location where the hub is
     * @param openNow  whether to begin opening the session now; if not, {@link #start()} begins it (the window does
     *                 once it shows, so that the session's set-up does not delay its showing)
     */
    BusPanel(HubLocation location, boolean openNow) {
        super(new BorderLayout(0, 6));
        this.location = location;
        setName("bus");
        build();
        if (openNow) {
            start();
        }
    }

    /** Begins opening the session (on the calls thread), once; nothing after {@link #close()}. Event thread. */
    void start() {
        if (!started && !closed) {
            started = true;
            calls.execute(this::open);
        }
    }

    private static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    private void build() {
        setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        status.setName("bus.status");
        register.setName("bus.register");
        register.setMnemonic(KeyEvent.VK_R);
        register.setEnabled(false);
        register.addActionListener(e -> toggleRegistration());
        startHub.setName("bus.startHub");
        startHub.setMnemonic(KeyEvent.VK_H);
        startHub.setEnabled(false);
        startHub.setToolTipText("Run a SAMP hub in this window (it stops with the window), for TOPCAT, SPLAT and"
                                + " Aladin to join");
        startHub.addActionListener(e -> startHub());
        JPanel hub = new JPanel(new BorderLayout(6, 0));
        hub.add(status, BorderLayout.CENTER);
        JPanel hubButtons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 4, 0));
        hubButtons.add(register);
        hubButtons.add(startHub);
        hub.add(hubButtons, BorderLayout.EAST);

        clients.setName("bus.clients");
        clients.setVisibleRowCount(5);
        clients.setCellRenderer(BusRenderers.clients());
        // choosing a client in the list makes it the recipient, from the keyboard too
        clients.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting() && clients.getSelectedValue() != null) {
                SampPeer p = clients.getSelectedValue();
                if (recipientModel.getIndexOf(p) >= 0) {
                    recipient.setSelectedItem(p);
                }
            }
        });
        JScrollPane clientScroll = new JScrollPane(clients);
        clientScroll.setBorder(BorderFactory.createTitledBorder("Clients on the hub"));

        recipient.setName("bus.recipient");
        recipient.setRenderer(BusRenderers.recipients());
        JLabel to = new JLabel("Send to:");
        to.setDisplayedMnemonic(KeyEvent.VK_O);
        to.setLabelFor(recipient);
        sendTable.setName("bus.sendTable");
        sendTable.setMnemonic(KeyEvent.VK_T);
        sendTable.setToolTipText("Send the result table to every client that takes tables, or to the one chosen");
        sendTable.addActionListener(e -> sendTable());
        sendProduct.setName("bus.sendProduct");
        sendProduct.setMnemonic(KeyEvent.VK_P);
        sendProduct.setToolTipText("Send the selected observation's product: a spectrum to SPLAT, an image to"
                                   + " Aladin (every client that takes it, or the one chosen)");
        sendProduct.addActionListener(e -> sendProduct());
        JPanel send = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
        send.add(to);
        send.add(recipient);
        send.add(sendTable);
        send.add(sendProduct);

        listen.setName("bus.listen");
        listen.setMnemonic(KeyEvent.VK_L);
        listen.setEnabled(false);
        listen.addActionListener(e -> setListening(listen.isSelected()));
        nearest.setName("bus.nearest");
        nearest.setMnemonic(KeyEvent.VK_N);
        nearest.addActionListener(e -> {
            PointAtService s = service;
            if (s != null) {
                s.setSendNearest(nearest.isSelected());
            }
        });
        JPanel switches = new JPanel();
        switches.setLayout(new BoxLayout(switches, BoxLayout.Y_AXIS));
        listen.setAlignmentX(LEFT_ALIGNMENT);
        nearest.setAlignmentX(LEFT_ALIGNMENT);
        switches.add(listen);
        switches.add(nearest);

        JPanel top = new JPanel();
        top.setLayout(new BoxLayout(top, BoxLayout.Y_AXIS));
        for (javax.swing.JComponent c : List.of(hub, clientScroll, send, switches)) {
            c.setAlignmentX(LEFT_ALIGNMENT);
            top.add(c);
            top.add(Box.createVerticalStrut(4));
        }
        add(top, BorderLayout.NORTH);

        log.setName("bus.log");
        log.setVisibleRowCount(8);
        log.setCellRenderer(BusRenderers.logLines());
        JScrollPane logScroll = new JScrollPane(log);
        logScroll.setBorder(BorderFactory.createTitledBorder("Bus log"));
        add(logScroll, BorderLayout.CENTER);
        // as the status says "Opening": open() may already have set the session, and its refresh shows both
        updateButtons(null, false);
    }

    /** Opens the session and the service, on the calls thread; then registers when a hub runs. */
    private void open() {
        try {
            SampSession s = SampSession.open(location, false, GuiHubConnector::new);
            PointAtService svc = new PointAtService(s, archive, ConeSearcher.Settings.of(SampManifest.load()),
                                                    PointAtService.broadcaster());
            svc.setListening(false);   // the user switches it on
            // a registration dropped by the user's Unregister is no loss of the hub: say what happened
            svc.addListener(new PointAtService.Lines(svc, this::serviceLine));
            svc.addListener(new PointAtService.Listener() {
                @Override
                public void highlighted(SentTable t, long row, String senderId) {
                    fromBus(t, new long[] {row});
                }

                @Override
                public void selected(SentTable t, long[] rows, String senderId) {
                    fromBus(t, rows);
                }
            });
            s.client().addConnectionListener(c -> SwingUtilities.invokeLater(this::refresh));
            GuiHubConnector gui = (GuiHubConnector) s.client().connector();
            SwingUtilities.invokeLater(() -> watchClients(gui.getClientListModel()));
            session = s;
            service = svc;
            tableSender = new TableSender(s.client(), s.server(), svc.sentTables(), TableSender.DEFAULT_TIMEOUT,
                                          TableSender.DEFAULT_MAX_TABLES);
            productSender = new ProductSender(s.client(), s.server(), archive, svc.sentTables(),
                                              TableSender.DEFAULT_TIMEOUT, ProductSender.DEFAULT_MAX_PRODUCTS);
            rowSender = new RowSender(s.client());
            if (closed) {
                return;   // close() queued the shutdown after this
            }
            try {
                svc.start(AUTOCONNECT_SECONDS, Duration.ZERO);
            } catch (SampSession.NoHubException e) {
                // no hub yet: autoconnect registers when one comes
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "opening the SAMP session failed", e);
            log("cannot open the SAMP session: " + oneLine(e));
        }
        SwingUtilities.invokeLater(this::refresh);
    }

    /** A line of the service's: the loss that follows the user's Unregister is told as what it is. */
    private void serviceLine(String line) {
        if (line.startsWith("lost the SAMP hub") && byHand) {
            byHand = false;
            log("unregistered from the SAMP hub");
            return;
        }
        if (line.startsWith("registered")) {
            byHand = false;   // an unregistration and registration quicker than the client's watch: no loss told
        }
        log(line);
    }

    /** The connector's client list changes on the event thread: ours follows it. */
    private void watchClients(ListModel<?> model) {
        model.addListDataListener(new ListDataListener() {
            @Override
            public void intervalAdded(ListDataEvent e) {
                refresh();
            }

            @Override
            public void intervalRemoved(ListDataEvent e) {
                refresh();
            }

            @Override
            public void contentsChanged(ListDataEvent e) {
                refresh();
            }
        });
        refresh();
    }

    /** Shows the registration and the clients as the connector knows them now (in memory: no hub call). */
    private void refresh() {
        SampSession s = session;
        boolean connected = s != null && s.client().isConnected();
        if (closed) {
            status.setText("Left the SAMP bus");
        } else if (s == null) {
            status.setText("Opening the SAMP session...");
        } else if (connected) {
            status.setText("Registered with the SAMP hub as " + s.client().selfId());
        } else {
            status.setText("Not registered: no SAMP hub at " + location.lockUrl());
        }
        status.setToolTipText("Lockfile " + location.lockUrl());
        List<SampPeer> peers = connected ? s.client().peers() : List.of();
        if (!peers.equals(java.util.Collections.list(clientModel.elements()))) {
            SampPeer was = clients.getSelectedValue();
            clientModel.clear();
            peers.forEach(clientModel::addElement);
            if (was != null) {
                clients.setSelectedValue(was, false);
            }
            Object chosen = recipient.getSelectedItem();
            recipientModel.removeAllElements();
            recipientModel.addElement(ALL);
            peers.stream().filter(BusTakes::takesSomethingWeSend).forEach(recipientModel::addElement);
            recipient.setSelectedItem(recipientModel.getIndexOf(chosen) >= 0 ? chosen : ALL);
        }
        // the session and registration the status shows: the calls thread or the hub may change them meanwhile
        updateButtons(s, connected);
    }

    private void updateButtons(SampSession s, boolean connected) {
        register.setEnabled(s != null && !closed);
        register.setText(connected ? "Unregister" : "Register");
        register.setMnemonic(KeyEvent.VK_R);
        startHub.setEnabled(s != null && !connected && ownHub == null && !closed);
        listen.setEnabled(s != null && !closed);
        nearest.setEnabled(s != null && !closed);   // the switch acts on the service, made with the session
        sendTable.setEnabled(connected && results != null);
        sendProduct.setEnabled(connected && results != null && selected.length == 1 && archive != null);
    }

    private void toggleRegistration() {
        SampSession s = session;
        if (s == null) {
            return;
        }
        boolean connected = s.client().isConnected();
        calls.execute(() -> {
            if (connected) {
                byHand = true;   // until the loss it causes is told (the client sees it up to 200 ms later)
            }
            s.client().connector().setActive(!connected);
            if (!connected && !s.client().isConnected()) {
                log("no SAMP hub at " + location.lockUrl() + ": start one here, or TOPCAT, or Aladin");
            }
            SwingUtilities.invokeLater(this::refresh);
        });
    }

    private void startHub() {
        SampSession s = session;
        if (s == null) {
            return;
        }
        startHub.setEnabled(false);
        calls.execute(() -> {
            try {
                ownHub = location.startHub();
                log("started a SAMP hub (it stops with this window)");
                s.client().connector().setActive(true);   // register now rather than at the next autoconnect
            } catch (Exception e) {
                log("cannot start a SAMP hub: " + oneLine(e));
            }
            SwingUtilities.invokeLater(this::refresh);
        });
    }

    private void setListening(boolean on) {
        calls.execute(() -> {
            PointAtService s = service;
            if (s == null) {
                return;
            }
            try {
                s.setListening(on);
                log(on ? "listening for " + s.describe() : "not listening for coord.pointAt.sky");
            } catch (Exception e) {
                log("cannot change the subscriptions: " + oneLine(e));
            }
        });
    }

    /** @return the chosen recipient's id, or null for every client that takes what is sent */
    private String recipientId() {
        return recipient.getSelectedItem() instanceof SampPeer p ? p.id() : null;
    }

    private void sendTable() {
        Results r = results;
        TableSender sender = tableSender;
        if (r == null || sender == null) {
            return;
        }
        String to = recipientId();
        sends.execute(() -> {
            try {
                TableSender.Published p = sender.publish(r.table(), r.name(), to);
                // the rows the window selects from now on refer to this send
                synchronized (this) {
                    if (results != null && results.table() == r.table()) {
                        results = results.withSent(p.formats());
                    }
                }
                log("table \"" + r.name() + "\" (" + p.table().rowCount() + " rows): " + replies(p.delivery()));
            } catch (Exception e) {
                log("table \"" + r.name() + "\" not sent: " + oneLine(e));
            }
        });
    }

    private void sendProduct() {
        Results r = results;
        ProductSender sender = productSender;
        long[] rows = selected;
        if (r == null || sender == null || rows.length != 1) {
            return;
        }
        String to = recipientId();
        long row = rows[0];
        sends.execute(() -> {
            String tdt = null;
            try {
                tdt = BusRows.tdt(r.table(), row);
                ProductSender.Sent s = sender.send(tdt, to);
                log("product " + tdt + " (" + s.product().kind().name().toLowerCase(Locale.ROOT) + ") as "
                    + s.mtype() + ": " + replies(s.delivery()));
            } catch (Exception e) {
                log("product " + (tdt == null ? "of row " + row : tdt) + " not sent: " + oneLine(e));
            }
        });
    }

    private static String replies(Delivery d) {
        List<String> out = new ArrayList<>();
        d.recipients().forEach(p -> out.add(p.name() + " " + d.outcome(p, TableSender.DEFAULT_TIMEOUT)));
        return out.size() + (out.size() == 1 ? " client" : " clients") + (out.isEmpty() ? "" : " (" + String.join(", ", out) + ")");
    }

    /** A row message from another client: if it is about the result table shown, the window selects the rows. */
    private void fromBus(SentTable t, long[] rows) {
        Results r = results;
        if (r != null && r.sent().stream().anyMatch(s -> s.tableId().equals(t.tableId()))) {
            rowLink.arrived(rows);
        }
    }

    /**
     * What "Send table" sends, and what row messages refer to: the window's result table. Any thread.
     *
     * @param table the result table (rows in model order: the row numbers exchanged are its rows)
     * @param name the name receivers show
     * @param from the archive it came from (products of its rows are downloaded from there)
     */
    public void setResults(StarTable table, String name, IsoArchive from) {
        results = table == null ? null : new Results(table, name == null || name.isBlank() ? "iso-samp results" : name,
                                                    List.of());
        selected = new long[0];
        if (from != null) {
            setArchive(from);
        }
        SwingUtilities.invokeLater(this::refresh);   // buttons with the status, from one read of the session
    }

    /**
     * @param handler told (on the event thread) the row another client highlighted, or the first of the rows it
     *        selected, in the result table iso-samp sent; the window selects it
     */
    public void setRowSelectionHandler(IntConsumer handler) {
        rowLink.setOne(handler);
    }

    /**
     * @param handler told (on the event thread) every row another client selected ({@code table.select.rowList}) or
     *        highlighted in the result table iso-samp sent; when set, it is told instead of the
     *        {@linkplain #setRowSelectionHandler one-row handler}
     */
    public void setRowsSelectionHandler(Consumer<long[]> handler) {
        rowLink.setMany(handler);
    }

    /**
     * The user selected rows of the result table: once it has been sent, one row goes out as
     * {@code table.highlight.row}, several as {@code table.select.rowList}; rows the bus itself just selected are not
     * sent back. Any thread.
     *
     * @param rows the selected rows of the result table (model order), empty for none
     */
    public void rowsSelected(long[] rows) {
        long[] now = rows == null ? new long[0] : rows.clone();
        selected = now;
        SwingUtilities.invokeLater(this::refresh);   // buttons with the status, from one read of the session
        if (!rowLink.isUsers(now)) {
            return;
        }
        Results r = results;
        RowSender sender = rowSender;
        SampSession s = session;
        if (r != null && !r.sent().isEmpty() && sender != null && now.length > 0 && s != null
            && s.client().isConnected()) {
            calls.execute(() -> BusRowLink.send(sender, r.sent(), now));
        }
    }

    /**
     * Where "Listen" searches and products come from (the window's archive chooser). Any thread.
     *
     * @param a the archive
     */
    public void setArchive(IsoArchive a) {
        this.archive = a;
        calls.execute(() -> {
            PointAtService s = service;
            if (s != null) {
                s.setArchive(a);
            }
            ProductSender p = productSender;
            if (p != null) {
                p.setArchive(a);
            }
        });
        SwingUtilities.invokeLater(this::refresh);   // buttons with the status, from one read of the session
    }

    /** Adds a line to the log, from any thread; the oldest go past {@value #MAX_LOG}. */
    private void log(String line) {
        LOG.fine(line);
        SwingUtilities.invokeLater(() -> {
            logModel.addElement(line);
            while (logModel.size() > MAX_LOG) {
                logModel.remove(0);
            }
            log.ensureIndexIsVisible(logModel.size() - 1);
        });
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.replaceAll("\\s*\\R\\s*", " ");
    }

    /** @return the "Send table" button (the window's menu item clicks it, and follows its enabled state) */
    AbstractButton sendTableButton() {
        return sendTable;
    }

    /** @return the "Send product" button (the window's menu item clicks it, and follows its enabled state) */
    AbstractButton sendProductButton() {
        return sendProduct;
    }

    /** @return the "Listen" switch (the window's menu item shares its model) */
    AbstractButton listenSwitch() {
        return listen;
    }

    /**
     * Whether the panel offers to start a hub (it does by default). Hosted in another application that runs or finds
     * the hub itself (TOPCAT), it does not: the Start hub button is hidden.
     *
     * @param offered false to hide Start hub (event thread)
     */
    public void setHubStartOffered(boolean offered) {
        startHub.setVisible(offered);
    }

    /**
     * Leaves the bus: stops listening, stops serving what was sent, unregisters, and stops the hub this panel
     * started. Returns at once; the work runs on the panel's thread.
     */
    public void close() {
        closed = true;
        calls.execute(this::shutdown);
        calls.shutdown();
        sends.shutdownNow();
        SwingUtilities.invokeLater(this::refresh);
    }

    private void shutdown() {
        if (shutDown) {
            return;
        }
        shutDown = true;
        try {
            PointAtService s = service;
            if (s != null) {
                s.close();
            }
            if (tableSender != null) {
                tableSender.close();
            }
            if (productSender != null) {
                productSender.close();
            }
            if (session != null) {
                session.close();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "leaving the SAMP bus failed", e);
        } finally {
            Hub h = ownHub;
            if (h != null) {
                h.shutdown();
            }
        }
    }
}
