package org.isosamp.samp;

import java.util.Set;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.client.HubConnection;
import org.isosamp.samp.SampParams.BadMessage;

/**
 * Handles {@code table.highlight.row} and {@code table.select.rowList} for the tables iso-samp sent: finds the
 * table in {@link SentTables} by {@code table-id}, else by {@code url}, checks {@code row} (a SAMP int,
 * 0 &le; row &lt; rows) or every entry of {@code row-list}, answers, and then tells the {@link SentTables} row
 * listeners ({@link SentTables#fireHighlight}, {@link SentTables#fireSelect}) on the hub's callback thread.
 * An unknown table, a bad row or any other parameter gets a samp.error naming it.
 *
 * <p>Thread-safe.
 */
public final class RowMessageHandler extends ImmediateReplyHandler {

    /** Another client highlights one row. */
    public static final String HIGHLIGHT = "table.highlight.row";
    /** Another client selects rows. */
    public static final String SELECT = "table.select.rowList";

    private static final Set<String> HIGHLIGHT_PARAMS = Set.of("table-id", "url", "row");
    private static final Set<String> SELECT_PARAMS = Set.of("table-id", "url", "row-list");

    private final SentTables tables;

    /** @param tables the tables iso-samp sent (and their row listeners) */
    public RowMessageHandler(SentTables tables) {
        super(HIGHLIGHT, SELECT);
        this.tables = tables;
    }

    @Override
    Decision handle(HubConnection connection, String senderId, String mtype, Message msg) throws BadMessage {
        if (senderId != null && senderId.equals(selfId(connection))) {
            return warning(mtype + " from iso-samp itself: ignored");
        }
        if (HIGHLIGHT.equals(mtype)) {
            SampParams p = SampParams.of(msg, HIGHLIGHT_PARAMS);
            SentTable t = table(p, mtype);
            long row = p.requiredInt("row");
            checkRow(mtype, "row", row, t);
            return new Decision(null, () -> tables.fireHighlight(t, row, senderId));
        } else {
            SampParams p = SampParams.of(msg, SELECT_PARAMS);
            SentTable t = table(p, mtype);
            long[] rows = p.requiredIntList("row-list");
            for (int i = 0; i < rows.length; i++) {
                checkRow(mtype, "row-list[" + i + "]", rows[i], t);
            }
            return new Decision(null, () -> tables.fireSelect(t, rows, senderId));
        }
    }

    private SentTable table(SampParams p, String mtype) throws BadMessage {
        String id = p.optionalString("table-id");
        String url = p.optionalString("url");
        if (id == null && url == null) {
            throw new BadMessage(mtype + ": needs parameter \"table-id\" or \"url\"");
        }
        SentTable t = tables.byId(id);
        if (t == null) {
            t = tables.byUrl(url);
        }
        if (t == null) {
            throw new BadMessage(mtype + ": " + (id != null ? "parameter \"table-id\" is " + SampParams.quote(id)
                : "parameter \"url\" is " + SampParams.quote(url)) + ", not a table iso-samp sent");
        }
        return t;
    }

    private static void checkRow(String mtype, String param, long row, SentTable t) throws BadMessage {
        if (row < 0 || row >= t.rowCount()) {
            throw new BadMessage(mtype + ": parameter \"" + param + "\" is \"" + row + "\", outside table "
                + "\"" + SampParams.safe(t.name(), 200) + "\" (" + t.rowCount() + " rows, 0 to " + (t.rowCount() - 1) + ")");
        }
    }
}
