package org.isosamp.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.ac.starlink.fits.StringEncoder;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowAccess;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.RowSplittable;
import uk.ac.starlink.table.StarTable;

/** What STIL 4.1's FITS writer gets from {@link AsciiCells}: STIL 4.3's default FITS string bytes, by any path. */
class AsciiCellsTest {

    @Test
    void sameTextAsStil43sDefaultFitsEncoding() {
        for (String s : FitsAsciiTest.samples()) {
            assertArrayEquals(StringEncoder.SQUASH_TO_ASCII.toBytes(s),
                              AsciiCells.squash(s).getBytes(StandardCharsets.US_ASCII), s);
        }
        String ascii = "NGC 6543 ";
        assertSame(ascii, AsciiCells.squash(ascii));
    }

    @Test
    void everyAccessPathGivesTheSquashedCells() throws Exception {
        RowListStarTable base = new RowListStarTable(new ColumnInfo[] {
            new ColumnInfo("tdt", Integer.class, null), new ColumnInfo("target", String.class, null),
            new ColumnInfo("names", String[].class, null)});
        base.addRow(new Object[] {80000203, "caf\u00e9", new String[] {"\u2605", null, "M31"}});
        List<Object> want = List.of(80000203, "caf?", List.of("?", "null", "M31"));
        StarTable t = AsciiCells.table(base);
        assertEquals(want, shown(t.getRow(0)));
        assertEquals(want, shown(new Object[] {t.getCell(0, 0), t.getCell(0, 1), t.getCell(0, 2)}));
        try (RowSequence rs = t.getRowSequence()) {
            assertTrue(rs.next());
            assertEquals(want, shown(rs.getRow()));
            assertEquals("caf?", rs.getCell(1));
        }
        try (RowAccess ra = t.getRowAccess()) {
            ra.setRowIndex(0);
            assertEquals(want, shown(ra.getRow()));
            assertEquals("caf?", ra.getCell(1));
        }
        try (RowSplittable sp = t.getRowSplittable()) {
            assertTrue(sp.next());
            assertEquals(want, shown(sp.getRow()));
        }
        assertEquals("caf\u00e9", base.getCell(0, 1), "the base table is left as it was");
    }

    private static List<Object> shown(Object[] row) {
        List<Object> out = new ArrayList<>();
        for (Object c : row) {
            out.add(c instanceof String[] a ? Arrays.stream(a).map(String::valueOf).toList() : c);
        }
        return out;
    }
}
