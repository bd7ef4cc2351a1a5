package org.isosamp.topcat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.isosamp.archive.ArchiveSettings;
import org.isosamp.model.ProductLevel;
import org.isosamp.model.RetrievalType;
import org.isosamp.samp.ProductFetch;

/**
 * What the "ISO product" action is set to do, as its configuration panel shows it and as a TOPCAT session saves it
 * ({@link #toMap()}, {@link #fromMap}): the column holding the TDT, the archive (as the load dialog's field:
 * {@code production}, a URL, or {@code local}), the retrieval type and product level, what then, and the folder.
 * Plain values, no TOPCAT or Swing, so a session's round trip is tested without TOPCAT. Immutable.
 *
 * @param column the column with the TDT ({@code tdt}, or {@code obs_id} in the IVOA tables), or "" for none
 * @param archive the archive field's text
 * @param type STANDALONE or OBSERVATION
 * @param level the OBSERVATION tar's level
 * @param then what to do with the product
 * @param folder where products are saved
 */
record ProductActionSettings(String column, String archive, RetrievalType type, ProductLevel level,
                             ProductFetch.Then then, String folder) {

    // session keys: TOPCAT's own start with "_" (_ActivationType, _isActive), so ours never clash with them
    static final String COLUMN = "isoColumn";
    static final String ARCHIVE = "isoArchive";
    static final String TYPE = "isoRetrievalType";
    static final String LEVEL = "isoProductLevel";
    static final String THEN = "isoThen";
    static final String FOLDER = "isoFolder";

    ProductActionSettings {
        column = column == null ? "" : column;
        archive = archive == null || archive.isBlank() ? IsoLoadDialog.PRODUCTION : archive.trim();
        type = type == null ? RetrievalType.STANDALONE : type;
        level = level == null ? ProductLevel.DEFAULT_DATA_SET : level;
        then = then == null ? ProductFetch.Then.LOAD : then;
        folder = folder == null || folder.isBlank() ? System.getProperty("user.dir") : folder.trim();
    }

    /**
     * @param column the TDT column found in the table, or "" for none
     * @return the defaults: production, STANDALONE, load into TOPCAT, the current folder
     */
    static ProductActionSettings defaults(String column) {
        return new ProductActionSettings(column, null, null, null, null, null);
    }

    /** @return the settings as a TOPCAT session stores them */
    Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(COLUMN, column);
        m.put(ARCHIVE, archive);
        m.put(TYPE, type.name());
        m.put(LEVEL, level.name());
        m.put(THEN, then.name());
        m.put(FOLDER, folder);
        return m;
    }

    /**
     * Settings from a session: each value found replaces the default's; a missing or unknown value (a session from
     * another version) keeps the default's.
     *
     * @param map a session's state (other keys are ignored)
     * @param defaults what to keep where the map says nothing usable
     * @return the settings
     */
    static ProductActionSettings fromMap(Map<String, String> map, ProductActionSettings defaults) {
        return new ProductActionSettings(
            map.getOrDefault(COLUMN, defaults.column),
            map.getOrDefault(ARCHIVE, defaults.archive),
            parse(RetrievalType.class, map.get(TYPE), defaults.type),
            parse(ProductLevel.class, map.get(LEVEL), defaults.level),
            parse(ProductFetch.Then.class, map.get(THEN), defaults.then),
            map.getOrDefault(FOLDER, defaults.folder));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return otherwise;
        }
    }

    /** @return the archive the field names (as the load dialog reads it) */
    ArchiveSettings archiveSettings() {
        return IsoLoadDialog.archive(archive);
    }

    /** @return the request each activation makes */
    ProductFetch.Request request() {
        return new ProductFetch.Request(type, level, then, Path.of(folder));
    }

    /**
     * @return why an activation could not run with these settings, in one line for TOPCAT's status line, or null
     *         when it can
     */
    String problem() {
        if (column.isEmpty()) {
            return "Choose the column with the TDT";
        }
        try {
            archiveSettings();
        } catch (IllegalArgumentException e) {
            return "Archive: " + e.getMessage();
        }
        String p = ProductFetch.Request.problem(type, then);
        if (p != null) {
            return p;
        }
        try {
            if (!ProductFetch.usableFolder(Path.of(folder))) {
                return "Folder: " + folder + " is not a folder";
            }
        } catch (java.nio.file.InvalidPathException e) {
            return "Folder: " + e.getMessage();
        }
        return null;
    }
}
