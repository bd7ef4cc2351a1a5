package org.isosamp.topcat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import okhttp3.HttpUrl;
import org.isosamp.archive.ArchiveSession;
import org.isosamp.archive.ArchiveSettings;

/**
 * The archives one load dialog has opened, one session per archive, kept open until the JVM exits: a table loaded
 * from the embedded local archive names that archive's URLs ({@code access_url}, {@code reference}), which TOPCAT
 * may follow at any time while the table is shown, so the archive must outlive the load. Thread-safe.
 *
 * <p>Which archive a form offers first comes from the JVM's system properties, which {@code iso-samp topcat} sets:
 * {@value ArchiveSettings#PROPERTY} (the archive it was given, as a URL) and {@value ArchiveSettings#LOCAL_PROPERTY}
 * (the local archive it runs beside TOPCAT, which {@code local} then opens: see {@link ArchiveSettings#open()}).
 * {@link #choices()} turns them into the archive field's list.
 */
final class DialogArchives {

    private static final Logger LOG = Logger.getLogger(DialogArchives.class.getName());

    /** The archive field's word for the local archive. */
    static final String LOCAL = "local";

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

    /**
     * The archive field's choices, the one to show first (the default) first. A load dialog fills its field with
     * them: {@code new JComboBox<>(DialogArchives.choices())}.
     *
     * @return from this JVM's {@value ArchiveSettings#PROPERTY} and {@value ArchiveSettings#LOCAL_PROPERTY}
     *         ({@link #choices(String, String)})
     */
    static String[] choices() {
        return choices(System.getProperty(ArchiveSettings.PROPERTY), System.getProperty(ArchiveSettings.LOCAL_PROPERTY));
    }

    /** @return the field's first choice, {@code choices()[0]}: what the launcher chose, else production */
    static String defaultChoice() {
        return choices()[0];
    }

    /**
     * @param archive the archive TOPCAT was started with ({@value ArchiveSettings#PROPERTY}: a URL, {@code local} or
     *                {@code production}), or null
     * @param local   the URL of the local archive run beside TOPCAT ({@value ArchiveSettings#LOCAL_PROPERTY}), or null
     * @return the choices, the default first: {@code local} when the archive is the local one (it is shown by its
     *         word, not its passing port), else the archive as given, else {@code production}; then
     *         {@code production} and {@code local} (when a local archive runs) if not already there
     */
    static String[] choices(String archive, String local) {
        String a = archive == null || archive.isBlank() ? null : archive.trim();
        HttpUrl localUrl = local == null || local.isBlank() ? null : HttpUrl.parse(local.trim());
        String first;
        if (a == null || a.equalsIgnoreCase(ArchiveSettings.PRODUCTION)) {
            first = ArchiveSettings.PRODUCTION;
        } else if (a.equalsIgnoreCase(LOCAL) || localUrl != null && localUrl.equals(HttpUrl.parse(a))) {
            first = LOCAL;
        } else {
            first = a;
        }
        List<String> out = new ArrayList<>(List.of(first));
        if (!out.contains(ArchiveSettings.PRODUCTION)) {
            out.add(ArchiveSettings.PRODUCTION);
        }
        if (localUrl != null && !out.contains(LOCAL)) {
            out.add(LOCAL);
        }
        return out.toArray(new String[0]);
    }
}
