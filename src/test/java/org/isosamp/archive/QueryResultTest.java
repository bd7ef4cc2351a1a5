package org.isosamp.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;

/** {@link QueryResult#tdts()}: the observations a result names. */
class QueryResultTest {

    private static QueryResult result(String tdtColumn, Object[]... rows) {
        RowListStarTable t = new RowListStarTable(new ColumnInfo[] {
            new ColumnInfo("revno", Integer.class, null), new ColumnInfo(tdtColumn, String.class, null)});
        for (Object[] row : rows) {
            t.addRow(row);
        }
        return new QueryResult(t, false, 100);
    }

    @Test
    void theDistinctTdtsOfTheTdtColumnAnyCaseTrimmedInRowOrder() throws Exception {
        QueryResult r = result("TDT", new Object[] {800, "80002247"}, new Object[] {800, " 80002014 "},
                               new Object[] {801, null}, new Object[] {800, "80002247"}, new Object[] {802, "1"});
        assertEquals(List.of("80002247", "80002014", "1"), r.tdts());
    }

    @Test
    void aResultWithoutTdtsSaysWhy() {
        assertEquals("the query result has no tdt column to download",
                     assertThrows(IllegalArgumentException.class,
                                  () -> result("obsno", new Object[] {1, "x"}).tdts()).getMessage());
        assertEquals("the query returned no rows: nothing to download",
                     assertThrows(IllegalArgumentException.class, () -> result("tdt").tdts()).getMessage());
        assertEquals("the query returned no rows: nothing to download",
                     assertThrows(IllegalArgumentException.class,
                                  () -> result("tdt", new Object[] {1, null}).tdts()).getMessage());
        assertEquals("the query result has no table (its rows went elsewhere)",
                     assertThrows(IllegalArgumentException.class,
                                  () -> new QueryResult(null, false, 10).tdts()).getMessage());
    }
}
