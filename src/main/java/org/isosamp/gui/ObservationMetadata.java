package org.isosamp.gui;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * One observation's row of {@code ida.observations}, as name/value items with each column's unit and description:
 * what the observation panel's metadata table shows. No Swing here, so it is tested without a display. Immutable.
 *
 * @param items one per column, in the table's order
 * @param rows  how many rows the archive has for the TDT (a parallel observation shares its prime's TDT); the
 *              items are the prime's
 */
record ObservationMetadata(List<Item> items, int rows) {

    /** The longest value text kept: a footprint polygon runs to kilobytes, and a table cell shows one line. */
    static final int MAX_VALUE_CHARS = 400;

    /**
     * One column of the row.
     *
     * @param name        the column name
     * @param value       its value as text ("" for null)
     * @param unit        its unit, or ""
     * @param description its description, or ""
     */
    record Item(String name, String value, String unit, String description) {
    }

    ObservationMetadata {
        items = List.copyOf(items);
    }

    /**
     * Picks the observation's own row: the first that is not a parallel one ({@code cam_par_flag} = 1), else the
     * first.
     *
     * @param table the answer of {@code SELECT * FROM ida.observations WHERE tdt = ...}
     * @return its items, or null when the table has no rows
     */
    static ObservationMetadata of(StarTable table) throws IOException {
        int cols = table.getColumnCount();
        int parallel = -1;
        for (int c = 0; c < cols; c++) {
            if (table.getColumnInfo(c).getName().equalsIgnoreCase("cam_par_flag")) {
                parallel = c;
            }
        }
        Object[] chosen = null;
        int rows = 0;
        try (RowSequence seq = table.getRowSequence()) {
            while (seq.next()) {
                rows++;
                Object[] row = seq.getRow().clone();
                if (chosen == null || isParallelRow(chosen, parallel) && !isParallelRow(row, parallel)) {
                    chosen = row;
                }
            }
        }
        if (chosen == null) {
            return null;
        }
        List<Item> items = new ArrayList<>(cols);
        for (int c = 0; c < cols; c++) {
            ColumnInfo info = table.getColumnInfo(c);
            items.add(new Item(info.getName(), text(info, chosen[c]), nonNull(info.getUnitString()),
                               nonNull(info.getDescription())));
        }
        return new ObservationMetadata(items, rows);
    }

    private static boolean isParallelRow(Object[] row, int parallel) {
        return parallel >= 0 && row[parallel] instanceof Number n && n.intValue() == 1;
    }

    /** @return the value of a column (case-insensitive), or "" when there is no such column */
    String value(String name) {
        for (Item i : items) {
            if (i.name().equalsIgnoreCase(name)) {
                return i.value();
            }
        }
        return "";
    }

    /** @return a heading: {@code 58002102 · LWS · L01 · M31}, the parts that are known */
    String heading(long tdt) {
        StringBuilder b = new StringBuilder(Long.toString(tdt));
        for (String column : new String[] {"instid", "aotname", "target"}) {
            String v = value(column).trim();
            if (!v.isEmpty()) {
                b.append(" · ").append(v);
            }
        }
        return b.toString();
    }

    private static String text(ColumnInfo info, Object value) {
        if (value == null) {
            return "";
        }
        String s = info.formatValue(value, MAX_VALUE_CHARS);
        return s == null ? "" : s;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s.trim();
    }
}
