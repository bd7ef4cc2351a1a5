package org.isosamp;

import org.isosamp.archive.IsoArchive;
import org.isosamp.cli.ArchiveOptions;
import org.isosamp.cli.CacheCommand;
import org.isosamp.cli.ClientsCommand;
import org.isosamp.cli.ColumnsCommand;
import org.isosamp.cli.CompletionCommand;
import org.isosamp.cli.ConeCommand;
import org.isosamp.cli.DownloadCommand;
import org.isosamp.cli.GuiCommand;
import org.isosamp.cli.ListenCommand;
import org.isosamp.cli.PostcardCommand;
import org.isosamp.cli.QueryCommand;
import org.isosamp.cli.QuickLookCommand;
import org.isosamp.cli.SendProductCommand;
import org.isosamp.cli.SendTableCommand;
import org.isosamp.cli.ServeLocalCommand;
import org.isosamp.cli.TablesCommand;
import org.isosamp.cli.TopcatCommand;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The iso-samp launcher: the command registry, {@code --version}, and how failures are told (one line; a usage
 * error adds a hint; JUL silent without {@code -v}), nothing else.
 * <pre>
 *   java -jar target/iso-samp.jar serve-local --port 8080
 * </pre>
 * Without a command it opens the window ({@code gui}) when there is a display; with none (a terminal over ssh, CI) it
 * prints the usage and the commands on stderr and exits 2, a usage error (git prints the same and exits 1).
 */
@Command(name = "iso-samp", mixinStandardHelpOptions = true,
         versionProvider = IsoSamp.Version.class,
         description = "Virtual Observatory client for ESA's ISO Data Archive.",
         synopsisSubcommandLabel = "COMMAND",
         footer = {"", "Each command has --help. A failure prints one line on stderr and exits 1; a usage error"
                       + " exits 2."})
public final class IsoSamp implements Callable<Integer> {

    /** Help texts this wide when neither $COLUMNS nor the terminal says otherwise: no URL or path broken. */
    static final int HELP_WIDTH = 120;

    /** First words that need every command registered: they list or describe them all. */
    private static final Set<String> NEED_ALL = Set.of("help", "completion");

    @Spec
    CommandSpec spec;

    /** Every command, by name, in the order of the help. */
    static final Map<String, Class<?>> COMMANDS = commands();

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("help", CommandLine.HelpCommand.class);
        m.put("query", QueryCommand.class);
        m.put("tables", TablesCommand.class);
        m.put("columns", ColumnsCommand.class);
        m.put("download", DownloadCommand.class);
        m.put("postcard", PostcardCommand.class);
        m.put("quicklook", QuickLookCommand.class);
        m.put("cone", ConeCommand.class);
        m.put("cache", CacheCommand.class);
        m.put("clients", ClientsCommand.class);
        m.put("listen", ListenCommand.class);
        m.put("send-table", SendTableCommand.class);
        m.put("send-product", SendProductCommand.class);
        m.put("serve-local", ServeLocalCommand.class);
        m.put("topcat", TopcatCommand.class);
        m.put("gui", GuiCommand.class);
        m.put("completion", CompletionCommand.class);
        return Collections.unmodifiableMap(m);
    }

    /**
     * Runs a command line and returns its exit code (testable: no System.exit).
     *
     * @param args command-line arguments
     * @return 0 on success, non-zero on failure
     */
    public static int runMain(String... args) {
        // no command on a display opens the window: no need to read every command's annotations first (~0.1 s);
        // with none, the usage lists them (call() builds them then)
        if (args.length == 0 && GuiCommand.displayAvailable()) {
            return bare().execute(args);
        }
        // `gui` with at most --archive: no picocli (~0.2 s of the main thread), the window shows that much sooner
        String archive = GuiCommand.directArchive(args);
        if (archive != null) {
            quietLogging();
            try {
                return GuiCommand.runDirect(archive);
            } catch (Exception e) { // as configure()'s handler tells a failing command
                Logger.getLogger(IsoSamp.class.getName()).log(Level.FINE, "gui failed", e);
                System.err.println("iso-samp gui: " + describe(e));
                System.err.flush();
                return 1;
            }
        }
        return commandLine(args.length > 0 ? args[0] : null).execute(args);
    }

    /**
     * @return the command line with every command registered; a failing command prints one
     *         line, {@code iso-samp <command>: <what went wrong>}, on stderr and exits with 1
     */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * @param first the first argument: when it names a command (not {@code help}), only that
     *              command is registered, since picocli reads the annotations of every registered
     *              command when the command line is built (a noticeable part of start-up)
     * @return the command line, as {@link #commandLine()}
     */
    static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new IsoSamp());
        Class<?> only = first == null || NEED_ALL.contains(first) ? null : COMMANDS.get(first);
        if (only != null) {
            cl.addSubcommand(first, only);
        } else {
            COMMANDS.forEach(cl::addSubcommand);
        }
        return configure(cl);
    }

    /** @return the command line with no command registered: for no command at all, which opens the window */
    static CommandLine bare() {
        return configure(new CommandLine(new IsoSamp()));
    }

    private static CommandLine configure(CommandLine cl) {
        quietLogging();
        // after the commands are added: these settings reach only the commands present
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        helpWidth(cl, System.getenv("COLUMNS"));
        cl.setParameterExceptionHandler(IsoSamp::usageError);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            java.util.logging.Logger.getLogger(IsoSamp.class.getName())
                .log(java.util.logging.Level.FINE, cmd.getCommandName() + " failed", ex);
            cmd.getErr().println("iso-samp " + cmd.getCommandName() + ": " + describe(ex));
            cmd.getErr().flush();
            return 1;
        });
        return cl;
    }

    /**
     * Sets the width of help texts: {@code $COLUMNS} when it is a number (picocli's least, 55, and up), else the
     * terminal's (picocli asks {@code stty}), else {@value #HELP_WIDTH}. picocli's own default, 80 columns, broke
     * URLs and paths in the middle ({@code ~/.} then {@code samp}).
     *
     * @param cl      the command line, its commands added
     * @param columns the value of {@code $COLUMNS}, or null
     */
    public static void helpWidth(CommandLine cl, String columns) {
        int width = -1;
        try {
            width = columns == null ? -1 : Integer.parseInt(columns.trim());
        } catch (NumberFormatException e) {
            // not a width: as if unset
        }
        cl.setUsageHelpWidth(width >= 55 ? width : HELP_WIDTH);
        cl.setUsageHelpAutoWidth(width < 55);
        cl.setUsageHelpLongOptionsMaxWidth(30);
    }

    /**
     * A usage error, as git and GNU tools tell it: what is wrong, then where to look, on stderr; exit 2.
     * <pre>
     * iso-samp cone: Invalid value for positional parameter at index 0 (RA): 'M31' is not a double
     * try 'iso-samp cone --help'
     * </pre>
     */
    static int usageError(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        String line = name + ": " + describe(ex);
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            line += " (did you mean '" + String.join("' or '", u.getSuggestions()) + "'?)";
        }
        err.println(line);
        err.println("try '" + name + " --help'");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * JUL says nothing on the terminal unless {@code -v} asks ({@link ArchiveOptions} turns it up): the root
     * handlers, which every logger reaches (ours, JSAMP's, OkHttp's, the JDK's), are turned off. Failures reach
     * the user as the command's one line; retries as a progress note.
     */
    static void quietLogging() {
        for (Handler h : Logger.getLogger("").getHandlers()) {
            h.setLevel(Level.OFF);
        }
    }

    /** @return what went wrong, in one line */
    static String describe(Throwable ex) {
        String m = ex.getMessage();
        if (ex instanceof java.net.SocketTimeoutException) {
            return "timed out: " + (m == null ? "no answer" : m);
        }
        if (ex instanceof java.net.UnknownHostException) {
            return "unknown host " + m;
        }
        if (ex instanceof java.net.ConnectException) {
            return "cannot connect: " + m;
        }
        if (m == null || m.isBlank()) {
            return ex.getClass().getSimpleName();
        }
        return m.replaceAll("\\s*\\R\\s*", " ");
    }

    public static void main(String[] args) {
        quietLogging(); // before anything below may log
        if (opensWindow(args)) {
            // the look and feel (and the window's settings) are set up while picocli reads the command line, or
            // (gui with at most --archive: no picocli) while this thread reads the settings; no HTTP client ahead:
            // the window makes its own after it shows, and until then it would take a core
            GuiCommand.prepare(GuiCommand.directArchive(args) == null);
        } else if (args.length > 0 && usesArchive(COMMANDS.get(args[0]))) {
            // the HTTP client (and its TLS set-up, if the archive is https) is made while picocli reads the command line
            IsoArchive.prepareDefaultHttpClient(ArchiveOptions.httpsLikely(args));
        }
        System.exit(runMain(args));
    }

    /**
     * @param args the command line
     * @return whether it will most likely open the window: {@code gui}, or no command at all, with a display (its
     *         help, or a usage error, does not, but then what {@link GuiCommand#prepare} began is just unused)
     */
    static boolean opensWindow(String[] args) {
        return (args.length == 0 || args[0].equals("gui")) && GuiCommand.displayAvailable();
    }

    /**
     * @return whether {@code command} (null: none) talks to an archive: it has {@link ArchiveOptions}, itself or in
     *         one of its mixins (as {@code SendOptions} has)
     */
    static boolean usesArchive(Class<?> command) {
        if (command == null) {
            return false;
        }
        for (java.lang.reflect.Field f : command.getDeclaredFields()) {
            if (f.getType() == ArchiveOptions.class
                || f.isAnnotationPresent(CommandLine.Mixin.class) && usesArchive(f.getType())) {
                return true;
            }
        }
        return false;
    }

    /**
     * No command: the window when there is a display ({@code gui}); else the usage and the list of commands, on
     * stderr, as a usage error.
     */
    @Override
    public Integer call() throws Exception {
        if (GuiCommand.displayAvailable()) {
            GuiCommand.open(null, java.util.function.UnaryOperator.identity());
            return 0;
        }
        CommandLine cl = spec.commandLine();
        if (cl.getSubcommands().isEmpty()) { // bare(): the usage lists the commands
            CommandLine all = commandLine();
            all.setErr(cl.getErr());
            cl = all;
        }
        cl.usage(cl.getErr());
        cl.getErr().flush();
        return spec.exitCodeOnInvalidInput();
    }

    /**
     * The build (version, commit, time, from the jar's manifest), the libraries that matter (each read from the
     * library itself: the shaded jar keeps only our manifest) and the Java that runs it.
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Package p = IsoSamp.class.getPackage();
            String v = p.getImplementationVersion();
            String build = v == null ? "(development build: classes, not the jar)" : v + buildOf(IsoSamp.class);
            return new String[] {
                "iso-samp " + build,
                "STIL " + resource(uk.ac.starlink.table.StarTable.class, "stil.version")
                    + ", JSAMP " + resource(org.astrogrid.samp.Message.class, "jsamp.version")
                    + ", OkHttp " + okhttp3.OkHttp.VERSION,
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                    + System.getProperty("java.vendor") + ") on " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch"),
            };
        }

        /** @return " (commit C, built T)" from the manifest of the jar holding {@code c}, as far as it says */
        private static String buildOf(Class<?> c) {
            try {
                var where = c.getProtectionDomain().getCodeSource().getLocation();
                try (var jar = new java.util.jar.JarFile(new java.io.File(where.toURI()))) {
                    var attrs = jar.getManifest().getMainAttributes();
                    java.util.List<String> parts = new java.util.ArrayList<>();
                    String commit = attrs.getValue("Build-Commit");
                    if (commit != null && commit.matches("[0-9a-f]{4,40}")) {
                        parts.add("commit " + commit);
                    }
                    String time = attrs.getValue("Build-Time");
                    if (time != null && !time.isBlank()) {
                        parts.add("built " + time);
                    }
                    return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
                }
            } catch (java.io.IOException | java.net.URISyntaxException | RuntimeException e) {
                return ""; // no jar, or no manifest: the version alone
            }
        }

        /** @return the one-line text of a library's version resource beside {@code c}, or "unknown" */
        static String resource(Class<?> c, String name) {
            try (var in = c.getResourceAsStream(name)) {
                return in == null ? "unknown" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .trim();
            } catch (java.io.IOException e) {
                return "unknown";
            }
        }
    }
}
