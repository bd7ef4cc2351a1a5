package org.isosamp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.isosamp.io.IfExists;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postcard TDT}: astroquery's {@code get_postcard}; an existing file is refused unless {@code --overwrite}. */
@Command(name = "postcard", mixinStandardHelpOptions = true, description = "Download an observation's postcard (PNG).")
public final class PostcardCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ArchiveOptions archive;

    @Parameters(paramLabel = "TDT", description = "observation identifier, e.g. 80001538")
    String tdt;

    @Option(names = "--filename", paramLabel = "NAME",
            description = "file name, without a folder; .png is added if missing (default: the server's)")
    String filename;

    @Option(names = "--overwrite", description = "replace an existing file (if it may be written); default: refuse it")
    boolean overwrite;

    @Option(names = "--dir", paramLabel = "DIR", description = "where to write (default: the current directory)")
    Path dir = Path.of(".");

    @Override
    public Integer call() throws Exception {
        DownloadCommand.checkFilename(spec, filename);
        PrintWriter out = spec.commandLine().getOut();
        try (var s = archive.open()) {
            Progress progress = new Progress(System.err, tdt, archive.quiet);
            try {
                out.println(s.archive().postcard(tdt, dir, filename, IfExists.overwrite(overwrite), progress));
            } finally {
                progress.finish();
            }
        }
        out.flush();
        return 0;
    }
}
