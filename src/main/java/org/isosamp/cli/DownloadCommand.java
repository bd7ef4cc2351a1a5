package org.isosamp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.isosamp.model.ProductLevel;
import org.isosamp.model.RetrievalType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code download TDT...}: astroquery's {@code download_data}, streamed, resumable, several at once. */
@Command(name = "download", mixinStandardHelpOptions = true,
         description = "Download observation tars or STANDALONE VO products by TDT.")
public final class DownloadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ArchiveOptions archive;

    @Parameters(paramLabel = "TDT", arity = "1..*", description = "observation identifiers, e.g. 80000203")
    List<String> tdts;

    @Option(names = "--retrieval-type", paramLabel = "TYPE", description = "OBSERVATION (tar) or STANDALONE (VO product) (default: ${DEFAULT-VALUE})")
    RetrievalType retrievalType = RetrievalType.OBSERVATION;

    @Option(names = "--product-level", paramLabel = "LEVEL",
            description = "OBSERVATION level: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    ProductLevel productLevel = ProductLevel.DEFAULT_DATA_SET;

    @Option(names = "--filename", paramLabel = "NAME",
            description = "file name (one TDT only); the server's extension is added if missing: 80000203 -> 80000203.tar")
    String filename;

    @Option(names = "--dir", paramLabel = "DIR", description = "where to write (default: the current directory)")
    Path dir = Path.of(".");

    @Option(names = "--parallel", paramLabel = "N", description = "downloads at once for several TDTs (default: ${DEFAULT-VALUE})")
    int parallel = 4;

    @Override
    public Integer call() throws Exception {
        if (filename != null && tdts.size() > 1) {
            throw new IllegalArgumentException("--filename names one file, but " + tdts.size() + " TDTs were given");
        }
        if (retrievalType == RetrievalType.POSTCARD) {
            throw new IllegalArgumentException("use the 'postcard' command for postcards");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ArchiveOptions.Session s = archive.open()) {
            List<Path> files;
            if (tdts.size() == 1) {
                String tdt = tdts.get(0);
                files = List.of(s.archive().download(tdt, retrievalType, productLevel, dir,
                    filename != null ? filename : tdt, new Progress(System.err, tdt, archive.quiet)));
            } else {
                files = s.archive().downloadAll(tdts, retrievalType, productLevel, dir, parallel,
                                                new Progress(System.err, "downloads", true));
            }
            for (Path f : files) {
                out.println(f);
            }
        }
        out.flush();
        return 0;
    }
}
