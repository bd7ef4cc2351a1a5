package org.isosamp.gui;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.SwingUtilities;
import org.isosamp.samp.RowSender;
import org.isosamp.samp.SentTable;

/**
 * The bus panel's row link between the window and the other clients, without ping-pong: rows another client
 * highlighted or selected reach the window's handler on the event thread, and are remembered so that the window,
 * reporting them back as its own selection, does not send them out again; the user's own rows go out as
 * {@code table.highlight.row} (one) or {@code table.select.rowList} (several). Thread-safe.
 */
final class BusRowLink {

    private static final Logger LOG = Logger.getLogger(BusRowLink.class.getName());

    private volatile IntConsumer one;
    private volatile Consumer<long[]> many;
    /** Rows the bus just selected in the window, until the window reports them. */
    private volatile long[] fromBus;

    /** @param handler told the first row of each row message */
    void setOne(IntConsumer handler) {
        one = handler;
    }

    /** @param handler told every row of each row message, instead of {@link #setOne}'s handler */
    void setMany(Consumer<long[]> handler) {
        many = handler;
    }

    /** Rows from another client, for the table shown: the window is told, on the event thread. Any thread. */
    void arrived(long[] rows) {
        if (rows.length == 0) {
            return;
        }
        long[] copy = rows.clone();
        SwingUtilities.invokeLater(() -> {
            fromBus = copy;
            Consumer<long[]> m = many;
            IntConsumer o = one;
            if (m != null) {
                m.accept(copy.clone());
            } else if (o != null) {
                o.accept((int) copy[0]);
            }
        });
    }

    /**
     * @param rows rows the window reports selected
     * @return false if they are the rows the bus just selected (the window's echo: not to be sent), true if the user's
     */
    boolean isUsers(long[] rows) {
        long[] echo = fromBus;
        fromBus = null;
        return echo == null || !Arrays.equals(echo, rows);
    }

    /**
     * Sends the user's rows for every format the table was sent in (each receiver knows its own {@code table-id}).
     * Makes hub calls: not on the event thread.
     */
    static void send(RowSender sender, List<SentTable> tables, long[] rows) {
        for (SentTable t : tables) {
            try {
                if (rows.length == 1) {
                    sender.highlight(t, rows[0]);
                } else {
                    sender.select(t, rows);
                }
            } catch (Exception e) {
                LOG.log(Level.FINE, "row message for " + t.tableId() + " not sent", e);
            }
        }
    }
}
