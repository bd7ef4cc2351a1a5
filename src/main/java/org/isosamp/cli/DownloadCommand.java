package org.isosamp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.isosamp.archive.QueryResult;
import org.isosamp.products.TarFiles;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
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
            description = "file name (one TDT only); the server's extension is added if missing: 80000203 -> 80000203.tar")
    String filename;

    @Option(names = "--dir", paramLabel = "DIR", description = "where to write (default: the current directory)")
    Path dir = Path.of(".");

    @Option(names = "--parallel", paramLabel = "N", description = "downloads at once for several TDTs (default: ${DEFAULT-VALUE})")
    int parallel = 4;

    /** @return the distinct TDTs of a result's {@code tdt} column, in row order */
    static List<String> tdtsOf(QueryResult r) throws java.io.IOException {
        StarTable t = r.table();
        int col = -1;
        for (int i = 0; i < t.getColumnCount(); i++) {
            if (t.getColumnInfo(i).getName().equalsIgnoreCase("tdt")) {
                col = i;
            }
        }
        if (col < 0) {
            throw new IllegalArgumentException("the query result has no tdt column to download");
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        try (RowSequence rs = t.getRowSequence()) {
            while (rs.next()) {
                Object v = rs.getCell(col);
                if (v != null) {
                    out.add(v.toString().trim());
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the query returned no rows: nothing to download");
        }
        return new ArrayList<>(out);
    }

    @Override
    public Integer call() throws Exception {
        OptionChecks.productLevelOnlyForObservations(spec, retrievalType);
        if (tdts.isEmpty() == (fromQuery == null)) {
            throw new IllegalArgumentException("give either TDTs or --from-query, not " + (tdts.isEmpty() ? "neither" : "both"));
        }
        if (filename != null && (tdts.size() > 1 || fromQuery != null)) {
            throw new IllegalArgumentException("--filename names one file, but " + tdts.size() + " TDTs were given");
        }
        if (retrievalType == RetrievalType.POSTCARD) {
            throw new IllegalArgumentException("use the 'postcard' command for postcards");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ArchiveOptions.Session s = archive.open()) {
            if (fromQuery != null) {
                tdts = tdtsOf(s.archive().query(fromQuery, 100_000, false, null));
            }
            List<Path> files;
            if (tdts.size() == 1 && fromQuery == null) {
                String tdt = tdts.get(0);
                Progress progress = new Progress(System.err, tdt, archive.quiet);
                try {
                    files = List.of(s.archive().download(tdt, retrievalType, productLevel, dir,
                        filename != null ? filename : tdt, progress));
                } finally {
                    progress.finish();
                }
            } else {
                files = s.archive().downloadAll(tdts, retrievalType, productLevel, dir, parallel,
                                                new Progress(System.err, "downloads", true));
            }
            for (Path f : files) {
                if (extract && f.getFileName().toString().endsWith(".tar")) {
                    String stem = f.getFileName().toString();
                    Path into = f.resolveSibling(stem.substring(0, stem.length() - 4));
                    List<Path> members = TarFiles.extract(f, into);
                    out.println(into + " (" + members.size() + " files)");
                } else {
                    out.println(f);
                }
            }
        }
        out.flush();
        return 0;
    }
}
