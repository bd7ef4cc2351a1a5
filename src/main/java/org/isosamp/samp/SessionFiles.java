package org.isosamp.samp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The files a sender serves in one session: a temporary folder with one sub-folder per send, each send's files
 * served by the {@link ProductServer} until it expires. At most {@code max} sends are kept; adding one more expires
 * the oldest (its URLs answer 410 Gone, its folder is deleted, its expiry actions run). {@link #close()} expires
 * everything and deletes the folder.
 *
 * <p>Thread-safe.
 */
final class SessionFiles implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SessionFiles.class.getName());

    private final ProductServer server;
    private final String prefix;
    private final int max;
    private final Deque<Send> sends = new ArrayDeque<>();
    private Path dir;
    private int counter;
    private boolean closed;

    /**
     * @param server where the files are served
     * @param prefix the temporary folder's name prefix, e.g. {@code iso-samp-tables-}
     * @param max how many sends to keep served, at least 1
     */
    SessionFiles(ProductServer server, String prefix, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("the number of sends kept (" + max + ") must be at least 1");
        }
        this.server = server;
        this.prefix = prefix;
        this.max = max;
    }

    /** One send's folder, URLs and expiry actions. */
    final class Send {
        private final Path folder;
        private final List<URL> urls = new ArrayList<>();
        private final List<Runnable> onExpire = new ArrayList<>();
        private boolean expired;

        private Send(Path folder) {
            this.folder = folder;
        }

        /** @return this send's folder, for its files */
        Path folder() {
            return folder;
        }

        /**
         * Serves one of this send's files.
         *
         * @return its URL on the loopback server
         */
        URL serve(Path file, String name, String contentType) {
            URL url = server.addFile(file, name, contentType);
            synchronized (SessionFiles.this) {
                urls.add(url);
            }
            return url;
        }

        /** @param action run when this send expires (e.g. forget its table-id) */
        void onExpire(Runnable action) {
            synchronized (SessionFiles.this) {
                onExpire.add(action);
            }
        }

        /** Expires this send now, e.g. when it failed before anything went out. */
        void discard() {
            synchronized (SessionFiles.this) {
                sends.remove(this);
                expire(this);
            }
        }
    }

    /**
     * Starts a send: a new folder, counted at once, so that the oldest sends beyond {@code max} expire.
     *
     * @throws IOException if the folder cannot be made
     * @throws IllegalStateException after {@link #close()}
     */
    synchronized Send begin() throws IOException {
        checkOpen();
        if (dir == null) {
            dir = Files.createTempDirectory(prefix);
        }
        Send s = new Send(Files.createDirectory(dir.resolve(Integer.toString(++counter))));
        sends.addLast(s);
        while (sends.size() > max) {
            Send old = sends.removeFirst();
            LOG.fine(() -> "expiring " + old.folder + " (more than " + max + " sends kept)");
            expire(old);
        }
        return s;
    }

    /** @throws IllegalStateException after {@link #close()} */
    synchronized void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the SAMP send session is closed");
        }
    }

    /** @return the session folder, or null before the first send */
    synchronized Path dir() {
        return dir;
    }

    /** @return how many sends are kept now */
    synchronized int size() {
        return sends.size();
    }

    private void expire(Send s) {
        if (s.expired) {
            return;
        }
        s.expired = true;
        for (URL u : s.urls) {
            server.remove(u);
        }
        for (Runnable r : s.onExpire) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "expiry action failed", e);
            }
        }
        deleteTree(s.folder);
    }

    /** Expires every send and deletes the session folder. Closing twice does nothing. */
    @Override
    public synchronized void close() {
        closed = true;
        while (!sends.isEmpty()) {
            expire(sends.removeFirst());
        }
        if (dir != null) {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warning("could not delete " + root + ": " + e.getMessage());
        }
    }
}
