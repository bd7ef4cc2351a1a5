package org.isosamp.archive;

import java.io.IOException;
import java.net.URI;

/**
 * A starter of the embedded local archive ({@code --archive local}), found by {@link ArchiveSettings#open()} with
 * {@link java.util.ServiceLoader} so that no client package depends on the {@code local} package that implements
 * it: the runnable jar lists its one implementation in {@code META-INF/services/org.isosamp.archive.EmbeddedArchive}; a build that leaves the local
 * archive out (a plug-in jar) simply has none, and opening {@link ArchiveSettings#local()} says so.
 *
 * <p>Implementations have a public no-argument constructor (as {@link java.util.ServiceLoader} requires) and are
 * thread-safe: {@link #start()} may be called from any thread, any number of times.
 */
public interface EmbeddedArchive {

    /**
     * Starts a new embedded archive on a free port of 127.0.0.1.
     *
     * @return the running archive; the caller closes it
     * @throws IOException when it cannot be started (its port, its sample data)
     */
    Running start() throws IOException;

    /** A running embedded archive. Thread-safe. */
    interface Running extends AutoCloseable {

        /** @return the archive root, {@code http://127.0.0.1:PORT/nida-sl-tap/}, shaped as the production one */
        URI baseUrl();

        /** @return the port it listens on (127.0.0.1): the URLs in its results name it */
        int port();

        /** Stops the archive; its URLs answer no more. */
        @Override
        void close();
    }
}
