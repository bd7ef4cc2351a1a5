package org.isosamp.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.isosamp.archive.QueryResult;
import org.isosamp.samp.SampSession;
import org.isosamp.samp.SentTables;
import org.isosamp.samp.TableSender;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.TableFormatException;

/**
 * {@code send-table ADQL} or {@code send-table --file PATH}: a query result or a table file to every SAMP client
 * that takes tables (TOPCAT, Aladin, SPLAT, ...), or to one, as {@code table.load.votable} ({@code table.load.fits}
 * to clients that take only FITS). Waits for the replies (the table is served only while the command runs) and
 * prints each one.
 */
@Command(name = "send-table", mixinStandardHelpOptions = true,
         description = {"Send an ADQL query's result, or a table file, to the clients on the SAMP hub (TOPCAT, "
                        + "Aladin, SPLAT, ...) and print each one's reply.",
                        "Exits 0 if at least one loaded it."})
public final class SendTableCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ADQL", arity = "0..1",
                description = "the query, e.g. \"SELECT TOP 100 * FROM ivoa.ssap\" (or give --file)")
    String adql;

    @Option(names = "--file", paramLabel = "PATH",
            description = "send this table file instead (VOTable, FITS, CSV, ECSV, parquet, ...: any format STIL reads)")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "the file's format (votable, fits, csv, ecsv, ascii, ...; default: recognised from the file)")
    String format;

    @Option(names = "--maxrec", paramLabel = "N", converter = OptionChecks.MaxRec.class, description = "most rows of the query (default: ${DEFAULT-VALUE});"
                                                                + " a warning says if more exist")
    long maxrec = 100_000;

    @Option(names = "--name", paramLabel = "NAME",
            description = "the name receivers show (default: the query, or the file's name)")
    String name;

    @Mixin
    SendOptions send;

    @Override
    public Integer call() throws Exception {
        if ((adql == null || adql.isBlank()) == (file == null)) {
            throw new ParameterException(spec.commandLine(), "give either an ADQL query or --file, not "
                + (file == null ? "neither" : "both"));
        }
        if (format != null && file == null) {
            throw new ParameterException(spec.commandLine(), "--format is for --file");
        }
        Duration replyTimeout = send.replyTimeout();
        try (var s = send.archive.open()) {
            StarTable table;
            String label;
            if (file != null) {
                table = read(file, format);
                label = name != null ? name : file.getFileName().toString();
            } else {
                QueryResult r = s.archive().query(org.isosamp.archive.QueryRequest.builder(adql).maxrec(maxrec).build());
                if (r.overflow()) {
                    PrintWriter err = spec.commandLine().getErr();
                    err.println("warning: result truncated at MAXREC=" + maxrec + " rows; more rows exist (raise"
                        + " --maxrec)");
                    err.flush();
                }
                table = r.table();
                label = name != null ? name : TableSender.queryLabel(adql);
            }
            try (SampSession bus = send.samp.openConnected();
                 TableSender sender = new TableSender(bus.client(), bus.server(), new SentTables(), replyTimeout, 1)) {
                TableSender.Published p = sender.publish(table, label, send.to);
                return send.report("sent \"" + label + "\" (" + table.getRowCount() + " rows) as "
                    + p.table().tableId() + " to " + p.delivery().recipients().size() + " client(s)", p.delivery(),
                    "the table");
            }
        }
    }

    /** @return the table in a file, random access */
    static StarTable read(Path file, String format) throws java.io.IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "no such table file");
        }
        StarTableFactory factory = new StarTableFactory(true);
        try {
            return factory.makeStarTable(file.toString(), format == null || format.isBlank() ? null : format);
        } catch (TableFormatException e) {
            throw new TableFormatException("cannot read " + file + " as " + (format == null ? "a table" : format)
                + ": " + e.getMessage() + (format == null ? "; name its format with --format (one of: "
                + String.join(", ", factory.getKnownFormats()) + ")" : ""), e);
        }
    }
}
