package org.isosamp.io;

import org.isosamp.testing.FileNodes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link OutputTarget} resolves and checks a target, and writes it. */
class OutputTargetTest {

    @TempDir
    Path dir;

    private static void save(OutputTarget target, String text) throws IOException {
        try (OutputTarget.Writing w = target.open()) {
            try (OutputStream out = w.newOutputStream()) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            w.commit();
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }


    @Test
    void aNewFileAppearsOnlyAtCommitAndItsFoldersAreMade() throws IOException {
        Path f = dir.resolve("a/b/new.csv");
        OutputTarget t = OutputTarget.file(f, IfExists.REFUSE);
        assertFalse(t.straight());
        assertEquals(f.toAbsolutePath(), t.realPath());
        try (OutputTarget.Writing w = t.open()) {
            assertEquals(f.getParent(), w.path().getParent(), "the part file beside the target");
            assertFalse(Files.exists(f));
            Files.writeString(w.path(), "x");
            w.commit();
        }
        assertEquals("x", Files.readString(f));
        assertEquals(List.of("new.csv"), names(f.getParent()));
    }

    @Test
    void anExistingFileIsRefusedUnlessReplaceIsAsked() throws IOException {
        Path f = dir.resolve("old.csv");
        Files.writeString(f, "old");
        OutputExistsException e = assertThrows(OutputExistsException.class,
            () -> OutputTarget.file(f, IfExists.REFUSE));
        assertEquals(f + " exists (give --overwrite to replace it)", e.getMessage());
        assertEquals("old", Files.readString(f));
        save(OutputTarget.file(f, IfExists.REPLACE), "new");
        assertEquals("new", Files.readString(f));
        assertEquals(List.of("old.csv"), names(dir));
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        Path f = dir.resolve("private.csv");
        Files.writeString(f, "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        save(OutputTarget.file(f, IfExists.REPLACE), "new");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void aFileThatAppearsBeforeTheCommitIsLeftAloneWhenRefusing() throws IOException {
        Path f = dir.resolve("race.csv");
        OutputTarget t = OutputTarget.file(f, IfExists.REFUSE);
        try (OutputTarget.Writing w = t.open()) {
            Files.writeString(w.path(), "ours");
            Files.writeString(f, "theirs");
            OutputExistsException e = assertThrows(OutputExistsException.class, w::commit);
            assertEquals(f + " exists (give --overwrite to replace it)", e.getMessage());
        }
        assertEquals("theirs", Files.readString(f));
        assertEquals(List.of("race.csv"), names(dir), "no part file left");
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path real = elsewhere.resolve("real.csv");
        Files.writeString(real, "old");
        Path here = Files.createDirectories(dir.resolve("here"));
        Path link = Files.createSymbolicLink(here.resolve("link.csv"), Path.of("../elsewhere/real.csv"));
        assertThrows(OutputExistsException.class, () -> OutputTarget.file(link, IfExists.REFUSE),
            "the link's target exists");
        OutputTarget t = OutputTarget.file(link, IfExists.REPLACE);
        assertEquals(real.toRealPath(), t.realPath());
        assertEquals(link.toString(), t.name(), "messages name the user's path");
        try (OutputTarget.Writing w = t.open()) {
            assertEquals(real.toRealPath().getParent(), w.path().getParent(), "the part file beside the real target");
            Files.writeString(w.path(), "new");
            w.commit();
        }
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(Path.of("../elsewhere/real.csv"), Files.readSymbolicLink(link));
        assertEquals("new", Files.readString(real));
        assertEquals(List.of("real.csv"), names(elsewhere));
        assertEquals(List.of("link.csv"), names(here));
    }

    @Test
    void aDanglingLinkMakesItsTarget() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), dir.resolve("missing.csv"));
        save(OutputTarget.file(link, IfExists.REFUSE), "made");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("made", Files.readString(dir.resolve("missing.csv")));
    }

    @Test
    void aLinkLoopAndAFolderAreRefused() throws IOException {
        Path a = dir.resolve("a");
        Files.createSymbolicLink(a, dir.resolve("b"));
        Files.createSymbolicLink(dir.resolve("b"), a);
        FileSystemException e = assertThrows(FileSystemException.class, () -> OutputTarget.file(a, IfExists.REPLACE));
        assertEquals(a + ": Too many levels of symbolic links", e.getMessage());
        Path folder = Files.createDirectories(dir.resolve("folder"));
        e = assertThrows(FileSystemException.class, () -> OutputTarget.file(folder, IfExists.REPLACE));
        assertEquals(folder + ": Is a directory", e.getMessage());
    }


    @Test
    void devNullIsWrittenStraightAndStaysADevice() throws Exception {
        Path dev = FileNodes.device(dir, "null", 1, 3);
        OutputTarget t = OutputTarget.file(dev, IfExists.REFUSE);
        assertTrue(t.straight(), "no existence check and no part file for a device");
        save(t, "gone");
        assertEquals(FileNodes.CHAR_DEVICE, FileNodes.type(dev));
    }

    @Test
    void devFullNamesTheDeviceAndTheReason() throws Exception {
        Path dev = FileNodes.device(dir, "full", 1, 7);
        IOException e = assertThrows(IOException.class,
            () -> save(OutputTarget.file(dev, IfExists.REFUSE), "x".repeat(100)));
        assertEquals(dev + ": No space left on device", e.getMessage());
        assertEquals(List.of("full"), names(dir));
        assertEquals(FileNodes.CHAR_DEVICE, FileNodes.type(dev));
    }

    @Test
    void aFifoIsWrittenStraight() throws Exception {
        Path fifo = FileNodes.fifo(dir, "fifo");
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        OutputTarget t = OutputTarget.file(fifo, IfExists.REFUSE);
        assertTrue(t.straight());
        save(t, "through the pipe");
        assertEquals("through the pipe", new String(read.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8));
        assertEquals(FileNodes.FIFO, FileNodes.type(fifo), "still a FIFO");
        assertEquals(List.of("fifo"), names(dir));
    }

    @Test
    void aReadOnlyFileIsRefusedEvenForRoot() throws IOException {
        Path f = dir.resolve("ro.csv");
        Files.writeString(f, "keep");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
            () -> OutputTarget.file(f, IfExists.REPLACE));
        assertEquals(f + ": Permission denied: a read-only file (mode r--r--r--); make it writable to replace it",
            e.getMessage());
        assertEquals("keep", Files.readString(f));
    }

    @Test
    void aFileTheKernelWillNotLetUsWriteIsRefused() throws Exception {
        // an immutable file: access(W_OK) says no even to root, as it says to any user for another's file
        Path f = dir.resolve("immutable.csv");
        Files.writeString(f, "keep");
        assumeTrue(new ProcessBuilder("chattr", "+i", f.toString()).start().waitFor() == 0, "needs chattr +i");
        try {
            AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> OutputTarget.file(f, IfExists.REPLACE));
            assertEquals(f + ": Permission denied", e.getMessage());
        } finally {
            new ProcessBuilder("chattr", "-i", f.toString()).start().waitFor();
        }
        assertEquals("keep", Files.readString(f));
    }

    /**
     * As another user (uid 65534, by {@code setpriv}), a root-owned {@code rw-r--r--} file in a folder anyone may
     * write is refused: a rename would replace it, but its permissions say no. Needs root and setpriv.
     */
    @Test
    void anotherUsersFileIsRefusedForANonRootUser() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root, to become another user");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv");
        Path open = Files.createDirectories(dir.resolve("open"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path f = open.resolve("roots.csv");
        Files.writeString(f, "keep");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        String classes = Path.of(OutputTarget.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            + java.io.File.pathSeparator
            + Path.of(OutputTargetProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process p = new ProcessBuilder("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classes,
            OutputTargetProbe.class.getName(), f.toString()).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("refused: " + f + ": Permission denied\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("keep", Files.readString(f));
        assertEquals(List.of("roots.csv"), names(open));
    }

    @Test
    void aStreamIsWrittenAndFlushedButNotClosed() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        OutputTarget t = OutputTarget.stream(bytes, "standard output");
        assertTrue(t.straight());
        assertNull(t.path());
        save(t, "rows");
        assertEquals("rows", bytes.toString(StandardCharsets.UTF_8));
        assertFalse(closed[0]);
    }

    @Test
    void failuresNameTheUsersPathAndTheReason() {
        String user = "out/x.csv";
        assertEquals("out/x.csv: Permission denied",
            FileErrors.about(user, new AccessDeniedException("out/.x.csv.123.part")).getMessage());
        assertInstanceOf(AccessDeniedException.class,
            FileErrors.about(user, new AccessDeniedException("out/.x.csv.123.part")));
        assertEquals("out/x.csv: No such file or directory",
            FileErrors.about(user, new NoSuchFileException("/proc/.x.csv.1cs0nvudsjots.part")).getMessage());
        assertEquals("out/x.csv: Read-only file system",
            FileErrors.about(user, new FileSystemException("out/.x.part", null, "Read-only file system"))
                .getMessage());
        assertEquals("out/x.csv: No space left on device",
            FileErrors.about(user, new IOException("No space left on device")).getMessage());
        assertEquals("out/x.csv: /etc/passwd is not a folder",
            FileErrors.about(user, new java.nio.file.FileAlreadyExistsException("/etc/passwd")).getMessage());
        java.io.InterruptedIOException interrupted = new java.io.InterruptedIOException("interrupted");
        assertEquals(interrupted, FileErrors.about(user, interrupted), "an interruption stays one");
        assertTrue(FileErrors.isBrokenPipe(FileErrors.about("standard output", new IOException("Broken pipe"))));
        assertFalse(FileErrors.isBrokenPipe(new IOException("No space left on device")));
    }

    @Test
    void aFileWhereAFolderShouldBeIsNamed() throws IOException {
        Path file = dir.resolve("file");
        Files.writeString(file, "");
        FileSystemException e = assertThrows(FileSystemException.class,
            () -> OutputTarget.file(file.resolve("x.csv"), IfExists.REFUSE).open());
        assertEquals(file.resolve("x.csv") + ": " + file + " is not a folder", e.getMessage());
    }
}
