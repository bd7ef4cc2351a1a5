package org.isosamp.topcat;

import org.isosamp.testing.Shots;
import static org.isosamp.topcat.InTopcat.call;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.swing.ListModel;
import javax.swing.SwingUtilities;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Metadata;
import org.astrogrid.samp.client.AbstractMessageHandler;
import org.astrogrid.samp.client.DefaultClientProfile;
import org.astrogrid.samp.client.HubConnection;
import org.astrogrid.samp.client.HubConnector;
import org.isosamp.model.RetrievalType;
import org.isosamp.samp.ProductFetch;
import org.isosamp.testing.Await;
import uk.ac.starlink.table.StarTable;

/**
 * Runs the real TOPCAT ({@code Driver}, with {@code -Dtopcat.activators=org.isosamp.topcat.IsoProductActivationType}
 * set by the caller) on a table with a {@code tdt} column and drives its activation window as a user would: finds
 * "ISO product" among the window's actions, ticks and selects it, approves it, fills in its panel (the archive, STANDALONE,
 * load into TOPCAT, a folder), shows the window, activates a row as a click in the table does
 * ({@code TopcatModel.highlightRow}), and prints what arrived. Then saves and restores the action's state, as a
 * session does. One line per fact, for {@link IsoProductActivationTopcatTest}:
 * <pre>
 * option NAME                 an action the window offers (ActivationWindow.getOptionActivationTypes)
 * listed CLASS                an entry of the window's list for the table (getActivationState)
 * selected CLASS              the entry the window now shows
 * ready ACTIVATOR|MESSAGE     the configured action has an activator, or TOPCAT's status message
 * shown                       the window shows it (the caller takes a screenshot, then writes "go" to stdin)
 * table LABEL ROWS            the table the activation added to ControlWindow's list
 * file NAME SIZE              each file in the folder
 * state KEY=VALUE             the action's saved state (getState)
 * roundtrip SAME|DIFFERENT    a new configurator given that state gives it back (setState(getState()))
 * session SAME|DIFFERENT      the window's whole state restored (setActivationState(getActivationState()))
 * done
 * </pre>
 * Arguments: the table file, the archive's URL, the row to activate (0-based), the folder. TOPCAT's classes
 * beyond the plug-in's stubs are reached by reflection.
 */
public final class TopcatActivationProbe {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String OURS = IsoProductActivationType.class.getName();

    private TopcatActivationProbe() {
    }

    public static void main(String[] args) {
        InTopcat.probe(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        String tableFile = args[0];
        String archive = args[1];
        long row = Long.parseLong(args[2]);
        Path folder = Path.of(args[3]);
        Object cw = InTopcat.start(tableFile);
        ListModel<?> tables = InTopcat.tables(cw);
        Object model = Await.value(() -> tables.getSize() > 0 ? tables.getElementAt(0) : null, WAIT,
            () -> "the table in TOPCAT's list");
        Class<?> windowClass = Class.forName("uk.ac.starlink.topcat.activate.ActivationWindow");
        for (Object type : (Object[]) windowClass.getMethod("getOptionActivationTypes").invoke(null)) {
            System.out.println("option " + call(type, "getName"));
        }
        AtomicReference<Object> window = new AtomicReference<>();
        AtomicReference<IsoProductConfigurator> configurator = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            Object w = call(model, "getActivationWindow");
            window.set(w);
            IsoProductConfigurator c = chooseOurs(w);
            configurator.set(c);
            StarTable data = (StarTable) call(model, "getDataModel");
            c.apply(new ProductActionSettings(IsoProductActivationType.tdtColumn(data), archive,
                RetrievalType.STANDALONE, null, ProductFetch.Then.LOAD, folder.toString()));
            System.out.println("ready " + (c.getActivator() != null ? "ACTIVATOR" : c.getConfigMessage()));
            ((java.awt.Window) w).setVisible(true);
        });
        SwingUtilities.invokeAndWait(() -> {
            java.awt.Window w = (java.awt.Window) window.get();
            w.setSize(1000, 760);
            w.validate();
        });
        // drawn now, before the caller's screenshot (not left to a paint event still queued)
        Shots.paintNow((java.awt.Component) window.get());
        Await.until(() -> ((java.awt.Window) window.get()).isShowing(), WAIT, "the activation window showing");
        System.out.println("shown");
        System.out.flush();
        // the caller takes its screenshot of the activation window now
        new BufferedReader(new InputStreamReader(System.in)).readLine();

        SwingUtilities.invokeAndWait(() -> call(model, "highlightRow", row));
        Object loaded;
        try {
            loaded = Await.value(() -> tables.getSize() > 1 ? tables.getElementAt(1) : null, WAIT,
                () -> "a second table in TOPCAT's list after the activation");
        } catch (AssertionError e) {
            // say why: the action's own outcome for the row, as TOPCAT's log panel would show it
            Object outcome = configurator.get().getActivator().activateRow(row, null);
            throw new AssertionError(e.getMessage() + "; the action's outcome: " + call(outcome, "isSuccess") + " "
                                     + call(outcome, "getMessage"), e);
        }
        StarTable t = (StarTable) call(loaded, "getDataModel");
        System.out.println("table " + call(loaded, "getLabel") + " " + t.getRowCount());
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                System.out.println("file " + f.getFileName() + " " + Files.size(f));
            }
        }

        AtomicReference<String> roundTrip = new AtomicReference<>();
        AtomicReference<String> session = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            IsoProductConfigurator c = configurator.get();
            Map<String, String> saved = new TreeMap<>(c.getState().getMap());
            saved.forEach((k, v) -> System.out.println("state " + k + "=" + v));
            // a session restored into a new configurator for the same table, as TOPCAT does on loading a session
            Object info = callStatic("uk.ac.starlink.topcat.activate.TopcatModelInfo", "createInfo", model);
            IsoProductConfigurator fresh = (IsoProductConfigurator) new IsoProductActivationType()
                .createConfigurator((uk.ac.starlink.topcat.activate.TopcatModelInfo) info);
            fresh.setState(c.getState());
            roundTrip.set(saved.equals(new TreeMap<>(fresh.getState().getMap())) ? "SAME" : "DIFFERENT "
                + fresh.getState().getMap());
            Object w = window.get();
            List<Map<String, String>> before = activationState(w);
            call(w, "setActivationState", before);
            List<Map<String, String>> after = activationState(w);
            session.set(before.equals(after) ? "SAME" : "DIFFERENT " + before + " / " + after);
        });
        System.out.println("roundtrip " + roundTrip.get());
        System.out.println("session " + session.get());
        send(model, window.get(), row, archive, folder);
        System.out.println("done");
        System.out.flush();
    }

    /**
     * Sends the row's product over SAMP, through the hub TOPCAT runs, to a SPLAT-like client registered here with
     * TOPCAT's own JSAMP, which takes {@code spectrum.load.ssa-generic} and replies {@code samp.ok}.
     */
    private static void send(Object model, Object window, long row, String archive, Path folder)
            throws Exception {
        HubConnector splat = new HubConnector(DefaultClientProfile.getProfile());
        try {
            Metadata meta = new Metadata();
            meta.setName("splat-like");
            splat.declareMetadata(meta);
            BlockingQueue<Message> got = new LinkedBlockingQueue<>();
            splat.addMessageHandler(new AbstractMessageHandler("spectrum.load.ssa-generic") {
                @Override
                public Map<?, ?> processCall(HubConnection c, String senderId, Message msg) {
                    got.add(msg);
                    return new HashMap<String, String>();
                }
            });
            splat.declareSubscriptions(splat.computeSubscriptions());
            splat.setActive(true);
            Await.until(splat::isConnected, WAIT, "the SPLAT-like client on TOPCAT's hub");
            AtomicReference<IsoProductConfigurator> restored = new AtomicReference<>();
            SwingUtilities.invokeAndWait(() -> {
                // the entry the session state restored (a new one, blocked until approved)
                Object entry = call(window, "getSelectedEntry");
                javax.swing.AbstractButton approve = button((java.awt.Container) window, "Approve");
                if (approve != null) {
                    approve.doClick();
                }
                IsoProductConfigurator configurator = (IsoProductConfigurator) call(entry, "getConfigurator");
                restored.set(configurator);
                StarTable data = (StarTable) call(model, "getDataModel");
                configurator.apply(new ProductActionSettings(IsoProductActivationType.tdtColumn(data), archive,
                    RetrievalType.STANDALONE, null, ProductFetch.Then.SEND, folder.toString()));
                // the window's "invoke on the current row", as a user presses it
                call(window, "activateRow", row, uk.ac.starlink.topcat.activate.ActivationMeta.NORMAL);
            });
            Message m = got.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (m == null) {
                Object outcome = restored.get().getActivator()
                    .activateRow(row, uk.ac.starlink.topcat.activate.ActivationMeta.NORMAL);
                System.out.println("outcome " + call(outcome, "isSuccess") + " " + call(outcome, "getMessage"));
            }
            System.out.println(m == null ? "sent nothing" : "sent " + m.getMType() + " " + m.getParam("name") + " "
                + String.valueOf(m.getParam("url")).startsWith("http://127.0.0.1:"));
        } finally {
            splat.setActive(false);
        }
    }

    /**
     * In TOPCAT's activation window, ticks and selects "ISO product" and approves it, as a user does, printing the
     * {@code listed}, {@code selected} and {@code approved} lines. Event thread only.
     *
     * @param w the table's {@code ActivationWindow}
     * @return the action's configurator in the window
     */
    static IsoProductConfigurator chooseOurs(Object w) {
        List<Map<String, String>> state = activationState(w);
        for (Map<String, String> entry : state) {
            System.out.println("listed " + entry.get("_ActivationType"));
        }
        // tick and select ours: TOPCAT lists a SUGGESTED action unticked, and shows the first entry
        for (Map<String, String> entry : state) {
            entry.remove("_isSelected");
            if (OURS.equals(entry.get("_ActivationType"))) {
                entry.put("_isActive", "true");
                entry.put("_isSelected", "true");
            }
        }
        call(w, "setActivationState", state);
        Object entry = call(w, "getSelectedEntry");
        Object type = call(entry, "getType");
        System.out.println("selected " + type.getClass().getName());
        // a restored UNSAFE action waits for the user's approval: press TOPCAT's Approve button
        javax.swing.AbstractButton approve = button((java.awt.Container) w, "Approve");
        if (approve != null) {
            approve.doClick();
        }
        System.out.println("approved " + (approve != null) + " blocked " + call(entry, "isBlocked"));
        return (IsoProductConfigurator) call(entry, "getConfigurator");
    }

    /** @return the first showing button with this text under {@code c}, or null */
    static javax.swing.AbstractButton button(java.awt.Container c, String text) {
        for (java.awt.Component k : c.getComponents()) {
            if (k instanceof javax.swing.AbstractButton b && text.equals(b.getText())) {
                return b;
            }
            if (k instanceof java.awt.Container kc) {
                javax.swing.AbstractButton b = button(kc, text);
                if (b != null) {
                    return b;
                }
            }
        }
        return null;
    }

    /** The window's state, as a session stores it: a fresh copy of each entry's map. */
    @SuppressWarnings("unchecked")
    static List<Map<String, String>> activationState(Object window) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> m : (List<Map<String, String>>) call(window, "getActivationState")) {
            out.add(new LinkedHashMap<>(m));
        }
        return out;
    }

    static Object callStatic(String className, String name, Object... args) {
        try {
            for (Method m : Class.forName(className).getMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                    return m.invoke(null, args);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(name + " on " + className, e);
        }
        throw new IllegalStateException("no " + name + " on " + className);
    }

}
