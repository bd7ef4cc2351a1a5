package org.isosamp.archive;

import uk.ac.starlink.table.StarTable;

/**
 * A TAP query's answer.
 *
 * @param table    the rows, random access
 * @param overflow true when the service stopped at MAXREC ({@code QUERY_STATUS=OVERFLOW}): more rows exist
 * @param maxrec   the MAXREC that was asked for
 */
public record QueryResult(StarTable table, boolean overflow, long maxrec) {
}
