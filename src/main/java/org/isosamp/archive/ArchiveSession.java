package org.isosamp.archive;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * An open archive ({@link ArchiveSettings#open()}): the {@link IsoArchive} to ask, and the embedded local archive
 * behind it if the settings chose that one, which runs until the session closes.
 *
 * <pre>
 * try (ArchiveSession s = ArchiveSettings.local().open()) {
 *     List&lt;TableMeta&gt; tables = s.archive().tables(false);
 * }   // the local archive stops here
 * </pre>
 *
 * Thread-safe; close it once, after the last request.
 */
public final class ArchiveSession implements AutoCloseable {

    private final IsoArchive archive;
    private final EmbeddedArchive.Running local;

    ArchiveSession(IsoArchive archive, EmbeddedArchive.Running local) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.local = local;
    }

    /** @return the archive */
    public IsoArchive archive() {
        return archive;
    }

    /**
     * The port of the embedded archive this session started, if it did. The URLs in its results
     * ({@code access_url}, {@code reference}) name that port and die with the session: a face says so, and that
     * {@code serve-local} on the same port serves them again.
     *
     * @return the embedded archive's port (127.0.0.1); empty for any other archive
     */
    public OptionalInt localPort() {
        return local == null ? OptionalInt.empty() : OptionalInt.of(local.port());
    }

    /** Stops the embedded archive, if this session started one. */
    @Override
    public void close() {
        if (local != null) {
            local.close();
        }
    }
}
