package org.isosamp.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file written under a hidden temporary name beside its target, then put in place in one step: a reader sees the
 * old target or the complete new one, never half of one, and a failure or an interruption leaves nothing behind.
 *
 * <pre>{@code
 * try (PartFile part = PartFile.beside(target)) {         // an empty target-folder/.<name>.<random>.part
 *     try (OutputStream out = new BufferedOutputStream(part.newOutputStream())) {
 *         ... write ...
 *     }
 *     part.commit();                                      // only now does target exist (or change)
 * }                                                       // not committed: the part file is deleted
 * }</pre>
 *
 * <p><b>Name and place</b>: {@code .<name>.<random>.part} in the target's own folder (created if missing), so that
 * {@link #commit} is a rename within one file system: atomic where the file system can do it (POSIX
 * {@code rename}), a plain replace where it cannot; {@link #commitNew} never replaces (a hard link, then the part
 * file's name removed). Which of the two, and whether a target may be written at all, is {@link OutputTarget}'s
 * decision: writers of a user's files go through it, and only a writer's own files (the product cache) use this
 * class alone. The part file is created new ({@code CREATE_NEW}), with the
 * permissions any new file gets in that folder (the process's umask), and the committed file keeps them. Two part
 * files for one target never share a name; the last to commit wins. Long target names are shortened in the part
 * file's name.
 *
 * <p><b>Interruption</b>: every part file neither committed nor closed is on a process-wide register, and one JVM
 * shutdown hook (thread {@code "iso-samp part-file cleanup"}, added on first use) deletes those still on it when the
 * JVM exits: {@code System.exit}, the end of {@code main}, SIGINT (Ctrl-C) or SIGTERM. {@link #commit} and
 * {@link #close} take a part file off the register, so a long-running process holds only the part files being
 * written. Once the JVM has begun to shut down, {@link #beside} creates no more. The writing thread may still run
 * while the hook does: its part file is deleted under it, writes go nowhere, and {@link #commit} then fails with a
 * {@link NoSuchFileException}, leaving the target as it was ({@link #newOutputStream} and {@link #copyFrom} never
 * create the file again).
 *
 * <p><b>Caveats</b>: nothing runs on SIGKILL ({@code kill -9}), a JVM crash or a power cut, and those leave the part
 * file behind: harmless (hidden, and never taken for the target), but it takes space until someone deletes it; the
 * product cache's {@code clear} removes those in the cache. A file system that cannot rename atomically (some
 * network and FUSE file systems) may briefly show no target, or a partial one, while it is replaced. On Windows a
 * file open for writing cannot be deleted, so the hook cannot remove a part file still being written.
 *
 * <p>Thread-safe: part files may be created, committed and closed from any threads at once; one part file is
 * written and committed by one thread at a time.
 */
public final class PartFile implements AutoCloseable {

    /** Characters of the target's name kept in the part file's name (a name is at most 255 bytes on most systems). */
    static final int NAME_KEPT = 120;

    private final Path target;
    private final Path path;
    private volatile boolean done;

    private PartFile(Path target, Path path) {
        this.target = target;
        this.path = path;
    }

    /**
     * Creates an empty part file for {@code target}, in {@code target}'s folder, creating the folder if missing.
     *
     * @param target the file to write; it is not touched until {@link #commit}
     * @return the new part file, registered for deletion at JVM exit
     * @throws IllegalArgumentException when {@code target} has no folder or no name (a root)
     * @throws IOException              when the folder or the part file cannot be created, or the JVM is shutting
     *                                  down
     */
    public static PartFile beside(Path target) throws IOException {
        Objects.requireNonNull(target, "target");
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || absolute.getFileName() == null) {
            throw new IllegalArgumentException("no part file for " + target + ": it has no parent folder");
        }
        Files.createDirectories(dir);
        String prefix = "." + shortened(absolute.getFileName().toString()) + ".";
        while (true) {
            Path part = dir.resolve(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                + ".part");
            try {
                Register.create(part);
                return new PartFile(target, part);
            } catch (FileAlreadyExistsException e) {
                // another name
            }
        }
    }

    private static String shortened(String name) {
        if (name.length() <= NAME_KEPT) {
            return name;
        }
        int end = Character.isHighSurrogate(name.charAt(NAME_KEPT - 1)) ? NAME_KEPT - 1 : NAME_KEPT;
        return name.substring(0, end);
    }

    /** @return the part file, to write into; it exists until {@link #commit} or {@link #close} */
    public Path path() {
        return path;
    }

    /** @return the target, as given to {@link #beside} */
    public Path target() {
        return target;
    }

    /**
     * Opens the part file for writing from its start. Unlike {@link Files#newOutputStream(Path,
     * java.nio.file.OpenOption...)}'s defaults, never creates it: once deleted (by the shutdown hook) it stays so.
     *
     * @return an unbuffered stream; the caller closes it before {@link #commit}
     * @throws IllegalStateException after {@link #commit} or {@link #close}
     * @throws IOException           when it cannot be opened
     */
    public OutputStream newOutputStream() throws IOException {
        return Channels.newOutputStream(newChannel());
    }

    /**
     * Opens the part file for writing from its start, emptying it first if an earlier writer left bytes in it.
     * Never creates it (see {@link #newOutputStream()}), and never opens it with {@code O_TRUNC}: on ext4 (its
     * default {@code auto_da_alloc}) truncating an existing file, even an empty one, makes the kernel start writing
     * the whole file back to disk when it is closed, which cost a 1 GiB download about a sixth of its speed.
     *
     * @return a channel positioned at 0 on an empty file; the caller closes it before {@link #commit}
     * @throws IllegalStateException after {@link #commit} or {@link #close}
     * @throws IOException           when it cannot be opened
     */
    public FileChannel newChannel() throws IOException {
        checkOpen();
        FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE);
        try {
            if (ch.size() > 0) {
                ch.truncate(0);
            }
            return ch;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /**
     * Makes the part file a copy of {@code source}'s bytes (not its permissions or times), through the kernel where
     * it can ({@link FileChannel#transferTo}).
     *
     * @param source the file to copy
     * @throws IllegalStateException after {@link #commit} or {@link #close}
     * @throws IOException           when {@code source} cannot be read or the part file written
     */
    public void copyFrom(Path source) throws IOException {
        checkOpen();
        try (FileChannel out = newChannel()) {
            transfer(source, out);
        }
    }

    /** Copies {@code source}'s bytes to {@code out}, through the kernel where it can ({@link FileChannel#transferTo}). */
    static void transfer(Path source, FileChannel out) throws IOException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
            long position = 0;
            long n;
            while ((n = in.transferTo(position, Long.MAX_VALUE - position, out)) > 0) {
                position += n;
            }
        }
    }

    /** A commit failed with {@code e}: the part file goes; a failure to delete it rides along on {@code e}. */
    private void deleteAfter(Exception e) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException | RuntimeException d) {
            e.addSuppressed(d);
        }
    }

    /**
     * Moves the part file over the target, replacing any file there: atomically where the file system can (see the
     * class comment). Either way the part file is gone afterwards, and off the register; on failure the target is
     * as it was.
     *
     * @throws IllegalStateException after {@link #commit} or {@link #close}
     * @throws IOException           when the move fails, e.g. the target is a non-empty folder
     *                               ({@link java.nio.file.FileSystemException}s name both files), or the part
     *                               file was deleted by the shutdown hook ({@link NoSuchFileException})
     */
    public void commit() throws IOException {
        checkOpen();
        done = true;
        try {
            try {
                Files.move(path, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(path, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            deleteAfter(e);
            throw e;
        } finally {
            Register.forget(path);
        }
    }

    /**
     * Puts the part file in place only if nothing is at the target yet, atomically where the file system has hard
     * links (a link to the target's name fails if the name is taken; then the part file's name is removed), by a
     * checked move elsewhere (a file appearing between the check and the move is replaced). Either way the part
     * file is gone afterwards, and off the register; on failure the target is as it was.
     *
     * @throws IllegalStateException      after {@link #commit} or {@link #close}
     * @throws FileAlreadyExistsException when something is at the target (the part file is then deleted)
     * @throws IOException                when the link or move fails otherwise, as {@link #commit}
     */
    public void commitNew() throws IOException {
        checkOpen();
        done = true;
        try {
            boolean linked;
            try {
                Files.createLink(target, path);
                linked = true;
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (UnsupportedOperationException | FileSystemException e) {
                linked = false; // no hard links here (EPERM on FAT, some FUSE and network file systems)
            }
            if (linked) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // the target is in place; a hidden second name of it is all that is left
                }
            } else {
                Files.move(path, target);
            }
        } catch (IOException | RuntimeException e) {
            deleteAfter(e);
            throw e;
        } finally {
            Register.forget(path);
        }
    }

    /**
     * Deletes the part file unless committed, and takes it off the register; does nothing after {@link #commit}
     * or a first close. In a try-with-resources statement, a failure here is added as suppressed to the body's
     * exception, never thrown over it.
     *
     * @throws IOException when the part file cannot be deleted
     */
    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        try {
            Files.deleteIfExists(path);
        } finally {
            Register.forget(path);
        }
    }

    private void checkOpen() {
        if (done) {
            throw new IllegalStateException("part file " + path + " for " + target + " already committed or closed");
        }
    }

    @Override
    public String toString() {
        return "PartFile[" + path + " -> " + target + (done ? ", done" : "") + "]";
    }

    /** @return how many part files are registered (tests) */
    static int registered() {
        return Register.size();
    }

    /**
     * The part files to delete at JVM exit. Creating a part file and the hook's deletions hold one lock, so a part
     * file is either created and registered before the hook deletes the registered ones, or not created at all.
     */
    private static final class Register {
        private static final Set<Path> PENDING = new HashSet<>();
        private static boolean hooked;
        private static boolean shuttingDown;

        static synchronized void create(Path part) throws IOException {
            if (!hooked && !shuttingDown) {
                try {
                    Runtime.getRuntime().addShutdownHook(new Thread(Register::deleteAll, "iso-samp part-file cleanup"));
                    hooked = true;
                } catch (IllegalStateException e) {
                    shuttingDown = true;
                }
            }
            if (shuttingDown) {
                throw new IOException("not creating " + part + ": the JVM is shutting down");
            }
            Files.newByteChannel(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
            PENDING.add(part);
        }

        static synchronized void forget(Path part) {
            PENDING.remove(part);
        }

        static synchronized int size() {
            return PENDING.size();
        }

        private static synchronized void deleteAll() {
            shuttingDown = true;
            for (Path p : PENDING) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException | RuntimeException e) {
                    // nothing to tell it to: the JVM is exiting and logging may be gone
                }
            }
            PENDING.clear();
        }
    }
}
