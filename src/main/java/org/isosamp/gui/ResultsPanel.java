package org.isosamp.gui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;
import javax.swing.UIManager;
import javax.swing.table.JTableHeader;
import javax.swing.table.TableColumnModel;
import javax.swing.table.TableRowSorter;
import javax.swing.table.TableModel;
import org.isosamp.archive.QueryResult;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.gui.StarJTable;

/**
 * A search's answer: STIL's {@link StarJTable} straight over the result's {@link StarTable} (the cells are read from
 * the table as they are drawn, never copied into a Swing model, so 40k rows scroll as a few do), sortable by
 * clicking a header (a {@link TableRowSorter}: a sorted view of row indexes, not a copy of the rows), each header's
 * unit, UCD and description as its tooltip, and a line above the table saying how many rows came and, in the
 * warning colour, when MAXREC cut the answer ({@link QueryResult#overflow()}).
 *
 * <p>The result's table must be random access (the archive's are). Reading its cells happens on the event thread,
 * in memory: {@link org.isosamp.archive.IsoArchive#query} keeps the rows in memory up to a limit far above any
 * MAXREC a window asks for.
 *
 * <p>Swing: create and use on the event thread.
 */
public final class ResultsPanel extends JPanel {

    private static final long serialVersionUID = 1L;

    /**
     * Columns shown first, in this order, where a result has them (the archive lists its columns alphabetically, so
     * the TDT would sit far right): the view's order only, the table's own is untouched (what is saved or sent).
     */
    static final List<String> LEADING = List.of("tdt", "obs_id", "target", "target_name", "instid",
        "instrument_name", "aotname", "dataproduct_type", "default_vo_product", "ra_deg", "s_ra", "dec", "s_dec",
        "utc_start", "t_min", "revno");

    private final StarJTable table = new StarJTable(true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected JTableHeader createDefaultTableHeader() {
            return new JTableHeader(columnModel) {
                private static final long serialVersionUID = 1L;

                @Override
                public String getToolTipText(MouseEvent e) {
                    int view = columnAtPoint(e.getPoint());
                    return view < 0 ? null : headerTip(convertColumnIndexToModel(view));
                }
            };
        }
    };
    private final JLabel summary = new JLabel("No search yet: fill the form and press Search (Enter).");
    private transient QueryResult result;
    private String label = "";

    /** An empty panel, waiting for a result. */
    public ResultsPanel() {
        super(new BorderLayout(0, 4));
        table.setName("results.table");
        table.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        table.setFillsViewportHeight(true);
        table.getAccessibleContext().setAccessibleName("Search results");
        summary.setName("results.summary");
        summary.setBorder(BorderFactory.createEmptyBorder(2, 4, 2, 4));
        add(summary, BorderLayout.NORTH);
        add(new JScrollPane(table), BorderLayout.CENTER);
    }

    /**
     * Shows a result (replacing the last one): rows, the MAXREC warning if it overflowed, the sort cleared.
     *
     * @param result the answer, with a random-access table
     * @param label  what the search was, for the summary line
     */
    public void show(QueryResult result, String label) {
        this.result = result;
        this.label = label;
        StarTable t = result.table();
        table.setStarTable(t, true);
        TableRowSorter<TableModel> sorter = new TableRowSorter<>(table.getModel());
        table.setRowSorter(sorter);
        leadingFirst();
        // widths from the first rows only: looking at every row would read all 40k of them
        StarJTable.configureColumnWidths(table, 300, 50);
        long rows = t.getRowCount();
        if (result.overflow()) {
            summary.setForeground(warningColour());
            summary.setFont(summary.getFont().deriveFont(java.awt.Font.BOLD));
            summary.setText("Truncated: the first " + rows + " rows (MAXREC " + result.maxrec()
                            + "); more match. Raise MAXREC or narrow the search.");
        } else {
            summary.setForeground(UIManager.getColor("Label.foreground"));
            summary.setFont(UIManager.getFont("Label.font"));
            summary.setText(rows + (rows == 1 ? " row" : " rows") + " — " + label);
        }
    }

    /** Moves the {@link #LEADING} columns to the front of the view, after the row number. */
    private void leadingFirst() {
        TableColumnModel m = table.getColumnModel();
        int next = table.hasRowHeader() ? 1 : 0;
        for (String name : LEADING) {
            for (int i = next; i < m.getColumnCount(); i++) {
                if (name.equalsIgnoreCase(String.valueOf(m.getColumn(i).getHeaderValue()))) {
                    m.moveColumn(i, next++);
                    break;
                }
            }
        }
    }

    /** Clears the table (a new search started) and says what is happening. */
    public void clear(String line) {
        result = null;
        table.setRowSorter(null);
        table.setStarTable(new uk.ac.starlink.table.ColumnStarTable() {
            @Override
            public long getRowCount() {
                return 0;
            }
        }, true);
        summary.setForeground(UIManager.getColor("Label.foreground"));
        summary.setFont(UIManager.getFont("Label.font")); // not the bold of a truncated result before
        summary.setText(line);
    }

    /** @return the result shown, or null */
    public QueryResult result() {
        return result;
    }

    /** @return the label of the search shown */
    public String label() {
        return label;
    }

    /** @return the summary line above the table */
    public String summary() {
        return summary.getText();
    }

    /** @return the table component (for focus, selection listeners and tests) */
    public StarJTable table() {
        return table;
    }

    /** @return the rows shown, as the view has them (0 when there is no result) */
    public int rowCount() {
        return table.getRowCount();
    }

    /** @return the selected rows as indexes into the result's table (sorting does not change them), in view order */
    public long[] selectedRows() {
        int[] view = table.getSelectedRows();
        long[] out = new long[view.length];
        for (int i = 0; i < view.length; i++) {
            out[i] = table.convertRowIndexToModel(view[i]);
        }
        return out;
    }

    /**
     * Selects one row of the result's table (e.g. asked by the bus) and scrolls to it.
     *
     * @param modelRow an index into the result's table
     */
    public void selectRow(int modelRow) {
        if (modelRow < 0 || modelRow >= table.getModel().getRowCount()) {
            return;
        }
        int view = table.convertRowIndexToView(modelRow);
        if (view >= 0) {
            table.setRowSelectionInterval(view, view);
            table.scrollRectToVisible(table.getCellRect(view, 0, true));
        }
    }

    /**
     * Selects rows of the result's table (e.g. a {@code table.select.rowList} from the bus), whatever the sort, and
     * scrolls to the first of them as shown.
     *
     * @param modelRows indexes into the result's table; those out of range are left out
     */
    public void selectRows(long[] modelRows) {
        int n = table.getModel().getRowCount();
        javax.swing.ListSelectionModel sel = table.getSelectionModel();
        int first = Integer.MAX_VALUE;
        sel.setValueIsAdjusting(true);
        try {
            sel.clearSelection();
            for (long m : modelRows) {
                if (m >= 0 && m < n) {
                    int view = table.convertRowIndexToView((int) m);
                    if (view >= 0) {
                        sel.addSelectionInterval(view, view);
                        first = Math.min(first, view);
                    }
                }
            }
        } finally {
            sel.setValueIsAdjusting(false);
        }
        if (first != Integer.MAX_VALUE) {
            table.scrollRectToVisible(table.getCellRect(first, 0, true));
        }
    }

    /**
     * @param listener told the selected rows (indexes into the result's table) when the user's selection settles
     */
    public void addSelectionListener(Consumer<long[]> listener) {
        table.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                listener.accept(selectedRows());
            }
        });
    }

    /**
     * @param column a column's name, any case
     * @return the values of that column in the selected rows (nulls left out), in view order; empty when the
     *         result has no such column
     */
    public List<Object> selectedValues(String column) {
        List<Object> out = new ArrayList<>();
        if (result == null) {
            return out;
        }
        StarTable t = result.table();
        int col = -1;
        for (int i = 0; i < t.getColumnCount(); i++) {
            if (t.getColumnInfo(i).getName().equalsIgnoreCase(column)) {
                col = i;
            }
        }
        if (col < 0) {
            return out;
        }
        for (long row : selectedRows()) {
            try {
                Object v = t.getCell(row, col);
                if (v != null) {
                    out.add(v);
                }
            } catch (java.io.IOException e) {
                // random access in memory: no I/O happens; a failure leaves the row out
            }
        }
        return out;
    }

    /** @return the header tooltip of a model column: name, unit, UCD, description */
    String headerTip(int modelColumn) {
        if (result == null) {
            return null;
        }
        int col = modelColumn - (table.hasRowHeader() ? 1 : 0);
        if (col < 0) {
            return "row number in the answer (sorting does not change it)";
        }
        ColumnInfo info = result.table().getColumnInfo(col);
        StringBuilder b = new StringBuilder("<html><b>").append(escape(info.getName())).append("</b>");
        if (info.getUnitString() != null && !info.getUnitString().isBlank()) {
            b.append(" [").append(escape(info.getUnitString())).append("]");
        }
        if (info.getUCD() != null && !info.getUCD().isBlank()) {
            b.append("<br>UCD: ").append(escape(info.getUCD()));
        }
        if (info.getDescription() != null && !info.getDescription().isBlank()) {
            b.append("<br>").append(escape(info.getDescription()));
        }
        return b.append("</html>").toString();
    }

    /** @return the header tooltips of every column, in model order (for tests) */
    List<String> headerTips() {
        List<String> out = new ArrayList<>();
        TableColumnModel m = table.getColumnModel();
        for (int i = 0; i < m.getColumnCount(); i++) {
            out.add(headerTip(m.getColumn(i).getModelIndex()));
        }
        return out;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Color warningColour() {
        Color c = UIManager.getColor("Component.warning.focusedBorderColor"); // FlatLaf's, when installed
        return c != null ? c.darker() : new Color(0xB0, 0x50, 0x00);
    }
}
