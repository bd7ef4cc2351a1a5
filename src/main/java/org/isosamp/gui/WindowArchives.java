package org.isosamp.gui;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.isosamp.archive.ArchiveSession;
import org.isosamp.archive.ArchiveSettings;

/**
 * The archives a window has opened, one session per archive, kept until the window closes: the URLs in a result from
 * the embedded local archive ({@code access_url}, postcards) name that archive's port, so it must outlive the search
 * while the result is shown. Thread-safe; {@link #session} may start the local archive or reach the network: call it
 * off the event thread.
 */
final class WindowArchives {

    private static final Logger LOG = Logger.getLogger(WindowArchives.class.getName());

    private final Map<ArchiveSettings, ArchiveSession> open = new LinkedHashMap<>();
    private boolean closed;

    /**
     * @return the open session for {@code settings}, opened (for {@code local}: started) on first use
     * @throws IOException when it cannot be opened (e.g. {@code local} where the embedded archive is absent)
     */
    synchronized ArchiveSession session(ArchiveSettings settings) throws IOException {
        if (closed) {
            throw new IOException("the window is closed: archive " + settings + " not opened");
        }
        ArchiveSession s = open.get(settings);
        if (s == null) {
            s = settings.open();
            open.put(settings, s);
            s.localPort().ifPresent(p -> LOG.info("local ISO archive for the window at http://127.0.0.1:" + p + "/"));
        }
        return s;
    }

    /** Closes every session (stops the local archives); later calls to {@link #session} fail. */
    void close() {
        List<ArchiveSession> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(open.values());
            open.clear();
        }
        all.forEach(ArchiveSession::close);
    }
}
