package org.isosamp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.isosamp.archive.IsoArchive;
import org.isosamp.archive.NameResolver;
import org.isosamp.archive.QueryFiles;
import org.isosamp.archive.QueryRequest;
import org.isosamp.archive.QueryResult;
import org.isosamp.io.IfExists;
import org.isosamp.io.OutputTarget;
import org.isosamp.model.SkyPosition;
import org.isosamp.table.TableFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;
import uk.ac.starlink.table.StarTable;

/** {@code cone POSITION}: what astroquery makes you write in ADQL, at a position or an object's name. */
@Command(name = "cone", mixinStandardHelpOptions = true,
         description = {"Observations or VO products whose footprint meets a circle around a position (ICRS).",
                        "POSITION: decimal degrees (10.68 41.27), sexagesimal with RA in hours "
                        + "(\"00:42:44.3 +41:16:09\", 00h42m44.3s +41d16m09s), or a name (M31), resolved by CDS "
                        + "Sesame ($ISO_SAMP_SESAME: its URL, or off), else by the archive's target names."})
public final class ConeCommand implements Callable<Integer> {

    CommandSpec spec;

    /**
     * Picocli calls this as it builds the command: a Dec such as {@code -41:16:09} is read as the position's
     * second half, not refused as an unknown option (picocli lets only plain negative numbers through).
     */
    @Spec
    void spec(CommandSpec spec) {
        this.spec = spec;
        spec.parser().unmatchedOptionsArePositionalParams(true);
    }

    @Mixin
    ArchiveOptions archive;

    @Mixin
    PrintOptions print;

    @Parameters(arity = "1..6", paramLabel = "POSITION",
                description = "RA and Dec (decimal RA: degrees, not hours), or an object's name")
    List<String> position;

    @Option(names = "--radius", paramLabel = "DEG", description = "radius in degrees (default: ${DEFAULT-VALUE} = 5 arcmin)")
    double radius = 1.0 / 12;

    @Option(names = "--table", paramLabel = "TABLE",
            description = "ida.observations, ivoa.obscore, ivoa.ssap or ivoa.siap (default: ${DEFAULT-VALUE})")
    String table = "ida.observations";

    @Option(names = "--maxrec", paramLabel = "N", converter = OptionChecks.MaxRec.class,
            description = "most rows (default: ${DEFAULT-VALUE})")
    long maxrec = 100_000;

    @Option(names = "--max-lines", paramLabel = "N",
            description = "rows printed before eliding the middle (default: ${DEFAULT-VALUE}; 0 = all)")
    int maxLines = 20;

    @Option(names = "--output-file", paramLabel = "FILE",
            description = "save the result here; an existing file is refused unless --overwrite is given")
    Path outputFile;

    @Option(names = "--overwrite", description = "replace an existing --output-file (if it may be written)")
    boolean overwrite;

    @Option(names = "--output-format", paramLabel = "FORMAT", description = "STIL output format (default: from the extension)")
    String outputFormat;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        print.check();
        if (maxLines < 0) {
            throw new ParameterException(spec.commandLine(), "--max-lines (" + maxLines + ") must be 0 (all) or more");
        }
        for (String word : position) {
            if (word.startsWith("-") && !word.matches("-[\\d.].*")) {
                // let through only a negative Dec: anything else that looks like an option is a mistyped one
                throw new UnmatchedArgumentException(spec.commandLine(), List.of(word));
            }
        }
        String text = String.join(" ", position);
        try {
            // the numbers are checked here, once: a bad position is a usage error, as a bad option is
            SkyPosition.parseIfCoordinates(text);
            IsoArchive.coneQuery(table, 0, 0, radius);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        // where the result goes is settled before anything is asked: a known format, a file we may (re)write
        OutputTarget target = null;
        if (outputFile != null) {
            QueryFiles.checkFormat(outputFormat, outputFile.toString());
            target = OutputTarget.file(outputFile, IfExists.overwrite(overwrite));
        }
        try (var s = archive.open()) {
            NameResolver.Resolution where = NameResolver.configured(s.archive()).resolve(text);
            if (!archive.quiet && !text.matches("[+-]?[\\d.]+[\\s,]+[+-]?[\\d.]+")) {
                err.println(where.describe());
                err.flush();
            }
            QueryRequest request = QueryRequest.builder(IsoArchive.coneQuery(table, where.position().raDeg(),
                    where.position().decDeg(), radius)).maxrec(maxrec).build();
            if (target != null && print.columns.isEmpty()) {
                // the whole answer to a file: as 'query --output-file' saves one
                QueryFiles.Saved saved = s.archive().queryToFile(request, target, outputFormat);
                warnIfOverflow(saved.overflow(), err);
                LocalLinks.noteFile(s, target.path(), err, archive.quiet);
                return 0;
            }
            QueryResult r = s.archive().query(request);
            warnIfOverflow(r.overflow(), err);
            StarTable result = print.select(r.table());
            if (target != null) {
                // chosen columns: known only once the result's are, so the selection is saved from memory
                TableFiles.save(result, target, outputFormat);
            } else {
                print.print(result, out, maxLines);
            }
            LocalLinks.note(s, result, err, archive.quiet);
        }
        return 0;
    }

    private void warnIfOverflow(boolean overflow, PrintWriter err) {
        if (overflow) {
            err.println("warning: result truncated at MAXREC=" + maxrec + " rows");
            err.flush();
        }
    }
}
