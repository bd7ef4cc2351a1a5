package org.isosamp.samp;

import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tables iso-samp has sent in this session, found by {@code table-id} or URL, and the row events other clients
 * send about them. The sender adds; the row-message handlers look up and {@link #fireHighlight}/{@link #fireSelect};
 * a GUI or the {@code listen} command listens.
 *
 * <p>Thread-safe.
 */
public final class SentTables {

    private static final Logger LOG = Logger.getLogger(SentTables.class.getName());

    /** Hears what other clients do with the rows of tables iso-samp sent. */
    public interface RowListener {
        /** Another client highlighted one row (0-based). */
        void highlighted(SentTable table, long row, String senderId);

        /** Another client selected these rows (0-based; empty clears the selection). */
        void selected(SentTable table, long[] rows, String senderId);
    }

    private final Map<String, SentTable> byId = new LinkedHashMap<>();
    private final List<RowListener> listeners = new CopyOnWriteArrayList<>();

    /** Records a table just sent. */
    public synchronized void add(SentTable t) {
        byId.put(t.tableId(), t);
    }

    /** Forgets a table (its URL no longer served). */
    public synchronized void remove(String tableId) {
        byId.remove(tableId);
    }

    /** @return the table sent with this id, or null */
    public synchronized SentTable byId(String tableId) {
        return tableId == null ? null : byId.get(tableId);
    }

    /** @return the table sent with this URL, or null */
    public synchronized SentTable byUrl(String url) {
        if (url == null) {
            return null;
        }
        for (SentTable t : byId.values()) {
            if (t.url().toString().equals(url)) {
                return t;
            }
        }
        return null;
    }

    /** @return every table sent and not forgotten, oldest first */
    public synchronized List<SentTable> all() {
        return new ArrayList<>(byId.values());
    }

    /** @param l told of row events, on the thread that handles the message */
    public void addRowListener(RowListener l) {
        listeners.add(l);
    }

    /** @param l no longer told */
    public void removeRowListener(RowListener l) {
        listeners.remove(l);
    }

    /** Tells the listeners a row was highlighted; a listener's failure is logged, not passed on. */
    public void fireHighlight(SentTable t, long row, String senderId) {
        for (RowListener l : listeners) {
            try {
                l.highlighted(t, row, senderId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "row listener failed", e);
            }
        }
    }

    /** Tells the listeners rows were selected; a listener's failure is logged, not passed on. */
    public void fireSelect(SentTable t, long[] rows, String senderId) {
        for (RowListener l : listeners) {
            try {
                l.selected(t, rows.clone(), senderId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "row listener failed", e);
            }
        }
    }
}
