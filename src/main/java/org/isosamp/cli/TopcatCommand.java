package org.isosamp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.isosamp.archive.ArchiveSession;
import org.isosamp.archive.ArchiveSettings;
import org.isosamp.samp.TopcatLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code topcat}: starts the installed TOPCAT with iso-samp's plug-in, in one step. A thin face over
 * {@link TopcatLauncher}, which finds TOPCAT and the plug-in jar, builds the command and keeps the local archive
 * while TOPCAT runs; this reads the options and prints ({@code --print}) or waits.
 * <pre>
 *   iso-samp topcat --archive local -- ':iso:80000203'
 *   iso-samp topcat --print
 * </pre>
 */
@Command(name = "topcat", mixinStandardHelpOptions = true,
         description = {"Start the installed TOPCAT with iso-samp's plug-in: the 'ISO Data Archive' load dialog, the"
                        + " 'ISO product' activation action and the :iso: table scheme (TOPCAT-ARGS ':iso:80000203',"
                        + " ':iso:cone=M31,0.1', ':iso:SELECT ...'). TOPCAT is $TOPCAT_JAR or --topcat-jar, else the"
                        + " topcat on PATH; the plug-in is iso-samp-topcat.jar beside iso-samp.jar. With --archive"
                        + " local the local archive runs here until TOPCAT exits, and is TOPCAT's 'local'. Exits"
                        + " with TOPCAT's exit code."},
         footer = {"", "TOPCAT-ARGS (after --) go to TOPCAT as its script takes them: -D and -X options to Java, tables"
                       + " and TOPCAT's own options to TOPCAT."})
public final class TopcatCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ArchiveOptions archive;

    @Option(names = "--topcat-jar", paramLabel = "JAR",
            description = "TOPCAT's jar (topcat-full.jar), run with this Java (default: $TOPCAT_JAR, else the"
                          + " topcat on PATH)")
    Path topcatJar;

    @Option(names = "--plugin-jar", paramLabel = "JAR",
            description = "the plug-in jar (default: iso-samp-topcat.jar beside iso-samp.jar)")
    String pluginJar;

    @Option(names = {"--print", "--dry-run"}, description = "print the command line instead of running it")
    boolean print;

    @Parameters(paramLabel = "TOPCAT-ARGS", description = "TOPCAT's own arguments, after --")
    List<String> topcatArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        TopcatLauncher launcher = new TopcatLauncher(TopcatLauncher.findTopcat(topcatJar, System.getenv()),
                                                     TopcatLauncher.findPluginJar(pluginJar));
        if (print) {
            ArchiveSettings settings = archive.settings();
            String url = settings.isLocal() ? TopcatLauncher.LOCAL_URL_PLACEHOLDER
                : settings.base().equals(ArchiveSettings.production().base()) ? null : settings.base().toString();
            PrintWriter out = spec.commandLine().getOut();
            out.println(TopcatLauncher.shellLine(launcher.command(url, settings.isLocal(), topcatArgs)));
            out.flush();
            if (settings.isLocal()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("(iso-samp topcat runs the local archive itself and puts its port for PORT; to run this"
                            + " line yourself, run 'iso-samp serve-local --port PORT' beside it)");
                err.flush();
            }
            return 0;
        }
        ArchiveSession session = archive.open();
        try (TopcatLauncher.Running topcat = launcher.start(session, topcatArgs, ProcessBuilder.Redirect.INHERIT)) {
            return topcat.waitFor();
        }
    }
}
