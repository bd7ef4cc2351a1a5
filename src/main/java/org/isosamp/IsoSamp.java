package org.isosamp;

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
         description = "Virtual Observatory client for ESA's ISO Data Archive.",
         subcommands = { CommandLine.HelpCommand.class, QueryCommand.class, TablesCommand.class,
                         ColumnsCommand.class, DownloadCommand.class, PostcardCommand.class, ConeCommand.class,
                         CacheCommand.class, ClientsCommand.class, ListenCommand.class, SendTableCommand.class,
                         SendProductCommand.class,
                         ServeLocalCommand.class })
public final class IsoSamp implements Runnable {

    /**
     * Runs a command line and returns its exit code (testable: no System.exit).
     *
     * @param args command-line arguments
     * @return 0 on success, non-zero on failure
     */
    public static int runMain(String... args) {
        return commandLine().execute(args);
    }

    /**
     * @return the command line with every command registered; a failing command prints one
     *         line, {@code iso-samp <command>: <what went wrong>}, on stderr and exits with 1
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new IsoSamp());
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
        System.exit(runMain(args));
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
