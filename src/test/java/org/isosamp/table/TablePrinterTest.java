package org.isosamp.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.StarTable;

/** astropy's pprint: names, units, rule, right-aligned values; middle columns give way to "..." past a width. */
class TablePrinterTest {

    /** Columns a..f of widths 4..9 ("aaaa" ...), two rows; a unit on b. */
    private static StarTable table() {
        ColumnInfo[] cols = new ColumnInfo[6];
        for (int i = 0; i < 6; i++) {
            cols[i] = new ColumnInfo(String.valueOf((char) ('a' + i)), String.class, null);
        }
        cols[1].setUnitString("deg");
        RowListStarTable t = new RowListStarTable(cols);
        for (int r = 0; r < 2; r++) {
            Object[] row = new Object[6];
            for (int i = 0; i < 6; i++) {
                row[i] = String.valueOf((char) ('a' + i)).repeat(4 + i);
            }
            t.addRow(row);
        }
        return t;
    }

    private static String print(StarTable t, int maxWidth) throws Exception {
        StringWriter s = new StringWriter();
        TablePrinter.print(t, new PrintWriter(s), 0, maxWidth);
        return s.toString();
    }

    @Test
    void everyColumnWhenItFitsOrNoLimit() throws Exception {
        String all = "   a     b      c       d        e         f\n"
                   + "       deg\n"
                   + "---- ----- ------ ------- -------- ---------\n"
                   + "aaaa bbbbb cccccc ddddddd eeeeeeee fffffffff\n"
                   + "aaaa bbbbb cccccc ddddddd eeeeeeee fffffffff\n"
                   + "Length = 2 rows\n";
        assertEquals(all, print(table(), 0));
        assertEquals(all, print(table(), 44));
        assertEquals(all, print(table(), -1));
    }

    @Test
    void middleColumnsGiveWayToDotsAsInAstropy() throws Exception {
        // astropy: the middle column becomes "...", then its neighbours go one by one, first and last stay
        assertEquals("   a     b      c ...        e         f\n"
                   + "       deg        ...\n"
                   + "---- ----- ------ ... -------- ---------\n"
                   + "aaaa bbbbb cccccc ... eeeeeeee fffffffff\n"
                   + "aaaa bbbbb cccccc ... eeeeeeee fffffffff\n"
                   + "Length = 2 rows\n", print(table(), 43));
        assertEquals("   a     b ...         f\n"
                   + "       deg ...\n"
                   + "---- ----- ... ---------\n"
                   + "aaaa bbbbb ... fffffffff\n"
                   + "aaaa bbbbb ... fffffffff\n"
                   + "Length = 2 rows\n", print(table(), 25));
        for (String line : print(table(), 30).split("\n")) {
            assertTrue(line.length() <= 30, line);
        }
        assertTrue(print(table(), 1).startsWith("   a ...\n"), "at least 10 wide, as astropy; one column and dots");
    }

    @Test
    void aTabOrNewlineInAValueStaysOnItsLine() throws Exception {
        RowListStarTable t = new RowListStarTable(new ColumnInfo[] {new ColumnInfo("s", String.class, null)});
        t.addRow(new Object[] {"two\nlines\tand tab"});
        assertEquals("                  s\n-------------------\ntwo\\nlines\\tand tab\nLength = 1 row\n",
                     print(t, 0));
    }

    @Test
    void columnsChosenByNameInTheOrderGiven() throws Exception {
        StarTable t = TablePrinter.selectColumns(table(), List.of("f", "B"));
        assertEquals("        f     b\n"
                   + "            deg\n"
                   + "--------- -----\n"
                   + "fffffffff bbbbb\n"
                   + "fffffffff bbbbb\n"
                   + "Length = 2 rows\n", print(t, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                                                  () -> TablePrinter.selectColumns(table(), List.of("a", "zz")));
        assertEquals("no column \"zz\" in the result (it has a, b, c, d, e, f)", e.getMessage());
    }

    @Test
    void textListingsAreLeftAlignedUnderTheirTitles() {
        StringWriter s = new StringWriter();
        TablePrinter.printText(new PrintWriter(s), List.of("name", "unit", "description"),
                               List.of(List.of("tdt", "", "Target Dedicated Time number"),
                                       List.of("ra_deg", "deg", "right ascension")));
        assertEquals("name   unit description\n"
                   + "------ ---- ----------------------------\n"
                   + "tdt         Target Dedicated Time number\n"
                   + "ra_deg deg  right ascension\n", s.toString());
    }
}
