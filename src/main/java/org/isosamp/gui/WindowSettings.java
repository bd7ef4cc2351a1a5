package org.isosamp.gui;

import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the window remembers between runs: the archive chosen (its words: {@code production}, {@code local} or a
 * URL), the download folder, MAXREC, and the window's bounds. Kept in a {@link Preferences} node, by default
 * {@code /org/isosamp/gui/window} under the user's root (on Linux {@code ~/.java/.userPrefs}, or
 * {@code -Djava.util.prefs.userRoot=DIR}); a test passes a node of its own ({@link #load(Preferences)}).
 *
 * <p>Reading and {@link #save() saving} touch the disk: call them off the event thread (the window loads its
 * settings before it is built and saves them on its worker). The getters and setters touch memory only.
 *
 * <p>Thread-safety: the values are read and written under this object's lock.
 */
public final class WindowSettings {

    private static final Logger LOG = Logger.getLogger(WindowSettings.class.getName());

    /** The node's path under the user's root. */
    public static final String NODE = "/org/isosamp/gui/window";

    private static final String ARCHIVE = "archive";
    private static final String FOLDER = "downloadFolder";
    private static final String MAXREC = "maxrec";
    private static final String BOUNDS = "bounds";

    private final Preferences node;
    private String archive;
    private Path folder;
    private long maxrec;
    private Rectangle bounds;

    private WindowSettings(Preferences node) {
        this.node = node;
    }

    /** @return the user's settings ({@value #NODE}), read now; off the event thread */
    public static WindowSettings user() {
        return load(Preferences.userRoot().node(NODE));
    }

    /**
     * @param node where the settings live (a test's own node)
     * @return the settings found there, defaults for the missing ones; off the event thread
     */
    public static WindowSettings load(Preferences node) {
        WindowSettings s = new WindowSettings(Objects.requireNonNull(node, "node"));
        s.archive = node.get(ARCHIVE, "production");
        String f = node.get(FOLDER, null);
        s.folder = f == null ? Path.of(System.getProperty("user.home")) : Path.of(f);
        s.maxrec = node.getLong(MAXREC, org.isosamp.archive.QueryRequest.DEFAULT_MAXREC);
        s.bounds = parseBounds(node.get(BOUNDS, null));
        return s;
    }

    /** @return the archive's words: production, local or a URL */
    public synchronized String archive() {
        return archive;
    }

    /** @param archive the archive's words, as the chooser shows them */
    public synchronized void setArchive(String archive) {
        this.archive = Objects.requireNonNull(archive, "archive");
    }

    /** @return the folder downloads go to (the user's home until one is chosen) */
    public synchronized Path folder() {
        return folder;
    }

    /** @param folder the folder downloads go to */
    public synchronized void setFolder(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    /** @return MAXREC of the last search */
    public synchronized long maxrec() {
        return maxrec;
    }

    /** @param maxrec MAXREC of the last search */
    public synchronized void setMaxrec(long maxrec) {
        this.maxrec = maxrec;
    }

    /** @return the window's last bounds, or null for the first run (the window picks a size) */
    public synchronized Rectangle bounds() {
        return bounds == null ? null : new Rectangle(bounds);
    }

    /** @param bounds the window's bounds now */
    public synchronized void setBounds(Rectangle bounds) {
        this.bounds = bounds == null ? null : new Rectangle(bounds);
    }

    /**
     * Writes the settings to their node and flushes it to disk; off the event thread. A failure is logged, not
     * thrown: a window that cannot remember its size still works.
     */
    public void save() {
        synchronized (this) {
            node.put(ARCHIVE, archive);
            node.put(FOLDER, folder.toString());
            node.putLong(MAXREC, maxrec);
            if (bounds != null) {
                node.put(BOUNDS, bounds.x + "," + bounds.y + "," + bounds.width + "," + bounds.height);
            }
        }
        try {
            node.flush();
        } catch (BackingStoreException | RuntimeException e) {
            LOG.log(Level.WARNING, "window settings not saved in " + node.absolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** @return x,y,width,height as saved, or null when absent or not four whole numbers with a sane size */
    static Rectangle parseBounds(String text) {
        if (text == null) {
            return null;
        }
        String[] p = text.split(",");
        if (p.length != 4) {
            return null;
        }
        try {
            Rectangle r = new Rectangle(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()),
                                        Integer.parseInt(p[2].trim()), Integer.parseInt(p[3].trim()));
            return r.width >= 200 && r.height >= 150 ? r : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
