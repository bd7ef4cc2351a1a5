package org.isosamp.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.isosamp.io.PartFile;

/**
 * Complete product downloads kept by URL, so a product is fetched once.
 *
 * <p>Layout: one file per URL, {@code <sha256 of the URL, 64 hex digits><extension>} in {@link #dir()}, the
 * extension ({@code .tar}, {@code .fits}, {@code .fits.gz}, {@code .png}) taken from the stored file's name. Only
 * what {@link #put} is given is stored, and callers give it only complete, verified downloads (the
 * {@code DataClient} never writes here): there are no failures, HTML pages or partial files in the cache.
 * {@link #put} copies into a hidden {@code .<hash><extension>.<random>.part} file and moves it atomically into
 * place ({@link PartFile}), so a reader sees the old file or the new one, never half of one. A part file is deleted
 * on failure and when the JVM exits (Ctrl-C); those left by a killed or crashed process are ignored by {@link #get}
 * and removed by {@link #clear}. There is no expiry: archive products do not change. The cache folder holds only the
 * cache's own files, so an entry is always replaced by rename ({@link PartFile}), never through
 * {@link org.isosamp.io.OutputTarget}'s rules for a user's files.
 *
 * <p>Thread-safe; within one process puts, gets and clears are coordinated, between processes the atomic moves
 * keep every visible file complete.
 */
public final class ProductCache {

    private static final Logger LOG = Logger.getLogger(ProductCache.class.getName());
    private static final Pattern HASHED = Pattern.compile("[0-9a-f]{64}(\\.[A-Za-z0-9.]{1,16})?");
    private static final Pattern SUFFIX = Pattern.compile("\\.[A-Za-z0-9]{1,5}");
    private static final Pattern COMPRESSION = Pattern.compile("\\.(gz|bz2|xz|z|zst)", Pattern.CASE_INSENSITIVE);

    private final Path dir;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /** @param dir the cache directory; created on the first {@link #put} */
    public ProductCache(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
    }

    /** @return the cache directory */
    public Path dir() {
        return dir;
    }

    /**
     * @param url a product URL, in canonical form (as the archive client builds it)
     * @return the cached file of that URL, if any
     */
    public Optional<Path> get(String url) {
        String key = key(url);
        lock.readLock().lock();
        try {
            return find(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the product cache " + dir, e);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Stores a complete product for a URL, replacing any earlier one. {@code completeFile} is copied, not moved.
     *
     * @param url          the product URL
     * @param completeFile the complete, verified product
     * @return the cached file
     * @throws IOException when it cannot be copied
     */
    public Path put(String url, Path completeFile) throws IOException {
        String key = key(url);
        if (!Files.isRegularFile(completeFile)) {
            throw new NoSuchFileException(completeFile.toString(), null, "not a regular file, not cached");
        }
        Path target = dir.resolve(key + extension(completeFile.getFileName().toString()));
        try (PartFile part = PartFile.beside(target)) {
            part.copyFrom(completeFile);
            lock.writeLock().lock();
            try {
                part.commit();
                // an earlier entry of the same URL under another extension
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, key + "*")) {
                    for (Path p : ds) {
                        if (!p.equals(target) && isEntry(p)) {
                            Files.deleteIfExists(p);
                        }
                    }
                }
            } finally {
                lock.writeLock().unlock();
            }
        }
        LOG.fine(() -> "cached " + url + " as " + target);
        return target;
    }

    /**
     * Deletes every cached product and every stale {@code .part} file; the directory stays.
     *
     * @return the number of products deleted (not counting {@code .part} files)
     * @throws IOException when a file cannot be deleted
     */
    public int clear() throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int n = 0;
        lock.writeLock().lock();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (isEntry(p)) {
                    if (Files.deleteIfExists(p)) {
                        n++;
                    }
                } else if (name.startsWith(".") && name.endsWith(".part") && Files.isRegularFile(p)) {
                    Files.deleteIfExists(p);
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
        LOG.fine("cleared " + n + " products from " + dir);
        return n;
    }

    private Optional<Path> find(String key) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, key + "*")) {
            for (Path p : ds) {
                if (isEntry(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isEntry(Path p) {
        return HASHED.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p);
    }

    /** @return the SHA-256 of the URL's canonical string, in lower-case hex */
    static String key(String url) {
        Objects.requireNonNull(url, "url");
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(url.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    /** The file's extension: last short suffix, with the one before a compression suffix; "" if none. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || !SUFFIX.matcher(name.substring(dot)).matches()) {
            return "";
        }
        if (COMPRESSION.matcher(name.substring(dot)).matches()) {
            int dot2 = name.lastIndexOf('.', dot - 1);
            if (dot2 > 0 && SUFFIX.matcher(name.substring(dot2, dot)).matches()) {
                return name.substring(dot2);
            }
        }
        return name.substring(dot);
    }
}
