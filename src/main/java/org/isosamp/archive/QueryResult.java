package org.isosamp.archive;

import java.util.List;
import java.util.Objects;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.StarTable;

/**
 * A TAP query's answer.
 *
 * @param table              the rows, random access; null when the rows went elsewhere
 *                           ({@link TapClient#queryToSink}, {@link TapClient#queryToVotable})
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
}
