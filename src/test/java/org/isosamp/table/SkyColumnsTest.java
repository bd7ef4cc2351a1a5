package org.isosamp.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.DefaultValueInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.WrapperStarTable;

/**
 * The rules {@link SkyColumns} follows, on small tables; {@code samp.TopcatSkyColumnsTest} checks the outcome in
 * TOPCAT itself.
 */
class SkyColumnsTest {

    private static ColumnInfo col(String name, String unit, String ucd) {
        ColumnInfo c = new ColumnInfo(name, Double.class, name + " description");
        c.setUnitString(unit);
        c.setUCD(ucd);
        return c;
    }

    private static RowListStarTable table(ColumnInfo... cols) {
        RowListStarTable t = new RowListStarTable(cols);
        t.setName("obs");
        t.setParameter(new DescribedValue(new DefaultValueInfo("QUERY_STATUS", String.class), "OK"));
        return t;
    }

    private static List<String> names(StarTable t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.getColumnCount(); i++) {
            out.add(t.getColumnInfo(i).getName());
        }
        return out;
    }

    @Test
    void aTableWithoutAnHoursRaIsReturnedAsItIs() throws IOException {
        RowListStarTable t = table(col("cra", "deg", "pos.eq.ra"), col("ra", "deg", "pos.eq.ra;meta.main"),
                                   col("dec", "deg", "pos.eq.dec;meta.main"));
        assertSame(t, SkyColumns.forTopcat(t));
    }

    @Test
    void theDegreesPairComesFirstAndAloneMainTheHoursColumnKept() throws IOException {
        RowListStarTable t = table(col("cdec", "deg", "pos.eq.dec"), col("cra", "deg", "pos.eq.ra"),
                                   col("dec", "deg", "pos.eq.dec;meta.main"), col("ra", "h", "pos.eq.ra;meta.main"),
                                   col("ra_deg", "deg", "pos.eq.ra"));
        t.addRow(new Object[] {1.0, 2.0, 41.0, 0.7, 10.5});
        StarTable v = SkyColumns.forTopcat(t);
        assertEquals(List.of("dec", "cdec", "ra_deg", "cra", "ra"), names(v));
        assertEquals("pos.eq.dec;meta.main", v.getColumnInfo(0).getUCD());
        assertEquals("pos.eq.ra;meta.main", v.getColumnInfo(2).getUCD());
        // the hours column: its unit and description stay, but it is no longer main (plots take the last main)
        assertEquals("h", v.getColumnInfo(4).getUnitString());
        assertEquals("ra description", v.getColumnInfo(4).getDescription());
        assertEquals("pos.eq.ra", v.getColumnInfo(4).getUCD());
        assertEquals(List.of(41.0, 1.0, 10.5, 2.0, 0.7), List.of(v.getRow(0)));
        try (RowSequence seq = v.getRowSequence()) {
            seq.next();
            assertEquals(10.5, seq.getCell(2));
        }
        // the original's metadata is not touched
        assertEquals("pos.eq.ra;meta.main", t.getColumnInfo(3).getUCD());
        assertEquals("obs", v.getName());
        assertEquals("OK", v.getParameterByName("QUERY_STATUS").getValue());
    }

    @Test
    void aLoneHoursRaGetsDegreesBesideItUnderAFreeName() throws IOException {
        RowListStarTable t = table(col("tdt", null, "meta.id;obs"), col("ra_deg", null, "meta.note"),
                                   col("ra", "h", "pos.eq.ra"), col("dec", "deg", "pos.eq.dec"));
        t.addRow(new Object[] {1.0, 0.0, 0.7123, 41.2});
        t.addRow(new Object[] {2.0, 0.0, null, 41.2});
        // not random access, as a streamed answer: the added column needs it, and gets it
        StarTable streamed = new WrapperStarTable(t) {
            @Override
            public boolean isRandom() {
                return false;
            }

            @Override
            public Object getCell(long row, int col) {
                throw new UnsupportedOperationException("not random");
            }
        };
        StarTable v = SkyColumns.forTopcat(streamed);
        assertEquals(List.of("tdt", "ra_deg", "ra_deg_1", "ra", "dec"), names(v));
        ColumnInfo added = v.getColumnInfo(2);
        assertEquals("deg", added.getUnitString());
        assertEquals("pos.eq.ra;meta.main", added.getUCD());
        assertEquals("pos.eq.dec;meta.main", v.getColumnInfo(4).getUCD());
        assertEquals(0.7123 * 15, (Double) v.getCell(0, 2), 1e-12);
        assertNull(v.getCell(1, 2));
        assertEquals(2, v.getRowCount());
    }

    @Test
    void hourSpellingsTopcatAndVoUnitUse() {
        for (String h : List.of("h", "hr", "HRS", "hour", "Hours")) {
            assertEquals(true, SkyColumns.isHours(h), h);
        }
        for (String d : List.of("H", "deg", "hourAngle", "", "s")) {
            assertEquals(false, SkyColumns.isHours(d), d);
        }
        assertEquals(false, SkyColumns.isHours(null));
    }
}
