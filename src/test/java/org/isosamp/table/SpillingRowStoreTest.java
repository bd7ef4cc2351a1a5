package org.isosamp.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.StarTable;

/** Rows kept as objects up to a limit, then moved to STIL's adaptive storage: the same rows either way. */
class SpillingRowStoreTest {

    static StarTable fill(SpillingRowStore store, int rows) throws Exception {
        store.acceptMetadata(new RowListStarTable(new ColumnInfo[] {
            new ColumnInfo("i", Integer.class, null), new ColumnInfo("s", String.class, null),
            new ColumnInfo("d", Double.class, null)}));
        for (int i = 0; i < rows; i++) {
            store.acceptRow(new Object[] {i, i % 3 == 0 ? null : "r" + i, i / 4.0});
        }
        store.endRows();
        return store.getStarTable();
    }

    @Test
    void pastTheLimitTheRowsMoveAndStayInOrder() throws Exception {
        SpillingRowStore store = new SpillingRowStore(10);
        StarTable t = fill(store, 25);
        assertTrue(store.spilled());
        assertEquals(25, t.getRowCount());
        assertTrue(t.isRandom());
        for (int i = 0; i < 25; i++) {
            assertArrayEquals(new Object[] {i, i % 3 == 0 ? null : "r" + i, i / 4.0}, t.getRow(i), "row " + i);
        }
        assertEquals("s", t.getColumnInfo(1).getName());
    }

    @Test
    void upToTheLimitTheRowsStayAsTheyAre() throws Exception {
        SpillingRowStore store = new SpillingRowStore(10);
        StarTable t = fill(store, 10);
        assertFalse(store.spilled());
        assertEquals(10, t.getRowCount());
        assertEquals("r5", t.getCell(5, 1));
    }
}
