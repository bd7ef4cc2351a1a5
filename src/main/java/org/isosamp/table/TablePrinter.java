package org.isosamp.table;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.ColumnPermutedStarTable;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * Prints a table the way astropy's {@code Table.pprint()} does: column names,
 * a units line when any column has a unit, a dashed rule, right-aligned
 * values, {@code --} for nulls, the middle rows elided as {@code ...} past a
 * limit, the middle columns elided as {@code ...} past a width, and
 * {@code Length = N rows}. Stateless.
 */
public final class TablePrinter {

    private TablePrinter() {
    }

    /**
     * Prints every column, however wide the lines get.
     *
     * @param table   a table (read once, sequentially)
     * @param out     where to print
     * @param maxRows most rows to show; beyond it the first and last halves are shown; &lt;= 0: all
     */
    public static void print(StarTable table, PrintWriter out, int maxRows) throws IOException {
        print(table, out, maxRows, 0);
    }

    /**
     * Prints the table in at most {@code maxWidth} characters a line, as astropy does: when the columns do not fit,
     * the middle ones give way to one column of {@code ...}, the first and last stay.
     *
     * @param table    a table (read once, sequentially)
     * @param out      where to print
     * @param maxRows  most rows to show; beyond it the first and last halves are shown; &lt;= 0: all
     * @param maxWidth most characters a line (at least 10, as astropy); &lt;= 0: no limit
     */
    public static void print(StarTable table, PrintWriter out, int maxRows, int maxWidth) throws IOException {
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
        for (int i = 0; i < ncol; i++) {
            ColumnInfo c = table.getColumnInfo(i);
            names[i] = c.getName();
            units[i] = c.getUnitString() == null ? "" : c.getUnitString();
            anyUnit |= !units[i].isEmpty();
        }
        List<String[]> rows = new ArrayList<>(head);
        if (elided) {
            String[] dots = new String[ncol];
            Arrays.fill(dots, "...");
            rows.add(dots);
        }
        rows.addAll(tail);
        render(out, anyUnit ? List.of(names, units) : List.<String[]>of(names), rows, maxWidth, false);
        out.println("Length = " + nrow + (nrow == 1 ? " row" : " rows"));
        out.flush();
    }

    /**
     * Prints text in aligned, left-justified columns under a header and a dashed rule, for listings such as a
     * table's columns or the clients on a hub. The last column is not padded; no width limit.
     *
     * @param out    where to print
     * @param header the column titles
     * @param rows   the rows, each as long as the header (null cells print empty)
     */
    public static void printText(PrintWriter out, List<String> header, List<List<String>> rows) {
        List<String[]> cells = new ArrayList<>();
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("row of " + r.size() + " cells under " + header.size()
                                                   + " titles: " + r);
            }
            String[] c = new String[r.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = r.get(i) == null ? "" : clean(r.get(i));
            }
            cells.add(c);
        }
        render(out, List.<String[]>of(header.toArray(String[]::new)), cells, 0, true);
        out.flush();
    }

    /**
     * The table with only the named columns, in the order named (as astropy's {@code t[names]}).
     *
     * @param table a table
     * @param names column names, matched as typed, else ignoring case; empty: all columns
     * @return a view of the table
     * @throws IllegalArgumentException naming the unknown column and listing the table's
     */
    public static StarTable selectColumns(StarTable table, List<String> names) {
        if (names.isEmpty()) {
            return table;
        }
        int[] map = new int[names.size()];
        for (int k = 0; k < map.length; k++) {
            map[k] = columnIndex(table, names.get(k).trim());
        }
        return new ColumnPermutedStarTable(table, map);
    }

    private static int columnIndex(StarTable table, String name) {
        int n = table.getColumnCount();
        for (int i = 0; i < n; i++) {
            if (table.getColumnInfo(i).getName().equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < n; i++) {
            if (table.getColumnInfo(i).getName().equalsIgnoreCase(name)) {
                return i;
            }
        }
        List<String> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(table.getColumnInfo(i).getName());
        }
        throw new IllegalArgumentException("no column \"" + name + "\" in the result (it has " + String.join(", ", all)
                                           + ")");
    }

    /** Marks the place of columns left out. */
    private static final int DOTS = -1;

    /**
     * Lays out header lines, a dashed rule and rows, leaving out middle columns (astropy's rule) while the lines
     * are wider than {@code maxWidth}.
     */
    private static void render(PrintWriter out, List<String[]> headers, List<String[]> rows, int maxWidth,
                               boolean left) {
        int ncol = headers.get(0).length;
        int[] width = new int[ncol];
        for (int i = 0; i < ncol; i++) {
            for (String[] h : headers) {
                width[i] = Math.max(width[i], h[i].length());
            }
            for (String[] r : rows) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < ncol; i++) {
            shown.add(i);
        }
        if (maxWidth > 0) {
            int limit = Math.max(10, maxWidth);
            int middle = shown.size() / 2;
            while (lineWidth(shown, width) > limit && shown.size() > 1) {
                if (shown.size() == 2) {
                    shown.set(1, DOTS);
                    break;
                }
                if (shown.get(middle) == DOTS) {
                    shown.remove(middle);
                    middle = shown.size() / 2;
                }
                shown.set(middle, DOTS);
            }
        }
        for (String[] h : headers) {
            line(out, h, width, shown, left);
        }
        String[] rule = new String[ncol];
        for (int i = 0; i < ncol; i++) {
            rule[i] = "-".repeat(width[i]);
        }
        line(out, rule, width, shown, left);
        for (String[] r : rows) {
            line(out, r, width, shown, left);
        }
    }

    private static int lineWidth(List<Integer> shown, int[] width) {
        int w = shown.size() - 1;
        for (int i : shown) {
            w += i == DOTS ? 3 : width[i];
        }
        return w;
    }

    private static void line(PrintWriter out, String[] cells, int[] width, List<Integer> shown, boolean left) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < shown.size(); k++) {
            int i = shown.get(k);
            if (k > 0) {
                b.append(' ');
            }
            String cell = i == DOTS ? "..." : cells[i];
            String pad = i == DOTS ? "" : " ".repeat(width[i] - cell.length());
            b.append(left ? cell + pad : pad + cell);
        }
        out.println(b.toString().stripTrailing());
    }

    /** @return the text with tabs and line ends written as {@code \t}, {@code \n}, so that a row stays one line */
    private static String clean(String s) {
        return s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s
            : s.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
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
            return clean(info.formatValue(v, 40));
        }
        return clean(v.toString());
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
