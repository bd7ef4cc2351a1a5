package org.isosamp.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.isosamp.io.IfExists;
import org.isosamp.io.OutputExistsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarFilesTest {

    @TempDir
    Path root;

    /** An entry: name, content (null for a directory), or a link / special entry via {@code link}. */
    record E(String name, String content, byte linkFlag, String link) {
        static E file(String name, String content) {
            return new E(name, content, TarConstants.LF_NORMAL, null);
        }
    }

    private Path tar(String fileName, E... entries) throws IOException {
        Path t = root.resolve(fileName);
        try (OutputStream os = Files.newOutputStream(t); TarArchiveOutputStream out = new TarArchiveOutputStream(os)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (E e : entries) {
                TarArchiveEntry te = e.link == null ? new TarArchiveEntry(e.name, true)
                    : new TarArchiveEntry(e.name, e.linkFlag, true);
                if (e.link != null) {
                    te.setLinkName(e.link);
                }
                byte[] b = e.content == null ? new byte[0] : e.content.getBytes(StandardCharsets.UTF_8);
                if (e.content != null) {
                    te.setSize(b.length);
                }
                te.setUserName("iso");
                te.setGroupId(42);
                out.putArchiveEntry(te);
                out.write(b);
                out.closeArchiveEntry();
            }
        }
        return t;
    }

    private Set<Path> snapshot() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.collect(Collectors.toSet());
        }
    }

    @Test
    void listAndExtractNormalisesNames() throws IOException {
        Path t = tar("ok.tar", E.file("././ISO1659972236/EXTRAKON//pich80000203.gif", "gif"),
            new E("ISO1659972236/", null, TarConstants.LF_DIR, null),
            E.file("ISO1659972236/a/../C10480000203.tar", "nested"));
        List<TarEntryInfo> list = TarFiles.list(t);
        assertEquals(3, list.size());
        assertEquals("././ISO1659972236/EXTRAKON//pich80000203.gif", list.get(0).name());
        assertEquals(3, list.get(0).size());
        assertEquals("iso", list.get(0).userName());
        assertEquals(42, list.get(0).groupId());
        assertTrue(list.get(1).isDirectory());
        Path dest = root.resolve("dest");
        List<Path> files = TarFiles.extract(t, dest);
        assertEquals(List.of(dest.resolve("ISO1659972236/EXTRAKON/pich80000203.gif"),
            dest.resolve("ISO1659972236/C10480000203.tar")), files);
        assertEquals("gif", Files.readString(files.get(0)));
        try (Stream<Path> s = Files.walk(dest)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".part")));
        }
    }

    @Test
    void anExistingFileIsRefusedUnlessReplacingButADuplicateEntryReplacesItsTwin() throws IOException {
        Path t = tar("dup.tar", E.file("a.txt", "first"), E.file("b.txt", "b"), E.file("a.txt", "second"));
        Path dest = Files.createDirectories(root.resolve("dest"));
        assertEquals(List.of(dest.resolve("a.txt"), dest.resolve("b.txt"), dest.resolve("a.txt")),
            TarFiles.extract(t, dest));
        assertEquals("second", Files.readString(dest.resolve("a.txt")), "later duplicates replace earlier entries");
        Files.writeString(dest.resolve("b.txt"), "mine");
        org.isosamp.io.OutputExistsException e = assertThrows(org.isosamp.io.OutputExistsException.class,
            () -> TarFiles.extract(t, dest));
        assertEquals(dest.resolve("a.txt") + " exists (give --overwrite to replace it)", e.getMessage());
        assertEquals("mine", Files.readString(dest.resolve("b.txt")));
        TarFiles.extract(t, dest, org.isosamp.io.IfExists.REPLACE);
        assertEquals("b", Files.readString(dest.resolve("b.txt")));
    }

    @Test
    void aFifoInTheDestinationIsNeverWrittenInto() throws Exception {
        Path dest = Files.createDirectories(root.resolve("dest"));
        Path fifo = org.isosamp.testing.FileNodes.fifo(dest, "pipe.txt");
        Path t = tar("p.tar", E.file("pipe.txt", "x"));
        IOException e = assertThrows(IOException.class,
            () -> TarFiles.extract(t, dest, org.isosamp.io.IfExists.REPLACE));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "still the FIFO");
    }

    private void assertRejected(Path t, String entryName) throws IOException {
        assertRejected(t, root.resolve("dest"), entryName);
    }

    private void assertRejected(Path t, Path dest, String entryName) throws IOException {
        Set<Path> before = snapshot();
        IOException e = assertThrows(IOException.class, () -> TarFiles.extract(t, dest));
        assertTrue(e.getMessage().contains(entryName), e.getMessage());
        assertEquals(before, snapshot(), "nothing may be created, inside or outside dest");
    }

    @Test
    void absoluteNameRejected() throws IOException {
        assertRejected(tar("abs.tar", E.file("good.txt", "g"), E.file("/tmp/abs-escape.txt", "x")),
            "/tmp/abs-escape.txt");
    }

    @Test
    void dotDotEscapeRejected() throws IOException {
        assertRejected(tar("dd.tar", E.file("good.txt", "g"), E.file("../escape.txt", "x")), "../escape.txt");
    }

    @Test
    void nestedDotDotEscapeRejected() throws IOException {
        assertRejected(tar("nested.tar", E.file("a/../../x", "x")), "a/../../x");
    }

    @Test
    void symlinkRejected() throws IOException {
        assertRejected(tar("sym.tar", new E("etc", null, TarConstants.LF_SYMLINK, "/etc"),
            E.file("etc/passwd-evil", "x")), "etc");
    }

    @Test
    void hardlinkRejected() throws IOException {
        assertRejected(tar("hard.tar", new E("h", null, TarConstants.LF_LINK, "/etc/passwd")), "\"h\"");
    }

    @Test
    void fifoRejected() throws IOException {
        assertRejected(tar("fifo.tar", new E("pipe", null, TarConstants.LF_FIFO, "")), "pipe");
    }

    @Test
    void existingSymlinkInDestIsNotFollowed() throws IOException {
        Path dest = root.resolve("dest");
        Path outside = root.resolve("outside");
        Files.createDirectories(dest);
        Files.createDirectories(outside);
        Files.createSymbolicLink(dest.resolve("link"), outside);
        Path t = tar("via.tar", E.file("link/x.txt", "x"));
        IOException e = assertThrows(IOException.class, () -> TarFiles.extract(t, dest));
        assertTrue(e.getMessage().contains("link/x.txt"), e.getMessage());
        try (Stream<Path> s = Files.list(outside)) {
            assertEquals(0, s.count());
        }
    }

    /** Nor is a folder made through it: a file deeper under the link (or a folder entry) creates nothing outside. */
    @Test
    void noFolderIsMadeThroughAnExistingSymlink() throws IOException {
        Path dest = root.resolve("dest");
        Path outside = root.resolve("outside");
        Files.createDirectories(dest);
        Files.createDirectories(outside);
        Files.createSymbolicLink(dest.resolve("link"), outside);
        for (Path t : List.of(tar("deep.tar", E.file("link/sub/x.txt", "x")),
                              tar("dir.tar", new E("link/made/", null, TarConstants.LF_DIR, null)))) {
            IOException e = assertThrows(IOException.class, () -> TarFiles.extract(t, dest));
            assertTrue(e.getMessage().contains("link/"), e.getMessage());
            try (Stream<Path> s = Files.list(outside)) {
                assertEquals(List.of(), s.toList(), t + ": nothing made outside the destination");
            }
        }
    }

    @Test
    void safeNames() throws IOException {
        assertEquals("a/b", TarFiles.safeRelativeName("./a//./b/"));
        assertEquals("", TarFiles.safeRelativeName("./"));
        assertEquals("b", TarFiles.safeRelativeName("a/../b"));
        assertThrows(IOException.class, () -> TarFiles.safeRelativeName("C:\\x"));
        assertThrows(IOException.class, () -> TarFiles.safeRelativeName("a\0b"));
        assertThrows(IOException.class, () -> TarFiles.safeRelativeName("..\\x"));
    }

    @Test
    void folderForIsBesideTheTarAndNamedAfterIt() {
        assertEquals(root.resolve("80000203"), TarFiles.folderFor(root.resolve("80000203.tar")));
        assertNull(TarFiles.folderFor(root.resolve("80001538.fits")), "a STANDALONE FITS is not unpacked");
        assertNull(TarFiles.folderFor(root.resolve(".tar")), "no name left for a folder");
    }

    /** Every regular file and folder under {@code dir}, relative, with {@code /} separators. */
    private static Set<String> tree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString().replace('\\', '/')
                + (Files.isDirectory(p) ? "/" : "")).collect(Collectors.toSet());
        }
    }

    @Test
    void aTopFolderNamedAsTheDestinationIsNotDoubled() throws IOException {
        // the archive's own layout: ISO1602020052.tar holds ././ISO1602020052/<collection>//<file>
        Path t = tar("ISO1602020052.tar", new E("././ISO1602020052/", null, TarConstants.LF_DIR, null),
            E.file("././ISO1602020052/LWS_AAR//laar60202005.fits", "fits"),
            E.file("././ISO1602020052/README_SYNTHETIC.txt", "readme"));
        Path dest = TarFiles.folderFor(t);
        List<Path> files = TarFiles.extract(t, dest);
        assertEquals(List.of(dest.resolve("LWS_AAR/laar60202005.fits"), dest.resolve("README_SYNTHETIC.txt")), files,
            "as tar xf in the tar's folder: ISO1602020052/LWS_AAR/..., not ISO1602020052/ISO1602020052/...");
        assertEquals(Set.of("LWS_AAR/", "LWS_AAR/laar60202005.fits", "README_SYNTHETIC.txt"), tree(dest));
        assertEquals("fits", Files.readString(files.get(0)));
        // the same again: the stripped names are the ones refused or replaced
        OutputExistsException e = assertThrows(OutputExistsException.class, () -> TarFiles.extract(t, dest));
        assertEquals(dest.resolve("LWS_AAR/laar60202005.fits") + " exists (give --overwrite to replace it)",
            e.getMessage());
        assertEquals(files, TarFiles.extract(t, dest, IfExists.REPLACE));
        assertEquals(Set.of("LWS_AAR/", "LWS_AAR/laar60202005.fits", "README_SYNTHETIC.txt"), tree(dest));
    }

    @Test
    void aTopFolderOfAnotherNameIsKept() throws IOException {
        // a tar saved under the TDT (the command line's and the window's name) keeps the archive's top folder
        Path t = tar("80000203.tar", E.file("././ISO1659972236/EXTRAKON//psph80000203.fits", "fits"));
        Path dest = TarFiles.folderFor(t);
        assertEquals(List.of(dest.resolve("ISO1659972236/EXTRAKON/psph80000203.fits")), TarFiles.extract(t, dest));
        // nor is a folder whose name only begins like the destination's
        Path u = tar("ISO1.tar", E.file("ISO12/a.fits", "a"));
        assertEquals(List.of(root.resolve("ISO1/ISO12/a.fits")), TarFiles.extract(u, TarFiles.folderFor(u)));
    }

    @Test
    void entriesBesideTheTopFolderKeepItInPlace() throws IOException {
        Path t = tar("ISO1.tar", E.file("././ISO1/LWS//a.fits", "a"), E.file("./notes.txt", "n"));
        Path dest = TarFiles.folderFor(t);
        assertEquals(List.of(dest.resolve("ISO1/LWS/a.fits"), dest.resolve("notes.txt")), TarFiles.extract(t, dest));
        // a file (not a folder) named as the destination is an entry beside, not a top folder: never dropped
        // silently (its name taken off would leave none); ISO2 and ISO2/b.fits cannot both be written
        Path u = tar("ISO2.tar", E.file("ISO2", "file"), E.file("ISO2/b.fits", "b"));
        Path into = TarFiles.folderFor(u);
        IOException e = assertThrows(IOException.class, () -> TarFiles.extract(u, into));
        assertEquals("tar entry \"ISO2/b.fits\" in " + u + " needs the folder \"ISO2\", which the tar also holds as a file",
            e.getMessage());
        assertFalse(Files.exists(into.resolve("ISO2")), "nothing written");
    }

    /** A file and a folder of one name in one tar: one line naming both, and nothing written (as for an unsafe entry). */
    @Test
    void aFileWhereTheTarNeedsAFolderIsNamedBeforeAnythingIsWritten() throws IOException {
        Path t = tar("obs.tar", E.file("obs/ISO2", "file"), E.file("obs/ISO2/b.fits", "b"));
        Path u = tar("dir.tar", E.file("a", "file"), new E("a/", null, TarConstants.LF_DIR, null));
        Path dest = root.resolve("dest");
        Set<Path> before = snapshot();
        IOException e = assertThrows(IOException.class, () -> TarFiles.extract(t, dest));
        assertEquals("tar entry \"obs/ISO2/b.fits\" in " + t + " needs the folder \"obs/ISO2\", which the tar also "
            + "holds as a file", e.getMessage());
        assertEquals(before, snapshot(), "nothing written");
        e = assertThrows(IOException.class, () -> TarFiles.extract(u, dest));
        assertEquals("tar entry \"a/\" in " + u + " needs the folder \"a\", which the tar also holds as a file",
            e.getMessage());
        assertEquals(before, snapshot(), "nothing written");
    }

    @Test
    void aHostileEntryUnderTheTopFolderIsStillRefused() throws IOException {
        Path dest = root.resolve("ISO1");
        // ISO1/../../x leaves the tar's folder even once ISO1/ is taken off
        assertRejected(tar("ISO1.tar", E.file("././ISO1/a.fits", "a"), E.file("././ISO1/../../escape.txt", "x")),
            dest, "././ISO1/../../escape.txt");
        assertRejected(tar("ISO1.tar", E.file("ISO1/a.fits", "a"), E.file("/ISO1/abs.txt", "x")), dest,
            "/ISO1/abs.txt");
        assertRejected(tar("ISO1.tar", E.file("ISO1/a.fits", "a"),
            new E("ISO1/etc", null, TarConstants.LF_SYMLINK, "/etc"), E.file("ISO1/etc/passwd-evil", "x")), dest,
            "ISO1/etc");
        assertRejected(tar("ISO1.tar", E.file("ISO1/a.fits", "a"),
            new E("ISO1/h", null, TarConstants.LF_LINK, "/etc/passwd")), dest, "ISO1/h");
        assertRejected(tar("ISO1.tar", E.file("ISO1/a.fits", "a"), new E("ISO1/pipe", null, TarConstants.LF_FIFO,
            "")), dest, "ISO1/pipe");
        // a symbolic link already in the destination still leads nowhere: the stripped name is checked
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.createDirectories(dest);
        Files.createSymbolicLink(dest.resolve("LWS"), outside);
        Path t = tar("ISO1.tar", E.file("ISO1/LWS/x.fits", "x"));
        IOException e = assertThrows(IOException.class, () -> TarFiles.extract(t, dest, IfExists.REPLACE, true));
        assertTrue(e.getMessage().contains("ISO1/LWS/x.fits"), e.getMessage());
        try (Stream<Path> s = Files.list(outside)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void allOrNothingUnderAStrippedTopFolderLeavesNothing() throws IOException {
        Path t = tar("ISO1.tar", E.file("ISO1/obs/a.fits", "a"), E.file("ISO1/obs/sub/b.fits", "b"),
            E.file("ISO1/obs/c.fits", "c"));
        Path dest = root.resolve("ISO1");
        Files.createDirectories(dest.resolve("obs"));
        Files.writeString(dest.resolve("obs/c.fits"), "old");
        Set<Path> before = snapshot();
        assertThrows(OutputExistsException.class, () -> TarFiles.extract(t, dest, IfExists.REFUSE, true));
        assertEquals(before, snapshot(), "a.fits, sub/ and b.fits gone; no part file; c.fits untouched");
        assertEquals("old", Files.readString(dest.resolve("obs/c.fits")));
    }

    /** Three files: obs/a.fits, then obs/sub/b.fits, then obs/c.fits (what a test makes the second pass fail on). */
    private Path threeFiles() throws IOException {
        return tar("three.tar", E.file("obs/a.fits", "a"), E.file("obs/sub/b.fits", "b"), E.file("obs/c.fits", "c"));
    }

    @Test
    void allOrNothingDeletesWhatItCreatedOnFailure() throws IOException {
        Path t = threeFiles();
        Path dest = root.resolve("out");
        Files.createDirectories(dest.resolve("obs"));
        Files.writeString(dest.resolve("obs/c.fits"), "old"); // refused after a.fits and sub/b.fits are written
        Set<Path> before = snapshot();
        assertThrows(OutputExistsException.class, () -> TarFiles.extract(t, dest, IfExists.REFUSE, true));
        assertEquals(before, snapshot(), "a.fits, sub/ and b.fits gone; no part file; c.fits untouched");
        assertEquals("old", Files.readString(dest.resolve("obs/c.fits")));
        // without undo the files completed so far stay, as the command line has always done
        assertThrows(OutputExistsException.class, () -> TarFiles.extract(t, dest, IfExists.REFUSE, false));
        assertTrue(Files.isRegularFile(dest.resolve("obs/sub/b.fits")));
    }

    @Test
    void allOrNothingKeepsWhatWasThereBefore() throws IOException {
        Path t = threeFiles();
        Path dest = root.resolve("out");
        Files.createDirectories(dest.resolve("obs/c.fits")); // a folder at a file's name: refused even with REPLACE
        Files.writeString(dest.resolve("obs/mine.txt"), "mine");
        Files.writeString(dest.resolve("obs/a.fits"), "old");
        assertThrows(IOException.class, () -> TarFiles.extract(t, dest, IfExists.REPLACE, true));
        try (Stream<Path> s = Files.walk(dest)) {
            assertEquals(Set.of(dest, dest.resolve("obs"), dest.resolve("obs/mine.txt"), dest.resolve("obs/a.fits"),
                    dest.resolve("obs/c.fits")), s.collect(Collectors.toSet()),
                "sub/ and b.fits, which it created, are gone; the rest stays");
        }
        assertEquals("a", Files.readString(dest.resolve("obs/a.fits")), "a replaced file stays replaced");
        assertEquals("mine", Files.readString(dest.resolve("obs/mine.txt")));
    }

    @Test
    void anInterruptedExtractionStopsAndLeavesNothing() throws IOException {
        Path t = tar("ok.tar", E.file("obs/a.fits", "a"), E.file("obs/b.fits", "b"));
        Set<Path> before = snapshot();
        Thread.currentThread().interrupt();
        try {
            IOException e = assertThrows(IOException.class,
                () -> TarFiles.extract(t, root.resolve("out"), IfExists.REFUSE, true));
            assertTrue(e instanceof java.io.InterruptedIOException
                       || e instanceof java.nio.channels.ClosedByInterruptException, e.toString());
        } finally {
            Thread.interrupted();
        }
        assertEquals(before, snapshot());
    }
}
