package org.isosamp.cli;

import com.formdev.flatlaf.FlatLightLaf;
import java.awt.GraphicsEnvironment;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.SwingUtilities;
import org.isosamp.archive.ArchiveSettings;
import org.isosamp.gui.IsoWindow;
import org.isosamp.gui.WindowSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code gui}: the desktop window ({@link IsoWindow}), also what {@code iso-samp} with no command opens when there is a
 * display. The one place that installs the standalone look and feel (FlatLaf): inside TOPCAT the window takes
 * TOPCAT's, and the plug-in jar holds neither this class nor FlatLaf. Without a display it fails in one line, exit 1.
 * The command returns when the window has closed and saved what it remembers.
 */
@Command(name = "gui", mixinStandardHelpOptions = true,
         description = {"Open the desktop window: search the ISO archive (form or ADQL), see and sort the results, "
                        + "save them in any STIL format. Needs a display (DISPLAY). The window remembers its "
                        + "archive; --archive chooses the one it opens with."})
public final class GuiCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(GuiCommand.class.getName());

    /**
     * The look and feel's set-up and the window's settings, begun by {@link #prepare()} while picocli reads the
     * command line; null when not begun.
     */
    private static volatile FutureTask<WindowSettings> early;

    @Spec
    CommandSpec spec;

    @Mixin
    ArchiveOptions options;

    @Override
    public Integer call() throws Exception {
        if (!displayAvailable()) {
            spec.commandLine().getErr().println("iso-samp gui: no display (DISPLAY is unset or Java runs headless): "
                                                + "the window needs one; every command works without it");
            spec.commandLine().getErr().flush();
            return 1;
        }
        options.logging();
        String archive = options.archive; // checked by picocli: local or a URL
        open(archive == null ? null : archive.equalsIgnoreCase(IsoWindow.LOCAL) ? IsoWindow.LOCAL : archive,
             options.cache());
        return 0;
    }

    /**
     * The command lines that open the window and need nothing of picocli's, read by hand: {@code gui},
     * {@code gui --archive X} and {@code gui --archive=X} with X {@code local} or an http(s) URL. Building picocli's
     * model of the command line takes ~0.2 s of the main thread (its classes, compiled for Java 5, are outside the
     * launcher's class-data archive) while the window waits on one core of two. Anything else (help, another
     * option, a wrong archive, no display) returns null: picocli then reads it and says what it says.
     *
     * @param args the whole command line, {@code gui} first
     * @return the archive of {@code --archive} as {@link #call} takes it ({@code ""} for none), or null
     */
    public static String directArchive(String[] args) {
        return displayAvailable() ? readDirect(args) : null;
    }

    /** @return as {@link #directArchive}, a display taken for granted (testable headless) */
    static String readDirect(String[] args) {
        if (args.length == 0 || !args[0].equals("gui")) {
            return null;
        }
        String value;
        if (args.length == 1) {
            return "";
        } else if (args.length == 2 && args[1].startsWith("--archive=")) {
            value = args[1].substring("--archive=".length());
        } else if (args.length == 3 && args[1].equals("--archive")) {
            value = args[2];
        } else {
            return null;
        }
        try {
            org.isosamp.archive.ArchiveSettings.parse(value); // as ArchiveOptions' converter checks it
        } catch (IllegalArgumentException e) {
            return null;
        }
        return value.trim();
    }

    /**
     * Runs {@code gui} as {@link #call} does with no option but {@code --archive}, without picocli.
     *
     * @param archive the archive from {@link #directArchive}, {@code ""} for none
     * @return the exit code: 0 when the window has closed
     * @throws Exception as {@link #open} throws it
     */
    public static int runDirect(String archive) throws Exception {
        ArchiveOptions options = new ArchiveOptions();
        options.archive = archive.isEmpty() ? null : archive;
        options.logging();
        open(archive.isEmpty() ? null : archive.equalsIgnoreCase(IsoWindow.LOCAL) ? IsoWindow.LOCAL : archive,
             options.cache());
        return 0;
    }

    /** @return whether a window can be shown: Java is not headless (Linux: DISPLAY set) */
    public static boolean displayAvailable() {
        return !GraphicsEnvironment.isHeadless();
    }

    /**
     * Installs the look and feel, reads the window's settings (here, off the event thread), shows the window and
     * waits until it has closed.
     *
     * @param archive the archive to show first, or null for the one remembered
     * @param cache   the product cache every archive of the window takes (the command line's cache options)
     */
    public static void open(String archive, UnaryOperator<ArchiveSettings> cache) throws Exception {
        WindowSettings settings = settings();
        if (archive != null) {
            settings.setArchive(archive);
        }
        IsoWindow[] window = new IsoWindow[1];
        SwingUtilities.invokeAndWait(() -> {
            window[0] = new IsoWindow(settings, cache);
            window[0].setVisible(true);
        });
        window[0].closed().get();
    }

    /**
     * Begins, on a thread of its own, what {@link #open} needs before it builds the window: the look and feel (FlatLaf
     * takes ~0.15 s more than Swing's own, most of it loading its classes, the fonts and its defaults) and the
     * window's settings (Preferences, a file). The launcher calls it first thing for {@code gui} and for no command on
     * a display, so that this runs beside picocli's reading of the command line (~0.1 s) instead of after it: the
     * window shows that much sooner (bench/window-start.sh). Nothing on the event thread yet: Swing's rule that
     * the look and feel be set before the first component is made holds. Harmless if the command then fails or
     * only prints its help: the thread is a daemon.
     */
    public static void prepare() {
        prepare(true);
    }

    /**
     * As {@link #prepare()}, for a command line that needs no reading: {@code false} when the window is built as soon
     * as the look and feel is set ({@link #runDirect}). Then the event thread makes no components ahead (they would
     * only be made twice: ~20 ms later to the window, bench/window-start.sh) and the settings are read by
     * {@link #open}'s thread, beside the look and feel's set-up instead of after it.
     *
     * @param whileReading true when picocli will read the command line meanwhile (the main thread is busy)
     */
    public static void prepare(boolean whileReading) {
        FutureTask<WindowSettings> task = new FutureTask<>(() -> {
            installLookAndFeel();
            if (!whileReading) {
                return null; // open() reads them
            }
            // the event thread starts making the kinds of component the window is made of while picocli finishes
            SwingUtilities.invokeLater(GuiCommand::warmUp);
            return WindowSettings.user();
        });
        Thread t = new Thread(task, "iso-samp-window-setup");
        t.setDaemon(true);
        early = task;
        t.start();
    }

    /**
     * On the event thread: one of each kind of component the window is made of, measured and thrown away, so that
     * their classes, their look and feel's delegates and fonts are set up while the main thread still reads the
     * command line; the window then finds them ready.
     */
    static void warmUp() {
        javax.swing.JPanel p = new javax.swing.JPanel();
        javax.swing.JComboBox<String> box = new javax.swing.JComboBox<>(new String[] {"x"});
        box.setEditable(true);
        javax.swing.JTabbedPane tabs = new javax.swing.JTabbedPane();
        tabs.addTab("x", new javax.swing.JScrollPane(new javax.swing.JTextArea("x")));
        javax.swing.JMenuBar bar = new javax.swing.JMenuBar();
        javax.swing.JMenu menu = new javax.swing.JMenu("x");
        menu.add(new javax.swing.JMenuItem("x"));
        bar.add(menu);
        for (javax.swing.JComponent c : new javax.swing.JComponent[] {
            new javax.swing.JLabel("x"), new javax.swing.JTextField("x"), new javax.swing.JButton("x"),
            new javax.swing.JCheckBox("x"), box, tabs, new javax.swing.JScrollPane(new javax.swing.JTable(1, 1)),
            new javax.swing.JScrollPane(new javax.swing.JTree()), new javax.swing.JProgressBar(),
            new javax.swing.JSplitPane(), new javax.swing.JToolBar(), bar}) {
            p.add(c);
        }
        p.getPreferredSize();
    }

    /** @return the window's settings, the look and feel installed: as {@link #prepare} began them, or now */
    static WindowSettings settings() throws Exception {
        FutureTask<WindowSettings> task = early;
        if (task == null) {
            installLookAndFeel();
            return WindowSettings.user();
        }
        early = null; // once: a second window (a test's) reads its settings anew
        try {
            WindowSettings read = task.isDone() ? null : WindowSettings.user(); // beside the set-up, if it still runs
            WindowSettings prepared = task.get();
            return prepared != null ? prepared : read != null ? read : WindowSettings.user();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    /** @return whether {@link #prepare} has begun work that {@link #open} has not taken yet */
    static boolean prepared() {
        return early != null;
    }

    /**
     * FlatLaf's light theme, for the standalone window only (the probe of the window's tests takes it too, so that
     * its screenshots show what users see); if it cannot be set, Swing's default stays (the window works in any).
     */
    public static void installLookAndFeel() {
        try {
            FlatLightLaf.setup();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "FlatLaf not installed, Swing's default look instead: " + e, e);
        }
    }
}
