package org.isosamp.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.isosamp.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartFileTest {

    @TempDir
    Path dir;

    private static void write(PartFile part, String text) throws IOException {
        try (OutputStream out = part.newOutputStream()) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** @return the names in {@code folder}, sorted */
    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void commitNewPutsANewFileInPlaceButNeverReplaces() throws IOException {
        Path target = dir.resolve("new.csv");
        try (PartFile part = PartFile.beside(target)) {
            write(part, "first");
            part.commitNew();
        }
        assertEquals("first", Files.readString(target));
        assertEquals(List.of("new.csv"), names(dir), "the part file's name is gone");
        int before = PartFile.registered();
        try (PartFile part = PartFile.beside(target)) {
            write(part, "second");
            assertThrows(java.nio.file.FileAlreadyExistsException.class, part::commitNew);
            assertEquals(before, PartFile.registered());
        }
        assertEquals("first", Files.readString(target));
        assertEquals(List.of("new.csv"), names(dir), "no part file left");
    }

    @Test
    void commitPutsTheFileInPlaceReplacingTheOldOne() throws IOException {
        Path target = dir.resolve("obs.csv");
        Files.writeString(target, "old");
        int before = PartFile.registered();
        try (PartFile part = PartFile.beside(target)) {
            assertEquals(before + 1, PartFile.registered());
            write(part, "new");
            assertEquals("old", Files.readString(target), "the target is untouched until commit");
            part.commit();
            assertEquals("new", Files.readString(target));
            assertFalse(Files.exists(part.path()));
            assertEquals(before, PartFile.registered(), "commit takes it off the register");
        }
        assertEquals(List.of("obs.csv"), names(dir));
    }

    @Test
    void closeWithoutCommitDeletesThePartAndLeavesTheTarget() throws IOException {
        Path target = dir.resolve("obs.csv");
        Files.writeString(target, "old");
        int before = PartFile.registered();
        Path path;
        try (PartFile part = PartFile.beside(target)) {
            write(part, "half");
            path = part.path();
        }
        assertFalse(Files.exists(path));
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("obs.csv"), names(dir));
        assertEquals(before, PartFile.registered(), "close takes it off the register");
    }

    @Test
    void thePartIsHiddenBesideTheTargetInAFolderMadeForIt() throws IOException {
        Path target = dir.resolve("a").resolve("b").resolve("80000203.tar");
        try (PartFile part = PartFile.beside(target)) {
            assertEquals(target.getParent(), part.path().getParent());
            String name = part.path().getFileName().toString();
            assertTrue(name.matches("\\.80000203\\.tar\\.[0-9a-z]+\\.part"), name);
            assertTrue(Files.isRegularFile(part.path()));
            assertEquals(0, Files.size(part.path()));
            assertEquals(target, part.target());
        }
        assertEquals(List.of(), names(target.getParent()));
    }

    @Test
    void aLongNameIsShortenedInThePartName() throws IOException {
        Path target = dir.resolve("x".repeat(250));
        try (PartFile part = PartFile.beside(target)) {
            write(part, "long");
            assertTrue(part.path().getFileName().toString().startsWith("." + "x".repeat(PartFile.NAME_KEPT) + "."));
            part.commit();
        }
        assertEquals("long", Files.readString(target));
    }

    @Test
    void concurrentPartsForOneTargetDoNotCollide() throws Exception {
        Path target = dir.resolve("t.fits");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    Path last = null;
                    for (int k = 0; k < 50; k++) {
                        try (PartFile part = PartFile.beside(target)) {
                            write(part, n + ":" + k);
                            last = part.path();
                            if (k % 2 == 0) {
                                part.commit();
                            }
                        }
                    }
                    return last;
                }));
            }
            Set<Path> lasts = new HashSet<>();
            for (Future<Path> f : futures) {
                lasts.add(f.get());
            }
            assertEquals(4, lasts.size());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("t.fits"), names(dir));
        assertTrue(Files.readString(target).matches("[0-3]:48"), Files.readString(target));
    }

    @Test
    void twoPartsOpenAtOnceForOneTargetAreTwoFiles() throws IOException {
        Path target = dir.resolve("t.fits");
        try (PartFile a = PartFile.beside(target); PartFile b = PartFile.beside(target)) {
            assertNotEquals(a.path(), b.path());
            write(a, "a");
            write(b, "b");
            b.commit();
            assertEquals("b", Files.readString(target));
            a.commit();
            assertEquals("a", Files.readString(target), "the last commit wins");
        }
        assertEquals(List.of("t.fits"), names(dir));
    }

    @Test
    void theCommittedFileHasThePermissionsOfANewFile() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Set<PosixFilePermission> plain = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        Path target = dir.resolve("made");
        try (PartFile part = PartFile.beside(target)) {
            assertEquals(plain, Files.getPosixFilePermissions(part.path()));
            write(part, "x");
            part.commit();
        }
        assertEquals(plain, Files.getPosixFilePermissions(target));
        Path copied = dir.resolve("copied");
        try (PartFile part = PartFile.beside(copied)) {
            part.copyFrom(target);
            part.commit();
        }
        assertEquals(plain, Files.getPosixFilePermissions(copied));
    }

    @Test
    void copyFromCopiesTheBytes() throws IOException {
        byte[] bytes = new byte[3 * (1 << 20) + 17];
        new Random(5).nextBytes(bytes);
        Path source = Files.write(dir.resolve("source.tar"), bytes);
        Path target = dir.resolve("copy.tar");
        Files.writeString(target, "a longer old content than nothing");
        try (PartFile part = PartFile.beside(target)) {
            Files.writeString(part.path(), "stale bytes that the copy must not keep after its end ".repeat(100));
            part.copyFrom(source);
            part.commit();
        }
        assertArrayEquals(bytes, Files.readAllBytes(target));
    }

    @Test
    void eachWriterStartsFromAnEmptyFile() throws IOException {
        Path target = dir.resolve("table.csv");
        try (PartFile part = PartFile.beside(target)) {
            try (java.io.OutputStream out = part.newOutputStream()) {
                out.write("a first, longer attempt that failed half-way".getBytes(StandardCharsets.US_ASCII));
            }
            try (java.nio.channels.FileChannel ch = part.newChannel()) {
                assertEquals(0, ch.size());
                assertEquals(0, ch.position());
                ch.write(java.nio.ByteBuffer.wrap("retry".getBytes(StandardCharsets.US_ASCII)));
            }
            part.commit();
        }
        assertEquals("retry", Files.readString(target));
    }

    @Test
    void aFailingCommitLeavesNoPartAndNamesTheTarget() throws IOException {
        Path target = dir.resolve("taken");
        Files.createDirectories(target);
        Files.writeString(target.resolve("inside"), "keep");
        int before = PartFile.registered();
        PartFile part = PartFile.beside(target);
        write(part, "x");
        IOException e = assertThrows(IOException.class, part::commit);
        assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
        assertEquals(List.of("taken"), names(dir));
        assertEquals("keep", Files.readString(target.resolve("inside")));
        assertEquals(before, PartFile.registered());
        part.close(); // nothing left to do
        assertThrows(IllegalStateException.class, part::commit);
    }

    @Test
    void aPartDeletedUnderTheWriterIsNotCreatedAgainAndItsCommitFails() throws IOException {
        Path target = dir.resolve("t.vot");
        Files.writeString(target, "old");
        try (PartFile part = PartFile.beside(target)) {
            Files.delete(part.path()); // as the shutdown hook does
            assertThrows(NoSuchFileException.class, part::newOutputStream);
            assertThrows(NoSuchFileException.class, () -> part.copyFrom(target));
            assertThrows(NoSuchFileException.class, part::commit);
        }
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("t.vot"), names(dir));
    }

    @Test
    void aCloseFailureIsSuppressedUnderTheBodysException() throws IOException {
        Path target = dir.resolve("t");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            try (PartFile part = PartFile.beside(target)) {
                // something the close cannot delete: a non-empty folder where the part file was
                Files.delete(part.path());
                Files.createDirectories(part.path());
                Files.writeString(part.path().resolve("x"), "x");
                throw new IllegalStateException("the body failed");
            }
        });
        assertEquals("the body failed", e.getMessage());
        assertEquals(1, e.getSuppressed().length);
        assertInstanceOf(DirectoryNotEmptyException.class, e.getSuppressed()[0]);
    }

    @Test
    void usedUpPartsRefuseMoreWork() throws IOException {
        PartFile part = PartFile.beside(dir.resolve("t"));
        part.commit();
        IllegalStateException e = assertThrows(IllegalStateException.class, part::newOutputStream);
        assertTrue(e.getMessage().contains("already committed or closed"), e.getMessage());
        assertThrows(IllegalStateException.class, part::commit);
        part.close();
        assertEquals(List.of("t"), names(dir));
    }

    @Test
    void aRootHasNoPartFile() {
        Path root = dir.getRoot();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PartFile.beside(root));
        assertTrue(e.getMessage().contains("no parent folder"), e.getMessage());
    }

    @Test
    void sigtermDeletesTheUncommittedPartAndKeepsTheCommittedFile() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        try (ChildJvm child = ChildJvm.start(dir, HoldPartFile.class.getName(),
                out.resolve("done.txt").toString(), out.resolve("pending.fits").toString(), "block")) {
            child.awaitOutput("ready", Duration.ofSeconds(60));
            assertEquals(List.of(".pending.fits."), names(out).stream().filter(n -> n.endsWith(".part"))
                .map(n -> n.substring(0, ".pending.fits.".length())).collect(Collectors.toList()),
                "the part file exists while the child blocks: " + names(out));
            assertEquals(143, child.terminate(Duration.ofSeconds(30)), child.output());
        }
        assertEquals(List.of("done.txt"), names(out));
        assertEquals("committed", Files.readString(out.resolve("done.txt")));
    }

    @Test
    void aMainThatEndsWithoutCommitLeavesNoPart() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        try (ChildJvm child = ChildJvm.start(dir, HoldPartFile.class.getName(),
                out.resolve("done.txt").toString(), out.resolve("pending.fits").toString(), "exit")) {
            assertEquals(0, child.waitFor(Duration.ofSeconds(60)), child.output());
            assertTrue(child.output().contains("ready"), child.output());
        }
        assertEquals(List.of("done.txt"), names(out));
    }
}
