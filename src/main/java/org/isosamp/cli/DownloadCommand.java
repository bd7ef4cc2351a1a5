package org.isosamp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.isosamp.archive.DownloadOutcome;
import org.isosamp.archive.IsoArchive;
import org.isosamp.archive.QueryRequest;
import org.isosamp.io.IfExists;
import org.isosamp.products.TarFiles;
import java.util.concurrent.Callable;
import org.isosamp.model.ProductLevel;
import org.isosamp.model.RetrievalType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code download TDT...}: astroquery's {@code download_data}, streamed, resumable, several at once. An existing
 * file is refused unless {@code --overwrite} is given, each file on its own; with several TDTs every one is tried,
 * each outcome is printed (the file on stdout, the reason on stderr) with a summary, and the exit code is 1 when
 * any failed.
 */
@Command(name = "download", mixinStandardHelpOptions = true,
         description = "Download observation tars or STANDALONE VO products by TDT.")
public final class DownloadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ArchiveOptions archive;

    @Parameters(paramLabel = "TDT", arity = "0..*", description = "observation identifiers, e.g. 80000203")
    List<String> tdts = new ArrayList<>();

    @Option(names = "--from-query", paramLabel = "ADQL",
            description = "download the products of every row of this query's result (its tdt column)")
    String fromQuery;

    @Option(names = "--extract", description = "unpack each tar (safely: nothing lands outside) into DIR/<name>/")
    boolean extract;

    @Option(names = "--retrieval-type", paramLabel = "TYPE", description = "OBSERVATION (tar) or STANDALONE (VO product) (default: ${DEFAULT-VALUE})")
    RetrievalType retrievalType = RetrievalType.OBSERVATION;

    @Option(names = "--product-level", paramLabel = "LEVEL",
            description = "OBSERVATION level: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    ProductLevel productLevel = ProductLevel.DEFAULT_DATA_SET;

    @Option(names = "--filename", paramLabel = "NAME",
            description = "file name, without a folder (one TDT only); the server's extension is added if missing:"
                          + " 80000203 -> 80000203.tar")
    String filename;

    @Option(names = "--overwrite", description = "replace existing files (if they may be written); default: refuse them")
    boolean overwrite;

    @Option(names = "--dir", paramLabel = "DIR", description = "where to write (default: the current directory)")
    Path dir = Path.of(".");

    @Option(names = "--parallel", paramLabel = "N", converter = OptionChecks.Positive.class, description = "downloads at once for several TDTs (default: ${DEFAULT-VALUE})")
    int parallel = 4;

    @Override
    public Integer call() throws Exception {
        OptionChecks.productLevelOnlyForObservations(spec, retrievalType);
        if (tdts.isEmpty() == (fromQuery == null)) {
            throw new ParameterException(spec.commandLine(),
                "give either TDTs or --from-query, not " + (tdts.isEmpty() ? "neither" : "both"));
        }
        if (filename != null && (tdts.size() > 1 || fromQuery != null)) {
            throw new ParameterException(spec.commandLine(), "--filename names one file, but "
                + (fromQuery != null ? "--from-query may give several TDTs" : tdts.size() + " TDTs were given"));
        }
        if (retrievalType == RetrievalType.POSTCARD) {
            throw new ParameterException(spec.commandLine(), "use the 'postcard' command for postcards");
        }
        checkFilename(spec, filename);
        IfExists ifExists = IfExists.overwrite(overwrite);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (var s = archive.open()) {
            if (fromQuery != null) {
                tdts = s.archive().query(QueryRequest.builder(fromQuery).build()).tdts();
            }
            if (tdts.size() == 1 && fromQuery == null) {
                // one TDT: a failure is the command's one error line
                String tdt = tdts.get(0);
                Progress progress = new Progress(System.err, tdt, archive.quiet);
                Path file;
                try {
                    file = s.archive().download(tdt, retrievalType, productLevel, dir,
                        filename != null ? filename : tdt, ifExists, progress);
                } finally {
                    progress.finish();
                }
                out.println(extracted(file, ifExists));
                out.flush();
                return 0;
            }
            List<DownloadOutcome> outcomes = s.archive().downloadAll(tdts, retrievalType, productLevel, dir, parallel,
                ifExists, new Progress(System.err, "downloads", true));
            int failed = 0;
            for (DownloadOutcome o : outcomes) {
                Exception failure = o.failure();
                if (failure == null) {
                    try {
                        out.println(extracted(o.file(), ifExists));
                    } catch (java.io.IOException e) {
                        failure = e;
                    }
                }
                if (failure != null) {
                    failed++;
                    err.println("iso-samp download: " + o.tdt() + ": " + oneLine(failure));
                }
            }
            out.flush();
            if (failed > 0 || !archive.quiet) {
                err.println("iso-samp download: " + (outcomes.size() - failed) + " of " + outcomes.size()
                    + " downloaded" + (failed > 0 ? ", " + failed + " failed" : ""));
            }
            err.flush();
            return failed > 0 ? 1 : 0;
        }
    }

    /** @return what to print for a downloaded file: itself, or the folder its tar was unpacked into */
    private String extracted(Path f, IfExists ifExists) throws java.io.IOException {
        Path into = TarFiles.folderFor(f);
        if (extract && into != null) {
            List<Path> members = TarFiles.extract(f, into, ifExists);
            return into + " (" + members.size() + " files)";
        }
        return f.toString();
    }

    /** @return the failure's message on one line ({@link DownloadOutcome#oneLine}, shared with the window) */
    static String oneLine(Exception e) {
        return DownloadOutcome.oneLine(e);
    }

    /**
     * A usage error for a {@code --filename} that is not a plain name ({@code nodir/x}, {@code ../x}): the folder
     * would be lost without a word.
     */
    static void checkFilename(CommandSpec spec, String filename) {
        if (filename == null) {
            return;
        }
        try {
            IsoArchive.requireFileName(filename);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--filename: " + e.getMessage() + " (--dir DIR)");
        }
    }
}
