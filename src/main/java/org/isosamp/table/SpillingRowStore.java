package org.isosamp.table;

import java.io.IOException;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.RowStore;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StoragePolicy;

/**
 * Keeps rows as they are (STIL's {@link StoragePolicy#PREFER_MEMORY}: no encoding, the
 * fastest to write twice, as FITS does) up to a number of rows, then moves them, and all
 * the rows after, to {@link StoragePolicy#ADAPTIVE} storage (compact bytes in memory, then a
 * temporary file), so that a table of millions of rows does not exhaust the heap. Used by
 * one thread.
 */
final class SpillingRowStore implements RowStore {

    /** Rows kept as objects before spilling: about 100-300 MB of heap for the archive's widest tables. */
    static final long DEFAULT_LIMIT = 200_000;

    private final long limit;
    private StarTable meta;
    private RowStore store;
    private long rows;
    private boolean spilled;

    SpillingRowStore(long limit) {
        this.limit = limit;
    }

    @Override
    public void acceptMetadata(StarTable meta) {
        this.meta = meta;
        store = StoragePolicy.PREFER_MEMORY.makeConfiguredRowStore(meta);
    }

    @Override
    public void acceptRow(Object[] row) throws IOException {
        if (!spilled && rows == limit) {
            spill();
        }
        store.acceptRow(row);
        rows++;
    }

    private void spill() throws IOException {
        store.endRows();
        StarTable kept = store.getStarTable();
        RowStore bytes = StoragePolicy.ADAPTIVE.makeConfiguredRowStore(meta);
        try (RowSequence seq = kept.getRowSequence()) {
            while (seq.next()) {
                bytes.acceptRow(seq.getRow());
            }
        }
        store = bytes;
        spilled = true;
    }

    @Override
    public void endRows() throws IOException {
        store.endRows();
    }

    @Override
    public StarTable getStarTable() {
        return store.getStarTable();
    }

    /** @return true once the rows went to ADAPTIVE storage */
    boolean spilled() {
        return spilled;
    }
}
