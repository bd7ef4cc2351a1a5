package org.isosamp.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.DefaultValueInfo;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.StarTable;

class TableParametersTest {

    private static DescribedValue info(String name, String value) {
        return new DescribedValue(new DefaultValueInfo(name, String.class), value);
    }

    private static RowListStarTable table() {
        RowListStarTable t = new RowListStarTable(new ColumnInfo[] {new ColumnInfo("tdt", String.class, null)});
        t.addRow(new Object[] {"80000203"});
        t.setName("result");
        t.setParameter(info("QUERY_STATUS", "OK"));
        return t;
    }

    @Test
    void appendedShowsTheTablesOwnThenTheExtraOnesAndFindsThemByName() throws Exception {
        RowListStarTable t = table();
        StarTable w = TableParameters.appended(t, List.of(info("QUERY_STATUS_TRAILING", "OVERFLOW")));
        assertEquals(List.of("QUERY_STATUS", "QUERY_STATUS_TRAILING"),
                     w.getParameters().stream().map(p -> p.getInfo().getName()).toList());
        assertEquals("OVERFLOW", w.getParameterByName("QUERY_STATUS_TRAILING").getValue());
        assertEquals("OK", w.getParameterByName("QUERY_STATUS").getValue());
        assertNull(w.getParameterByName("nothing"));
        assertEquals("result", w.getName());
        assertEquals(1, w.getRowCount());
        assertEquals("80000203", w.getCell(0, 0));
        assertSame(t, TableParameters.appended(t, List.of()), "nothing to add: the table itself");
    }

    @Test
    void fixedKeepsItsNameAndParametersWhateverTheTableDoesLater() {
        RowListStarTable t = table();
        List<DescribedValue> params = new ArrayList<>(t.getParameters());
        StarTable w = TableParameters.fixed(t, "sync", params);
        params.add(info("late", "x"));
        t.setParameter(info("later", "y"));
        t.setName("changed");
        assertEquals("sync", w.getName());
        assertEquals(List.of("QUERY_STATUS"), w.getParameters().stream().map(p -> p.getInfo().getName()).toList());
        assertNull(w.getParameterByName("later"));
    }

    @Test
    void fixedTakesSetParameterAndSetNameAsAnyStilTableDoes() {
        // TOPCAT's command-line loader sets a parameter on every table it loads: ':iso:' loads failed on this
        RowListStarTable t = table();
        StarTable w = TableParameters.fixed(t, "sync", t.getParameters());
        w.setParameter(info("topcat", "1"));
        w.setParameter(info("QUERY_STATUS", "OK"));
        w.setName("renamed");
        assertEquals("renamed", w.getName());
        assertEquals(List.of("topcat", "QUERY_STATUS"), // replaced at the end, as AbstractStarTable does
                     w.getParameters().stream().map(p -> p.getInfo().getName()).toList());
        assertEquals("OK", w.getParameterByName("QUERY_STATUS").getValue());
        assertNull(t.getParameterByName("topcat"), "the wrapped table is untouched");
    }
}
