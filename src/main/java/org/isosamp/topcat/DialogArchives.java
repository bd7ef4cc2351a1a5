package org.isosamp.topcat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.isosamp.archive.ArchiveSession;
import org.isosamp.archive.ArchiveSettings;

/**
 * The archives one load dialog has opened, one session per archive, kept open until the JVM exits: a table loaded
 * from the embedded local archive names that archive's URLs ({@code access_url}, {@code reference}), which TOPCAT
 * may follow at any time while the table is shown, so the archive must outlive the load. Thread-safe.
 */
final class DialogArchives {

    private static final Logger LOG = Logger.getLogger(DialogArchives.class.getName());

    private final Map<ArchiveSettings, ArchiveSession> open = new LinkedHashMap<>();
    private boolean hooked;

    /**
     * @return the open session for {@code settings}, opened (for {@code local}: started) on first use
     * @throws IOException when it cannot be opened (e.g. {@code local} in a plug-in jar without the local archive)
     */
    synchronized ArchiveSession session(ArchiveSettings settings) throws IOException {
        ArchiveSession s = open.get(settings);
        if (s == null) {
            s = settings.open();
            open.put(settings, s);
            s.localPort().ifPresent(p -> LOG.info("local ISO archive for TOPCAT's loads at http://127.0.0.1:" + p
                                                  + "/ until TOPCAT exits"));
            if (!hooked) {
                Runtime.getRuntime().addShutdownHook(new Thread(this::close, "iso-samp load dialog archives"));
                hooked = true;
            }
        }
        return s;
    }

    /** Closes every session (stops the local archives). */
    void close() {
        List<ArchiveSession> all;
        synchronized (this) {
            all = new ArrayList<>(open.values());
            open.clear();
        }
        all.forEach(ArchiveSession::close);
    }
}
