package org.isosamp.archive;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * A TAP query's answer.
 *
 * @param table              the rows, random access; null when the rows went elsewhere
 *                           ({@link IsoArchive#queryToSink}, {@link IsoArchive#queryToVotable}, {@link IsoArchive#queryToFile})
 * @param overflow           true when the service stopped at MAXREC ({@code QUERY_STATUS=OVERFLOW}): more rows exist
 * @param maxrec             the MAXREC that was asked for
 * @param trailingParameters the INFOs that followed the table in the answer (e.g. the
 *                           {@code QUERY_STATUS=OVERFLOW} that TAP puts after the rows), as STIL
 *                           table parameters; already among {@code table}'s parameters when there
 *                           is a table, to be added by the receiver of streamed rows otherwise
 */
public record QueryResult(StarTable table, boolean overflow, long maxrec, List<DescribedValue> trailingParameters) {

    public QueryResult {
        trailingParameters = List.copyOf(Objects.requireNonNull(trailingParameters, "trailingParameters"));
    }

    /** A result with no trailing parameters. */
    public QueryResult(StarTable table, boolean overflow, long maxrec) {
        this(table, overflow, maxrec, List.of());
    }

    /**
     * The observations a result names, e.g. to download their products: the distinct values of its {@code tdt}
     * column (any case), trimmed, in row order.
     *
     * @return the TDTs, at least one
     * @throws IllegalArgumentException when the result has no table or no {@code tdt} column, or no TDT at all
     * @throws IOException              when the rows cannot be read
     */
    public List<String> tdts() throws IOException {
        if (table == null) {
            throw new IllegalArgumentException("the query result has no table (its rows went elsewhere)");
        }
        int col = -1;
        for (int i = 0; i < table.getColumnCount(); i++) {
            if (table.getColumnInfo(i).getName().equalsIgnoreCase("tdt")) {
                col = i;
            }
        }
        if (col < 0) {
            throw new IllegalArgumentException("the query result has no tdt column to download");
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        try (RowSequence rs = table.getRowSequence()) {
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
}
