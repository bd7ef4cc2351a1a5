package org.isosamp.archive;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import org.isosamp.io.OutputTarget;
import org.isosamp.table.TableFiles;
import uk.ac.starlink.table.TableFormatException;

/**
 * The one owner of "a query's answer into a file", shared by every face (the command line's {@code query} and
 * {@code cone --output-file}, a window's "save"): which way the rows go is decided here, once.
 *
 * <ul>
 * <li>A VOTable target (format {@code votable}, or no format and a {@code .vot}, {@code .votable} or {@code .xml}
 *     name) gets the archive's own VOTable, checked (QUERY_STATUS, a TABLE) and saved as it came: no parse, no
 *     rewrite, the fastest path and the archive's exact metadata.</li>
 * <li>Any other STIL format gets the rows streamed into a {@link TableFiles.Output} as the answer is parsed (one
 *     pass), committed with the INFOs that followed the rows (TAP's {@code QUERY_STATUS=OVERFLOW}), as a reader of
 *     the whole document would have them.</li>
 * </ul>
 *
 * A face checks the format with {@link #checkFormat} and makes its {@link OutputTarget} (which refuses an existing
 * file unless told otherwise, and writes devices, FIFOs and streams straight) before it sends the query, so that a
 * mistyped format or a file it may not replace costs no query. Stateless; thread-safe.
 */
public final class QueryFiles {

    private QueryFiles() {
    }

    /**
     * What a saved query wrote.
     *
     * @param overflow true when the archive stopped at MAXREC: more rows exist
     * @param rows     the rows written, or -1 when the archive's VOTable was saved as it came (not counted)
     */
    public record Saved(boolean overflow, long rows) {
    }

    /**
     * @param format a format name, or null or blank to go by the name's extension
     * @param name   the output's name (a path, or e.g. "standard output")
     * @return true when the output is a VOTable: format {@code votable}, or none and a {@code .vot},
     *         {@code .votable} or {@code .xml} name (any case)
     */
    public static boolean isVotable(String format, String name) {
        if (format != null && !format.isBlank()) {
            return format.trim().equalsIgnoreCase("votable");
        }
        return name != null && name.toLowerCase(Locale.ROOT).matches("(?s).*\\.(vot|votable|xml)");
    }

    /**
     * Checks, before the query is sent, that a query's answer can be saved in this format.
     *
     * @param format a STIL output format name, or null or blank to go by the name's extension
     * @param name   the output's name, for its extension
     * @throws TableFormatException naming the known formats, when the format (or the extension) is unknown
     */
    public static void checkFormat(String format, String name) throws TableFormatException {
        if (!isVotable(format, name)) {
            TableFiles.formatName(format, name);
        }
    }

    /**
     * Runs a query into a file, as this class says.
     *
     * @param tap    the TAP client
     * @param target where the answer goes (nothing appears there unless the whole answer arrived)
     * @param format a STIL output format name, or null to go by the target's extension
     */
    static Saved save(TapClient tap, QueryRequest request, OutputTarget target, String format) throws IOException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(target, "target");
        if (isVotable(format, target.name())) {
            return new Saved(tap.queryToVotable(request, target).overflow(), -1);
        }
        // the format is resolved and the folder checked here, before the query is sent
        try (TableFiles.Output table = TableFiles.open(target, format)) {
            QueryResult r = tap.queryToSink(request, table);
            table.commit(r.trailingParameters());
            return new Saved(r.overflow(), table.rows());
        }
    }
}
