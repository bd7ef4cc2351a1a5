package org.isosamp.samp;

import java.io.IOException;
import java.util.Map;
import org.astrogrid.samp.Response;
import uk.ac.starlink.table.StarTable;

/**
 * Sends tables over SAMP as {@code table.load.votable} (or {@code table.load.fits} to clients that take only FITS),
 * each with a fresh {@code table-id}, and remembers them in {@link SentTables}.
 */
public interface TablePublisher {

    /**
     * Sends a table to every client that takes tables, or to one.
     *
     * @param table the table (read once, written to a file served on loopback)
     * @param name the {@code name} the receivers show
     * @param recipientId one client's id, or null for every subscribed client
     * @return what was sent, and each receiver's reply (a missing entry: no reply in time)
     * @throws IOException if the table cannot be written or the hub cannot be reached
     */
    Sent send(StarTable table, String name, String recipientId) throws IOException;

    /**
     * @param table what was sent
     * @param replies each receiver's reply
     */
    record Sent(SentTable table, Map<SampPeer, Response> replies) {
    }
}
