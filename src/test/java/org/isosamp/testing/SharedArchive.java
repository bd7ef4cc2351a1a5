package org.isosamp.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.HttpUrl;
import org.isosamp.archive.IsoArchive;
import org.isosamp.local.LocalArchive;

/**
 * One local archive (samples only, free port) shared by every test of the
 * run: starting it takes a second, and it is read-only for queries. Stopped
 * by a shutdown hook. Tests that mutate state (async jobs) clean up after
 * themselves.
 */
public final class SharedArchive {

    private static LocalArchive archive;

    private SharedArchive() {
    }

    public static synchronized LocalArchive get() {
        if (archive == null) {
            try {
                archive = LocalArchive.builder().port(0).start();
            } catch (IOException e) {
                throw new UncheckedIOException("local archive failed to start", e);
            }
            LocalArchive a = archive;
            Runtime.getRuntime().addShutdownHook(new Thread(a::close, "shared-archive-stop"));
        }
        return archive;
    }

    /** @return a client of the shared archive: the default HTTP client, no product cache */
    public static IsoArchive client() {
        return new IsoArchive(HttpUrl.get(get().baseUrl().toString()), IsoArchive.defaultHttpClient(), null);
    }
}
