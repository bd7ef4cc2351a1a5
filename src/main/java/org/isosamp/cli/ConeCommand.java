package org.isosamp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.isosamp.archive.QueryResult;
import org.isosamp.table.TableFiles;
import org.isosamp.table.TablePrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cone RA DEC}: what astroquery makes you write in ADQL. */
@Command(name = "cone", mixinStandardHelpOptions = true,
         description = "Observations or VO products whose footprint meets a circle (RA, Dec in degrees, ICRS).")
public final class ConeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ArchiveOptions archive;

    @Parameters(index = "0", paramLabel = "RA", description = "right ascension, degrees (not hours)")
    double ra;

    @Parameters(index = "1", paramLabel = "DEC", description = "declination, degrees")
    double dec;

    @Option(names = "--radius", paramLabel = "DEG", description = "radius in degrees (default: ${DEFAULT-VALUE} = 5 arcmin)")
    double radius = 1.0 / 12;

    @Option(names = "--table", paramLabel = "TABLE",
            description = "ida.observations, ivoa.obscore, ivoa.ssap or ivoa.siap (default: ${DEFAULT-VALUE})")
    String table = "ida.observations";

    @Option(names = "--maxrec", paramLabel = "N", description = "most rows (default: ${DEFAULT-VALUE})")
    long maxrec = 100_000;

    @Option(names = "--output-file", paramLabel = "FILE", description = "save the result here")
    Path outputFile;

    @Option(names = "--output-format", paramLabel = "FORMAT", description = "STIL output format (default: from the extension)")
    String outputFormat;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ArchiveOptions.Session s = archive.open()) {
            QueryResult r = s.archive().cone(table, ra, dec, radius, maxrec);
            if (r.overflow()) {
                spec.commandLine().getErr().println("warning: result truncated at MAXREC=" + maxrec + " rows");
            }
            if (outputFile != null) {
                TableFiles.save(r.table(), outputFile, outputFormat);
            } else {
                TablePrinter.print(r.table(), out, 20);
            }
        }
        return 0;
    }
}
