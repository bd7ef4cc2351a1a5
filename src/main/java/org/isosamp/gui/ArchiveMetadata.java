package org.isosamp.gui;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.isosamp.archive.ArchiveSearch;
import org.isosamp.archive.IsoArchive;
import org.isosamp.model.TableMeta;

/**
 * What a search form offers from one archive: its tables with their columns (VOSI {@code tables}) and the AOTs
 * {@code ida.observations} holds. Read once per archive and kept for the life of the process ({@link #cached},
 * {@link #fetch}): the metadata of an archive does not change while a user types. Immutable; the cache is
 * thread-safe.
 *
 * @param tables the archive's tables, with their columns
 * @param aots   the AOTs it has ({@link ArchiveSearch#aotValues}), or {@link ArchiveSearch#KNOWN_AOTS} when that
 *               query failed
 */
public record ArchiveMetadata(List<TableMeta> tables, List<String> aots) {

    private static final Logger LOG = Logger.getLogger(ArchiveMetadata.class.getName());

    private static final Map<Object, ArchiveMetadata> CACHE = new ConcurrentHashMap<>();

    /** Copies the lists. */
    public ArchiveMetadata {
        tables = List.copyOf(tables);
        aots = List.copyOf(aots);
    }

    /**
     * @param key the archive, as the face names it (e.g. its {@code ArchiveSettings})
     * @return what was read from it before, or null
     */
    public static ArchiveMetadata cached(Object key) {
        return key == null ? null : CACHE.get(key);
    }

    /**
     * Reads an archive's metadata and caches it under {@code key}. Slow (network): never on the event thread.
     *
     * @param key    the archive, as the face names it
     * @param opener opens it
     * @return its metadata
     * @throws IOException when the archive cannot be opened or its tables cannot be read
     */
    public static ArchiveMetadata fetch(Object key, ArchiveOpener opener) throws IOException {
        ArchiveMetadata known = cached(key);
        if (known != null) {
            return known;
        }
        IsoArchive archive = opener.open();
        List<TableMeta> tables = archive.tables(true);
        List<String> aots;
        try {
            aots = ArchiveSearch.aotValues(archive);
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // an archive without ida.observations still has tables to browse
            LOG.log(Level.FINE, "no AOT list from " + archive.base() + ": " + e.getMessage(), e);
            aots = ArchiveSearch.KNOWN_AOTS;
        }
        ArchiveMetadata m = new ArchiveMetadata(tables, aots.isEmpty() ? ArchiveSearch.KNOWN_AOTS : aots);
        CACHE.put(key, m);
        return m;
    }
}
