package org.isosamp.table;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * Prints a table the way astropy's {@code Table.pprint()} does: column names,
 * a units line when any column has a unit, a dashed rule, right-aligned
 * values, {@code --} for nulls, the middle rows elided as {@code ...} past a
 * limit, and {@code Length = N rows}. Stateless.
 */
public final class TablePrinter {

    private TablePrinter() {
    }

    /**
     * @param table   a table (read once, sequentially)
     * @param out     where to print
     * @param maxRows most rows to show; beyond it the first and last halves are shown; &lt;= 0: all
     */
    public static void print(StarTable table, PrintWriter out, int maxRows) throws IOException {
        int ncol = table.getColumnCount();
        List<String[]> head = new ArrayList<>();
        List<String[]> tail = new ArrayList<>();
        long nrow = 0;
        int half = maxRows <= 0 ? Integer.MAX_VALUE : Math.max(1, maxRows / 2);
        try (RowSequence rs = table.getRowSequence()) {
            while (rs.next()) {
                String[] cells = new String[ncol];
                for (int i = 0; i < ncol; i++) {
                    cells[i] = format(rs.getCell(i), table.getColumnInfo(i));
                }
                if (head.size() < half) {
                    head.add(cells);
                } else {
                    tail.add(cells);
                    if (tail.size() > half) {
                        tail.remove(0);
                    }
                }
                nrow++;
            }
        }
        boolean elided = nrow > head.size() + tail.size();
        String[] names = new String[ncol];
        String[] units = new String[ncol];
        boolean anyUnit = false;
        int[] width = new int[ncol];
        for (int i = 0; i < ncol; i++) {
            ColumnInfo c = table.getColumnInfo(i);
            names[i] = c.getName();
            units[i] = c.getUnitString() == null ? "" : c.getUnitString();
            anyUnit |= !units[i].isEmpty();
            width[i] = Math.max(names[i].length(), units[i].length());
            for (String[] r : head) {
                width[i] = Math.max(width[i], r[i].length());
            }
            for (String[] r : tail) {
                width[i] = Math.max(width[i], r[i].length());
            }
            width[i] = Math.max(width[i], elided ? 3 : 0);
        }
        line(out, names, width);
        if (anyUnit) {
            line(out, units, width);
        }
        String[] rule = new String[ncol];
        for (int i = 0; i < ncol; i++) {
            rule[i] = "-".repeat(width[i]);
        }
        line(out, rule, width);
        for (String[] r : head) {
            line(out, r, width);
        }
        if (elided) {
            String[] dots = new String[ncol];
            java.util.Arrays.fill(dots, "...");
            line(out, dots, width);
        }
        for (String[] r : tail) {
            line(out, r, width);
        }
        out.println("Length = " + nrow + (nrow == 1 ? " row" : " rows"));
        out.flush();
    }

    private static void line(PrintWriter out, String[] cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(" ".repeat(width[i] - cells[i].length())).append(cells[i]);
        }
        out.println(b.toString().stripTrailing());
    }

    static String format(Object v, ColumnInfo info) {
        if (v == null) {
            return "--";
        }
        if (v instanceof Double d) {
            return d.isNaN() ? "--" : trim(d);
        }
        if (v instanceof Float f) {
            return f.isNaN() ? "--" : trim(f.doubleValue());
        }
        if (v.getClass().isArray()) {
            return info.formatValue(v, 40);
        }
        return v.toString();
    }

    /** Shortest decimal that reads back the same double, without exponent for ordinary magnitudes. */
    private static String trim(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d) + ".0";
        }
        String s = Double.toString(d);
        if (s.contains("E")) {
            double a = Math.abs(d);
            if (a >= 1e-4 && a < 1e15) {
                s = new java.math.BigDecimal(s).stripTrailingZeros().toPlainString();
            }
        }
        return s;
    }
}
