package org.isosamp.samp;

import java.util.ArrayList;
import java.util.List;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.SampUtils;
import org.astrogrid.samp.client.SampException;

/**
 * Tells the other clients which rows of a table iso-samp sent its own user picked, so that row selection is shared
 * across tools: {@code table.highlight.row} (one row, e.g. a click) and {@code table.select.rowList} (a selection),
 * notified to every subscribed client with the {@code table-id} and {@code url} the table was sent with.
 *
 * <p>Do not echo: rows that came from another client ({@link SentTables.RowListener}) are already shown there;
 * sending them back starts a ping-pong with tools that re-send what they receive. Thread-safe.
 */
public final class RowSender {

    private final SampClient client;

    /** @param client the registered client to send with */
    public RowSender(SampClient client) {
        this.client = client;
    }

    /**
     * @param table a table iso-samp sent
     * @param row the row, 0-based
     * @return the ids of the clients notified
     * @throws IllegalArgumentException if the row is outside the table
     * @throws SampException if not connected
     */
    public List<String> highlight(SentTable table, long row) throws SampException {
        check(table, row);
        return client.notifyAll(message(RowMessageHandler.HIGHLIGHT, table).addParam("row", SampUtils.encodeLong(row)));
    }

    /**
     * @param table a table iso-samp sent
     * @param rows the rows, 0-based (empty clears the selection)
     * @return the ids of the clients notified
     * @throws IllegalArgumentException if a row is outside the table
     * @throws SampException if not connected
     */
    public List<String> select(SentTable table, long[] rows) throws SampException {
        List<String> list = new ArrayList<>(rows.length);
        for (long r : rows) {
            check(table, r);
            list.add(SampUtils.encodeLong(r));
        }
        return client.notifyAll(message(RowMessageHandler.SELECT, table).addParam("row-list", list));
    }

    private static Message message(String mtype, SentTable table) {
        return new Message(mtype).addParam("table-id", table.tableId()).addParam("url", table.url().toString());
    }

    private static void check(SentTable table, long row) {
        if (row < 0 || row >= table.rowCount()) {
            throw new IllegalArgumentException("row " + row + " is outside table \"" + table.name() + "\" ("
                + table.rowCount() + " rows)");
        }
    }
}
