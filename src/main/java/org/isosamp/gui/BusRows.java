package org.isosamp.gui;

import java.io.IOException;
import uk.ac.starlink.table.StarTable;

/**
 * Reads which observation a row of a result table is, for "Send product": its {@code tdt} column
 * ({@code ida.observations}, {@code ivoa.ssap}, {@code ivoa.siap}) or, in {@code ivoa.obscore}, {@code obs_id}.
 * Stateless.
 */
final class BusRows {

    private BusRows() {
    }

    /**
     * @param table a result table (random access or not)
     * @param row a row, 0-based
     * @return the row's TDT, digits only
     * @throws IOException naming the table and row when it has no TDT column or the cell is empty or not a TDT
     */
    static String tdt(StarTable table, long row) throws IOException {
        int col = -1;
        for (String name : new String[] {"tdt", "obs_id"}) {
            for (int i = 0; i < table.getColumnCount() && col < 0; i++) {
                if (table.getColumnInfo(i).getName().equalsIgnoreCase(name)) {
                    col = i;
                }
            }
        }
        if (col < 0) {
            throw new IOException("table \"" + table.getName() + "\" has no tdt or obs_id column");
        }
        Object cell = cell(table, row, col);
        String tdt = cell instanceof Number n ? Long.toString(n.longValue()) : cell == null ? "" : cell.toString().trim();
        if (!tdt.matches("[0-9]{1,10}")) {
            throw new IOException("row " + row + " has no TDT (" + table.getColumnInfo(col).getName() + " is \""
                + tdt + "\")");
        }
        return tdt;
    }

    /** @return one cell, read directly if the table has random access, else by reading up to its row */
    private static Object cell(StarTable table, long row, int col) throws IOException {
        if (table.isRandom()) {
            return table.getCell(row, col);
        }
        try (uk.ac.starlink.table.RowSequence rows = table.getRowSequence()) {
            for (long r = 0; rows.next(); r++) {
                if (r == row) {
                    return rows.getCell(col);
                }
            }
        }
        throw new IOException("table \"" + table.getName() + "\" has no row " + row);
    }
}
