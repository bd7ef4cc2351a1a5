package org.isosamp.local;

import java.io.IOException;
import java.net.URI;
import org.isosamp.archive.EmbeddedArchive;

/**
 * {@code --archive local}: the client's way to the local archive without importing this package. Opening
 * {@code ArchiveSettings.local()} finds this class through
 * {@code META-INF/services/org.isosamp.archive.EmbeddedArchive}; this is the one class of {@code local} that knows
 * the client (the layering test holds it to that one import). Thread-safe.
 */
public final class LocalArchiveProvider implements EmbeddedArchive {

    /** For {@link java.util.ServiceLoader}. */
    public LocalArchiveProvider() {
    }

    /** Starts a local archive with the defaults ({@link LocalArchive#builder()}) on a free port. */
    @Override
    public Running start() throws IOException {
        LocalArchive local = LocalArchive.builder().port(0).start();
        return new Running() {
            @Override
            public URI baseUrl() {
                return local.baseUrl();
            }

            @Override
            public int port() {
                return local.port();
            }

            @Override
            public void close() {
                local.close();
            }
        };
    }
}
