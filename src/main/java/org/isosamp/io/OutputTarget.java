package org.isosamp.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Where something is saved, decided once before anything is written, as shell redirection and astropy's
 * {@code overwrite=} would. Every writer of a user's file goes through here (tables, TAP answers, products,
 * postcards, tar members):
 *
 * <pre>{@code
 * OutputTarget target = OutputTarget.file(Path.of("obs.csv"), IfExists.REFUSE);  // refused here if it exists
 * try (OutputTarget.Writing w = target.open()) {
 *     try (OutputStream out = new BufferedOutputStream(w.newOutputStream())) {
 *         ... write ...
 *     }
 *     w.commit();                                  // obs.csv appears (or changes) only now
 * }                                                // not committed: nothing left behind
 * }</pre>
 *
 * <table>
 * <caption>What is at the path, and what saving does</caption>
 * <tr><td>nothing</td><td>a new file, written through a hidden part file beside it ({@link PartFile}) and moved
 * into place atomically; missing folders are created</td></tr>
 * <tr><td>a regular file</td><td>{@link IfExists#REFUSE}: refused, unchanged ({@link OutputExistsException},
 * {@code "FILE exists (give --overwrite to replace it)"}); {@link IfExists#REPLACE}: replaced atomically, keeping its
 * permissions, if we may write it (see below)</td></tr>
 * <tr><td>a symbolic link</td><td>followed: what is said here holds for its final target, which is written
 * (its part file beside it, in the target's folder); the link stays a link</td></tr>
 * <tr><td>a device, FIFO or socket</td><td>written straight, in place: no part file, no atomic replacement, no
 * existence check ({@code /dev/null}, a named pipe); a write error such as {@code ENOSPC} on {@code /dev/full}
 * is reported</td></tr>
 * <tr><td>an open descriptor ({@code /dev/stdout}, {@code /dev/fd/N}, {@code /proc/self/fd/N})</td><td>written
 * straight, after what it holds (whatever the shell connected it to: a terminal, a pipe, a file)</td></tr>
 * <tr><td>a folder</td><td>refused</td></tr>
 * <tr><td>a stream ({@link #stream}, e.g. standard output for {@code --output-file -})</td><td>written straight,
 * never closed</td></tr>
 * </table>
 *
 * <p><b>May we write it?</b> A regular file is replaced only when the kernel says we may write it
 * ({@code access(W_OK)}: {@link Files#isWritable}; false for another user's file without write permission for
 * us, a read-only file system, an immutable file) <em>and</em> its permissions give someone write access: a file
 * whose mode has no {@code w} at all ({@code r--r--r--}) is read-only for everyone, root included, as
 * {@code rm} and editors treat it, although root's {@code access} says yes. Replacing by rename would otherwise
 * need only the folder's permission and silently bypass the file's.
 *
 * <p><b>Errors</b> name the user's path (not a part file, not a symlink's target) and the reason
 * ({@link FileErrors}): {@code "/dev/full: No space left on device"}, {@code "ro/x.csv: Permission denied"}.
 * The checks are made when the target is made, so a refusal comes before a query or download starts; between the
 * check and the commit a file may appear, and {@link IfExists#REFUSE} then still leaves it alone
 * ({@link PartFile#commitNew}).
 *
 * <p>Immutable and thread-safe; one {@link Writing} is used by one thread at a time.
 */
public final class OutputTarget {

    private static final int MAX_LINKS = 40;
    private static final Set<PosixFilePermission> WRITE_BITS = EnumSet.of(PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private enum Kind { FILE, STRAIGHT, DESCRIPTOR, STREAM }

    /** An open file descriptor's magic link: {@code /proc/self/fd/1} (where {@code /dev/stdout} leads), {@code /dev/fd/3}. */
    private static final java.util.regex.Pattern DESCRIPTOR =
        java.util.regex.Pattern.compile("/proc/(self|thread-self|[0-9]+)/fd/[0-9]+|/dev/fd/[0-9]+");

    private final String name;
    private final Path path;
    private final Path real;
    private final Kind kind;
    private final IfExists ifExists;
    private final boolean exists;
    private final OutputStream stream;

    private OutputTarget(String name, Path path, Path real, Kind kind, IfExists ifExists, boolean exists,
                         OutputStream stream) {
        this.name = name;
        this.path = path;
        this.real = real;
        this.kind = kind;
        this.ifExists = ifExists;
        this.exists = exists;
        this.stream = stream;
    }

    /**
     * Decides how {@code path} is to be written (see the class comment).
     *
     * @param path     the file the user named
     * @param ifExists what to do with a regular file already there
     * @return the target, checked
     * @throws OutputExistsException when a regular file is there and {@code ifExists} is {@link IfExists#REFUSE}
     * @throws AccessDeniedException when a file is there that we may not write
     * @throws IOException           naming {@code path} and the reason, when it is a folder or cannot be looked at
     */
    public static OutputTarget file(Path path, IfExists ifExists) throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(ifExists, "ifExists");
        String name = path.toString();
        Path real;
        BasicFileAttributes a;
        try {
            Path fd = descriptor(path);
            if (fd != null) {
                if (!Files.isWritable(fd)) {
                    throw new AccessDeniedException(name, null, "Permission denied");
                }
                return new OutputTarget(name, path, fd, Kind.DESCRIPTOR, ifExists, true, null);
            }
            real = followLinks(path);
            a = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return new OutputTarget(name, path, followLinksOrSelf(path), Kind.FILE, ifExists, false, null);
        } catch (IOException e) {
            throw FileErrors.about(name, e);
        }
        if (a.isDirectory()) {
            throw new FileSystemException(name, null, "Is a directory");
        }
        if (a.isRegularFile()) {
            if (ifExists == IfExists.REFUSE) {
                throw new OutputExistsException(name);
            }
            requireWritable(name, real);
            return new OutputTarget(name, path, real, Kind.FILE, ifExists, true, null);
        }
        if (!Files.isWritable(real)) {
            throw new AccessDeniedException(name, null, "Permission denied");
        }
        return new OutputTarget(name, path, real, Kind.STRAIGHT, ifExists, true, null);
    }

    /**
     * A stream to write straight into, e.g. standard output for {@code --output-file -}. It is flushed at
     * {@link Writing#commit}, never closed (its owner closes it, if ever).
     *
     * @param out  the stream
     * @param name what to call it in messages, e.g. "standard output"
     * @return the target
     */
    public static OutputTarget stream(OutputStream out, String name) {
        return new OutputTarget(Objects.requireNonNull(name, "name"), null, null, Kind.STREAM, IfExists.REPLACE,
                                true, Objects.requireNonNull(out, "out"));
    }

    /**
     * @return the open descriptor a chain of links leads to ({@code /dev/stdout} → {@code /proc/self/fd/1}), not
     *         followed further: its link names a pipe ({@code pipe:[123]}), a socket or a file the shell opened, and
     *         opening the descriptor's own link reaches it; null when the chain leads elsewhere
     */
    private static Path descriptor(Path path) throws IOException {
        Path p = path.toAbsolutePath();
        for (int i = 0; i < MAX_LINKS; i++) {
            if (DESCRIPTOR.matcher(p.normalize().toString()).matches()) {
                return p.normalize();
            }
            if (!Files.isSymbolicLink(p)) {
                return null;
            }
            p = p.resolveSibling(Files.readSymbolicLink(p));
        }
        return null;
    }

    /** The final target of a chain of symbolic links (or the path itself), absolute. */
    private static Path followLinks(Path path) throws IOException {
        Path p = path.toAbsolutePath();
        for (int i = 0; Files.isSymbolicLink(p); i++) {
            if (i == MAX_LINKS) {
                throw new FileSystemException(path.toString(), null, "Too many levels of symbolic links");
            }
            p = p.resolveSibling(Files.readSymbolicLink(p));
        }
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(p.toString());
        }
        return p.toRealPath();
    }

    /** For a path with nothing at its end: the dangling link's target, or the path itself. */
    private static Path followLinksOrSelf(Path path) throws IOException {
        Path p = path.toAbsolutePath();
        for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(p); i++) {
            p = p.resolveSibling(Files.readSymbolicLink(p));
        }
        return p.normalize();
    }

    private static void requireWritable(String name, Path real) throws AccessDeniedException {
        if (!Files.isWritable(real)) {
            throw new AccessDeniedException(name, null, "Permission denied");
        }
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(real);
        } catch (UnsupportedOperationException | IOException e) {
            return; // not POSIX: access() has said yes
        }
        if (perms.stream().noneMatch(WRITE_BITS::contains)) {
            throw new AccessDeniedException(name, null, "Permission denied: a read-only file (mode "
                + PosixFilePermissions.toString(perms) + "); make it writable to replace it");
        }
    }

    /** @return the target as the user named it: the path, or the stream's name */
    public String name() {
        return name;
    }

    /** @return the path as the user named it; null for a stream */
    public Path path() {
        return path;
    }

    /** @return what is written: the path with symbolic links followed, absolute; null for a stream */
    public Path realPath() {
        return real;
    }

    /** @return true when written in place (a device, FIFO, socket or stream): no part file, no atomic commit */
    public boolean straight() {
        return kind != Kind.FILE;
    }

    /** @return what is done with a regular file already there */
    public IfExists ifExists() {
        return ifExists;
    }

    /**
     * @param e a failure while writing this target
     * @return the failure naming this target and the reason ({@link FileErrors#about})
     */
    public IOException failure(IOException e) {
        return FileErrors.about(name, e);
    }

    /**
     * Starts writing: a part file beside the (real) target, or the device, FIFO or stream itself.
     *
     * @return the writing, to commit or close
     * @throws IOException naming the target, when the part file (or its folder) cannot be created
     */
    public Writing open() throws IOException {
        switch (kind) {
            case STREAM:
                return new StreamWriting();
            case STRAIGHT:
            case DESCRIPTOR:
                return new StraightWriting();
            default:
                PartFile part;
                try {
                    part = PartFile.beside(real);
                } catch (IOException e) {
                    throw failure(e);
                }
                if (exists) {
                    keepPermissions(part);
                }
                return new PartWriting(part);
        }
    }

    /** As shell redirection keeps a replaced file's mode: a private file stays private. */
    private void keepPermissions(PartFile part) {
        try {
            Files.setPosixFilePermissions(part.path(), Files.getPosixFilePermissions(real));
        } catch (UnsupportedOperationException | IOException e) {
            // not POSIX, or the file has gone meanwhile: the new file keeps the umask's permissions
        }
    }

    @Override
    public String toString() {
        return "OutputTarget[" + name + (real != null && !real.equals(path) ? " -> " + real : "") + ", "
            + kind.name().toLowerCase(java.util.Locale.ROOT) + ", " + ifExists + "]";
    }

    /**
     * One write of a target: bytes go to {@link #newOutputStream} or {@link #newChannel}, then {@link #commit}
     * puts them in place (a part file is moved over the target; in place, the stream is flushed). {@link #close}
     * without commit drops a part file; what went straight into a device or stream stays written. Every failure
     * names the target ({@link OutputTarget#failure}).
     */
    public abstract class Writing implements AutoCloseable {

        private Writing() {
        }

        /** @return the target being written */
        public OutputTarget target() {
            return OutputTarget.this;
        }

        /** @return true when bytes go straight to the target: they cannot be taken back */
        public boolean straight() {
            return OutputTarget.this.straight();
        }

        /** @return where the bytes go now: the part file, or the device; null for a stream */
        public abstract Path path();

        /**
         * @return a channel from the start, on an empty part file (never truncated with {@code O_TRUNC}: see
         *         {@link PartFile#newChannel}); the caller closes it before {@link #commit}
         * @throws UnsupportedOperationException for a stream
         */
        public abstract FileChannel newChannel() throws IOException;

        /**
         * @return a channel that goes on after the bytes already written (a resumed download)
         * @throws UnsupportedOperationException for a stream
         */
        public abstract FileChannel appendChannel() throws IOException;

        /** @return an unbuffered stream whose failures name the target; closing it does not close a stream target */
        public OutputStream newOutputStream() throws IOException {
            return new Named(Channels.newOutputStream(newChannel()), true);
        }

        /** Writes a copy of {@code source}'s bytes (not its permissions or times). */
        public void copyFrom(Path source) throws IOException {
            try (FileChannel out = newChannel()) {
                PartFile.transfer(source, out);
            } catch (IOException e) {
                throw failure(e);
            }
        }

        /**
         * Puts what was written in place.
         *
         * @throws OutputExistsException when {@link IfExists#REFUSE} and a file appeared at the target meanwhile
         * @throws IOException           naming the target, when it cannot be put in place
         */
        public abstract void commit() throws IOException;

        /** Drops a part file unless committed; a stream or device is left as it is. */
        @Override
        public abstract void close() throws IOException;

        /** Maps every failure to one naming the target; optionally keeps the stream open on close. */
        final class Named extends FilterOutputStream {
            private final boolean closes;

            Named(OutputStream out, boolean closes) {
                super(out);
                this.closes = closes;
            }

            @Override
            public void write(int b) throws IOException {
                try {
                    out.write(b);
                } catch (IOException e) {
                    throw failure(e);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    throw failure(e);
                }
            }

            @Override
            public void flush() throws IOException {
                try {
                    out.flush();
                } catch (IOException e) {
                    throw failure(e);
                }
            }

            @Override
            public void close() throws IOException {
                try {
                    if (closes) {
                        out.close();
                    } else {
                        out.flush();
                    }
                } catch (IOException e) {
                    throw failure(e);
                }
            }
        }
    }

    private final class PartWriting extends Writing {
        private final PartFile part;

        PartWriting(PartFile part) {
            this.part = part;
        }

        @Override
        public Path path() {
            return part.path();
        }

        @Override
        public FileChannel newChannel() throws IOException {
            try {
                return part.newChannel();
            } catch (IOException e) {
                throw failure(e);
            }
        }

        @Override
        public FileChannel appendChannel() throws IOException {
            try {
                // never CREATE: a part file deleted at JVM exit stays deleted
                return FileChannel.open(part.path(), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw failure(e);
            }
        }

        @Override
        public void commit() throws IOException {
            try {
                if (ifExists == IfExists.REFUSE) {
                    part.commitNew();
                } else {
                    part.commit();
                }
            } catch (FileAlreadyExistsException e) {
                OutputExistsException x = new OutputExistsException(name);
                x.initCause(e);
                throw x;
            } catch (IOException e) {
                throw failure(e);
            }
        }

        @Override
        public void close() throws IOException {
            part.close();
        }
    }

    private final class StraightWriting extends Writing {
        @Override
        public Path path() {
            return real;
        }

        @Override
        public FileChannel newChannel() throws IOException {
            try {
                // never CREATE or TRUNCATE a device; after what a shell's redirection already holds, as >> would
                return kind == Kind.DESCRIPTOR
                    ? FileChannel.open(real, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                    : FileChannel.open(real, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw failure(e);
            }
        }

        @Override
        public FileChannel appendChannel() throws IOException {
            return newChannel();
        }

        @Override
        public void commit() {
            // the bytes are where they belong
        }

        @Override
        public void close() {
            // nothing to drop: what was written is written
        }
    }

    private final class StreamWriting extends Writing {
        @Override
        public Path path() {
            return null;
        }

        @Override
        public FileChannel newChannel() {
            throw new UnsupportedOperationException(name + " is a stream, not a file");
        }

        @Override
        public FileChannel appendChannel() {
            throw new UnsupportedOperationException(name + " is a stream, not a file");
        }

        @Override
        public OutputStream newOutputStream() {
            return new Named(stream, false);
        }

        @Override
        public void copyFrom(Path source) throws IOException {
            try (OutputStream out = newOutputStream()) {
                Files.copy(source, out);
            }
        }

        @Override
        public void commit() throws IOException {
            try {
                stream.flush();
            } catch (IOException e) {
                throw failure(e);
            }
        }

        @Override
        public void close() {
            // the stream's owner closes it
        }
    }
}
