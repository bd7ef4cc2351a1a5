package org.isosamp;

import org.isosamp.archive.IsoArchive;
import org.isosamp.cli.ArchiveOptions;
import org.isosamp.cli.CacheCommand;
import org.isosamp.cli.ClientsCommand;
import org.isosamp.cli.ColumnsCommand;
import org.isosamp.cli.ConeCommand;
import org.isosamp.cli.DownloadCommand;
import org.isosamp.cli.ListenCommand;
import org.isosamp.cli.PostcardCommand;
import org.isosamp.cli.QueryCommand;
import org.isosamp.cli.SendProductCommand;
import org.isosamp.cli.SendTableCommand;
import org.isosamp.cli.ServeLocalCommand;
import org.isosamp.cli.TablesCommand;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The iso-samp launcher: the command registry and {@code --version}, nothing else.
 * <pre>
 *   java -jar target/iso-samp.jar serve-local --port 8080
 * </pre>
 */
@Command(name = "iso-samp", mixinStandardHelpOptions = true,
         versionProvider = IsoSamp.Version.class,
         description = "Virtual Observatory client for ESA's ISO Data Archive.")
public final class IsoSamp implements Runnable {

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
        m.put("cone", ConeCommand.class);
        m.put("cache", CacheCommand.class);
        m.put("clients", ClientsCommand.class);
        m.put("listen", ListenCommand.class);
        m.put("send-table", SendTableCommand.class);
        m.put("send-product", SendProductCommand.class);
        m.put("serve-local", ServeLocalCommand.class);
        return Collections.unmodifiableMap(m);
    }

    /**
     * Runs a command line and returns its exit code (testable: no System.exit).
     *
     * @param args command-line arguments
     * @return 0 on success, non-zero on failure
     */
    public static int runMain(String... args) {
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
        Class<?> only = first == null || first.equals("help") ? null : COMMANDS.get(first);
        if (only != null) {
            cl.addSubcommand(first, only);
        } else {
            COMMANDS.forEach(cl::addSubcommand);
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            java.util.logging.Logger.getLogger(IsoSamp.class.getName())
                .log(java.util.logging.Level.FINE, cmd.getCommandName() + " failed", ex);
            cmd.getErr().println("iso-samp " + cmd.getCommandName() + ": " + describe(ex));
            cmd.getErr().flush();
            return 1;
        });
        return cl;
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
        if (args.length > 0 && usesArchive(COMMANDS.get(args[0]))) {
            // the HTTP client (and its TLS set-up, if the archive is https) is made while picocli reads the command line
            IsoArchive.prepareDefaultHttpClient(ArchiveOptions.httpsLikely(args));
        }
        System.exit(runMain(args));
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

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = IsoSamp.class.getPackage().getImplementationVersion();
            return new String[] { "iso-samp " + (v == null ? "(development build)" : v) };
        }
    }
}
