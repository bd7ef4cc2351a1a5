package org.isosamp.products;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.isosamp.io.IfExists;
import org.isosamp.io.OutputTarget;
import org.isosamp.io.PartFile;

/**
 * Listing and safe extraction of tar files (OBSERVATION products), streamed with commons-compress.
 *
 * <p><b>Extraction safety</b>: the tar is read twice. The first pass checks every entry and throws an
 * {@link IOException} naming the first bad one before anything is written:
 * <ul>
 * <li>absolute names ({@code /etc/x}, {@code C:\x}, {@code \\host\x}) and names with NUL are rejected;</li>
 * <li>names are normalised: empty and {@code .} segments dropped, {@code ..} removes the segment before it
 * ({@code ././ISO1659972236/EXTRAKON//pich80000203.gif} becomes {@code ISO1659972236/EXTRAKON/pich80000203.gif});
 * a {@code ..} with nothing left to remove (escaping the destination) is rejected;</li>
 * <li>symbolic links and hard links are rejected (not skipped): the archive never needs them and a link is the
 * classic way out of the destination; so are devices, FIFOs and other special entries;</li>
 * <li>an entry that needs a folder the tar also holds as a file ({@code a} and {@code a/b}) is refused, naming
 * both.</li>
 * </ul>
 * <b>No doubled folder</b>: when every entry lies in one top folder named as the destination itself (after the
 * normalising above), that folder is taken off the names, as {@code tar xf} in the tar's own folder would leave
 * them: {@code ISO1602020052.tar} holding {@code ././ISO1602020052/LWS_AAR//x.fits}, extracted into
 * {@code ISO1602020052/} (see {@link #folderFor}), gives {@code ISO1602020052/LWS_AAR/x.fits}, not
 * {@code ISO1602020052/ISO1602020052/LWS_AAR/x.fits}. A tar with anything beside that folder, or whose top folder
 * has another name ({@code 80000203.tar} holding {@code ISO1659972236/...}), is extracted as stored. The checks
 * above judge every entry as stored; those below (links already in the destination, existing files) judge the
 * path a file is written to, stripped or not.
 *
 * <p>The second pass writes each file to a hidden part file in its directory and moves it into place
 * ({@link PartFile}), so no partial file is left at an entry's name, nor a part file after a failure or Ctrl-C; a
 * write through an existing symbolic link in the destination that leads outside it is refused. A file already in
 * the destination is refused ({@link IfExists#REFUSE}) or replaced if we may write it ({@link IfExists#REPLACE},
 * see {@link OutputTarget}); a device, FIFO or other special file at an entry's name is always refused. A failure
 * in the second pass (a truncated tar, a refused file) leaves the files completed so far. Nested tars are
 * extracted as files, not opened. Later duplicates replace earlier entries of the same tar.
 *
 * <p>Stateless, thread-safe (concurrent extractions into one directory are not coordinated).
 */
public final class TarFiles {

    private static final Logger LOG = Logger.getLogger(TarFiles.class.getName());

    private TarFiles() {
    }

    /**
     * Lists a tar's entries in order, without extracting anything.
     *
     * @param tar the tar file
     * @return every entry, as stored
     * @throws IOException when it cannot be read or is not a tar
     */
    public static List<TarEntryInfo> list(Path tar) throws IOException {
        List<TarEntryInfo> out = new ArrayList<>();
        try (TarArchiveInputStream in = open(tar)) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.add(info(e));
            }
        }
        return out;
    }

    /**
     * Extracts a tar safely (see the class comment), refusing to replace files already in the destination.
     *
     * @param tar     the tar file
     * @param destDir where to extract (created if missing)
     * @return the regular files written, in tar order
     * @throws IOException naming the entry when one is unsafe (then nothing was written), or on a read failure
     */
    public static List<Path> extract(Path tar, Path destDir) throws IOException {
        return extract(tar, destDir, IfExists.REFUSE);
    }

    /**
     * Extracts a tar safely (see the class comment).
     *
     * @param tar      the tar file
     * @param destDir  where to extract (created if missing)
     * @param ifExists what to do with a file already in {@code destDir} at an entry's name
     * @return the regular files written, in tar order
     * @throws IOException naming the entry when one is unsafe (then nothing was written), naming the file when
     *                     one exists ({@link org.isosamp.io.OutputExistsException}), or on a read failure
     */
    public static List<Path> extract(Path tar, Path destDir, IfExists ifExists) throws IOException {
        return extract(tar, destDir, ifExists, false);
    }

    /**
     * The folder a downloaded tar is unpacked into, beside it and named after it: {@code dir/80000203.tar} →
     * {@code dir/80000203} (what {@code download --extract} and the window do). A tar whose entries all lie in a top
     * folder of this same name ({@code ISO1602020052.tar}, the archive's own name) is not unpacked into a second
     * folder inside it (see the class comment).
     *
     * @param file a downloaded product
     * @return the folder, or null when {@code file} is not a {@code .tar} (a STANDALONE FITS is not unpacked)
     */
    public static Path folderFor(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".tar") || name.length() == 4) {
            return null;
        }
        return file.resolveSibling(name.substring(0, name.length() - 4));
    }

    /**
     * Extracts a tar safely (see the class comment), all or nothing when asked: for a face whose user may cancel.
     * The calling thread's interruption stops the extraction between entries (an {@link InterruptedIOException}),
     * or within one (its file channel closes).
     *
     * @param tar           the tar file
     * @param destDir       where to extract (created if missing)
     * @param ifExists      what to do with a file already in {@code destDir} at an entry's name
     * @param undoOnFailure when true, a failure or an interruption deletes the files this call created and then the
     *                      folders it created that are left empty; a file it replaced stays replaced (the old one
     *                      is gone once its replacement was moved in). When false, the files completed so far stay
     * @return the regular files written, in tar order
     * @throws IOException as {@link #extract(Path, Path, IfExists)}; an {@link InterruptedIOException} when
     *                     interrupted
     */
    public static List<Path> extract(Path tar, Path destDir, IfExists ifExists, boolean undoOnFailure)
            throws IOException {
        List<Path> created = new ArrayList<>();
        try {
            return extract(tar, destDir, ifExists, created);
        } catch (IOException | RuntimeException e) {
            if (undoOnFailure) {
                undo(created, e);
            }
            throw e;
        }
    }

    /** Deletes what an extraction created, newest first (files before the folders that held them). */
    private static void undo(List<Path> created, Exception failure) {
        for (int i = created.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(created.get(i));
            } catch (IOException e) {
                // a folder that is not empty (someone else's file) stays; the failure says what went wrong first
                failure.addSuppressed(e);
            }
        }
    }

    private static List<Path> extract(Path tar, Path destDir, IfExists ifExists, List<Path> created)
            throws IOException {
        Path base = destDir.toAbsolutePath().normalize();
        // pass 1: check everything before writing anything, and see whether the top folder repeats the destination
        List<Name> names = new ArrayList<>();
        try (TarArchiveInputStream in = open(tar)) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                check(e);
                names.add(new Name(e.getName(), safeRelativeName(e.getName()), e.isDirectory()));
            }
        }
        String top = doubledTop(base, names, tar);
        Set<String> files = new HashSet<>();
        for (Name n : names) {
            if (!n.directory()) {
                files.add(strip(n.rel(), top));
            }
        }
        for (Name n : names) {
            String rel = strip(n.rel(), top);
            if (!rel.isEmpty() && !base.resolve(rel).normalize().startsWith(base)) {
                throw new IOException("unsafe tar entry \"" + n.stored() + "\" in " + tar
                    + ": it would be written outside " + base);
            }
            // a file and a folder of one name cannot both be written: say so now, not with the bare path the file
            // system's refusal gives halfway through the second pass
            for (int i = n.directory() ? rel.length() : rel.lastIndexOf('/'); i > 0; i = rel.lastIndexOf('/', i - 1)) {
                if (files.contains(rel.substring(0, i))) {
                    throw new IOException("tar entry \"" + n.stored() + "\" in " + tar + " needs the folder \""
                        + rel.substring(0, i) + "\", which the tar also holds as a file");
                }
            }
        }
        createDirectories(base, created);
        Path realBase = base.toRealPath();
        List<Path> written = new ArrayList<>();
        try (TarArchiveInputStream in = open(tar)) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("extraction of " + tar + " interrupted");
                }
                String rel = strip(safeRelativeName(e.getName()), top);
                if (rel.isEmpty()) {
                    continue;
                }
                Path target = base.resolve(rel).normalize();
                if (e.isDirectory()) {
                    createDirectoriesInside(target, realBase, e, created);
                    requireInside(realBase, target.toRealPath(), e);
                    continue;
                }
                Path parent = target.getParent();
                createDirectoriesInside(parent, realBase, e, created);
                requireInside(realBase, parent.toRealPath(), e);
                if (Files.isSymbolicLink(target)) {
                    throw new IOException("tar entry \"" + e.getName() + "\" would overwrite the symbolic link "
                        + target);
                }
                // an earlier entry of this tar at the same name is replaced, whatever was asked for others
                OutputTarget file = OutputTarget.file(target, written.contains(target) ? IfExists.REPLACE : ifExists);
                if (file.straight()) {
                    throw new IOException("tar entry \"" + e.getName() + "\" would be written into " + target
                        + ", which is not a regular file (a device, FIFO or socket)");
                }
                boolean isNew = !Files.exists(target, LinkOption.NOFOLLOW_LINKS);
                try (OutputTarget.Writing part = file.open()) {
                    try (OutputStream out = part.newOutputStream()) {
                        in.transferTo(out);
                    }
                    Files.setLastModifiedTime(part.path(), FileTime.from(e.getModTime().toInstant()));
                    part.commit();
                }
                if (isNew && !created.contains(target)) {
                    created.add(target);
                }
                written.add(target);
            }
        }
        return written;
    }

    /**
     * The top folder to take off every name, or null to keep the names: the destination's own name when every
     * entry lies in that folder (its own folder entry and the root's aside) and at least one lies inside it.
     */
    private static String doubledTop(Path base, List<Name> names, Path tar) {
        if (base.getFileName() == null) {
            return null;
        }
        String top = base.getFileName().toString();
        boolean inside = false;
        for (Name n : names) {
            if (n.rel().startsWith(top + "/")) {
                inside = true;
            } else if (!n.rel().isEmpty() && !(n.rel().equals(top) && n.directory())) {
                return null; // beside the folder, or a file of its name: stripping would lose or move it
            }
        }
        if (!inside) {
            return null;
        }
        LOG.fine(() -> tar + ": every entry lies in " + top + "/, unpacked into " + base + " without it");
        return top;
    }

    /** A tar entry's name as stored and normalised ({@link #safeRelativeName}), read in the first pass. */
    private record Name(String stored, String rel, boolean directory) {
    }

    /** {@code rel} without its first segment {@code top} ("" for the folder itself); unchanged when top is null. */
    private static String strip(String rel, String top) {
        if (top == null) {
            return rel;
        }
        if (rel.equals(top)) {
            return "";
        }
        return rel.startsWith(top + "/") ? rel.substring(top.length() + 1) : rel;
    }

    /**
     * {@link #createDirectories} for an entry, once the nearest folder that exists on the way is known to lie inside
     * {@code realBase}: else a symbolic link already in the destination would have folders made outside it.
     */
    private static void createDirectoriesInside(Path dir, Path realBase, TarArchiveEntry e, List<Path> created)
            throws IOException {
        Path existing = dir;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing != null && !existing.equals(dir)) {
            requireInside(realBase, existing.toRealPath(), e);
        }
        createDirectories(dir, created);
    }

    /** {@link Files#createDirectories}, noting each folder it makes (outermost first) in {@code created}. */
    private static void createDirectories(Path dir, List<Path> created) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path d = dir; d != null && !Files.exists(d, LinkOption.NOFOLLOW_LINKS); d = d.getParent()) {
            missing.push(d);
        }
        Files.createDirectories(dir);
        created.addAll(missing);
    }

    /**
     * Normalises a tar entry name to a relative path with {@code /} separators ("" for the root itself).
     *
     * @throws IOException naming the entry when it is absolute, contains NUL or escapes with {@code ..}
     */
    static String safeRelativeName(String name) throws IOException {
        if (name.indexOf('\0') >= 0) {
            throw new IOException("unsafe tar entry \"" + name.replace('\0', '?') + "\": NUL in its name");
        }
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
            throw new IOException("unsafe tar entry \"" + name + "\": absolute name");
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String seg : n.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (parts.isEmpty()) {
                    throw new IOException("unsafe tar entry \"" + name + "\": \"..\" leads outside the destination");
                }
                parts.removeLast();
            } else {
                parts.addLast(seg);
            }
        }
        return String.join("/", parts);
    }

    private static void check(TarArchiveEntry e) throws IOException {
        if (e.isSymbolicLink() || e.isLink()) {
            throw new IOException("unsafe tar entry \"" + e.getName() + "\": " + (e.isSymbolicLink() ? "symbolic"
                : "hard") + " link to \"" + e.getLinkName() + "\" (links are not extracted)");
        }
        if (e.isFIFO() || e.isCharacterDevice() || e.isBlockDevice() || !(isRegular(e) || e.isDirectory())) {
            throw new IOException("unsafe tar entry \"" + e.getName() + "\": not a file or directory"
                + " (device, FIFO or other special entry)");
        }
    }

    /** Regular by its type flag ({@code isFile()} also says yes to unknown flags). */
    private static boolean isRegular(TarArchiveEntry e) {
        byte f = e.getLinkFlag();
        return (f == TarConstants.LF_NORMAL || f == TarConstants.LF_OLDNORM || f == TarConstants.LF_CONTIG)
            && !e.isDirectory();
    }

    private static void requireInside(Path realBase, Path real, TarArchiveEntry e) throws IOException {
        if (!real.startsWith(realBase)) {
            throw new IOException("unsafe tar entry \"" + e.getName() + "\": its directory " + real
                + " lies outside " + realBase + " (through a symbolic link)");
        }
    }

    private static TarEntryInfo info(TarArchiveEntry e) {
        TarEntryInfo.Kind kind = e.isSymbolicLink() ? TarEntryInfo.Kind.SYMLINK
            : e.isLink() ? TarEntryInfo.Kind.HARDLINK
            : e.isDirectory() ? TarEntryInfo.Kind.DIRECTORY
            : isRegular(e) ? TarEntryInfo.Kind.FILE : TarEntryInfo.Kind.OTHER;
        return new TarEntryInfo(e.getName(), e.getSize(), e.getMode(), e.getUserName(), e.getLongGroupId(),
            e.getModTime().toInstant(), kind, e.getLinkName() == null ? "" : e.getLinkName());
    }

    private static TarArchiveInputStream open(Path tar) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(tar), 64 * 1024);
        return new TarArchiveInputStream(raw);
    }
}
