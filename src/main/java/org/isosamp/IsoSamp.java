package org.isosamp;

import org.isosamp.cli.ServeLocalCommand;
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
         subcommands = { CommandLine.HelpCommand.class, ServeLocalCommand.class })
public final class IsoSamp implements Runnable {

    /**
     * Runs a command line and returns its exit code (testable: no System.exit).
     *
     * @param args command-line arguments
     * @return 0 on success, non-zero on failure
     */
    public static int runMain(String... args) {
        return new CommandLine(new IsoSamp()).execute(args);
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
