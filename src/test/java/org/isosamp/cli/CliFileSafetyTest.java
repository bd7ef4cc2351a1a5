package org.isosamp.cli;

import org.isosamp.testing.FileNodes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.isosamp.IsoSamp;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saving never replaces what is not ours: the real command line in a child JVM (its own stdout and stderr, as a
 * shell gives them), against the shared local archive, writing to a device, a symbolic link, a read-only file,
 * {@code -}, a FIFO and an existing file.
 *
 * <p>The devices are private nodes of the same kind ({@code mknod c 1 7} is {@code /dev/full}, {@code c 1 3}
 * {@code /dev/null}) and {@code /dev/stdout} a private link to {@code /proc/self/fd/1}: a regression here must not
 * turn the machine's {@code /dev/null} into a regular file, as the code before these tests did when run on it.
 */
class CliFileSafetyTest {

    static final String QUERY = "SELECT TOP 3 tdt FROM ida.observations ORDER BY tdt";
    static final String CSV = "tdt\n";

    @TempDir
    Path dir;

    /** A finished child: exit code, stdout's bytes, stderr's text. */
    record Run(int exit, byte[] out, String err) {
        String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    private ProcessBuilder iso(String... args) {
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), IsoSamp.class.getName(), args[0],
            "--archive", SharedArchive.get().baseUrl().toString()));
        command.addAll(List.of(args).subList(1, args.length));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("XDG_CONFIG_HOME", dir.toString());
        pb.environment().put("XDG_CACHE_HOME", dir.toString());
        pb.environment().remove("ISO_SAMP_ARCHIVE");
        return pb;
    }

    /** Runs iso-samp with {@code --archive <shared archive>} after the command name. */
    private Run run(String... args) throws Exception {
        Path out = Files.createTempFile("iso-samp-stdout", ".bin");
        Path err = Files.createTempFile("iso-samp-stderr", ".txt");
        try {
            Process p = iso(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "iso-samp did not end: " + Files.readString(err));
            return new Run(p.exitValue(), Files.readAllBytes(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** @return the CSV the query gives, as saved to a new file */
    private String expectedCsv() throws Exception {
        Path f = dir.resolve("expected.csv");
        Run r = run("query", QUERY, "--quiet", "--output-file", f.toString());
        assertEquals(0, r.exit(), r.err());
        String csv = Files.readString(f);
        Files.delete(f);
        assertTrue(csv.startsWith(CSV) && csv.lines().count() == 4, csv);
        return csv;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }



    @Test
    void devFullIsAWriteErrorAndStaysADevice() throws Exception {
        Path full = FileNodes.device(dir, "full", 1, 7);
        Run r = run("query", QUERY, "--output-format", "csv", "--output-file", full.toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals("iso-samp query: " + full + ": No space left on device\n", r.err());
        assertEquals(FileNodes.CHAR_DEVICE, FileNodes.type(full), "still a character device");
        assertEquals(List.of("full"), names(dir), "no part file left");
    }

    @Test
    void devNullIsWrittenStraight() throws Exception {
        Path nul = FileNodes.device(dir, "null", 1, 3);
        Run r = run("query", QUERY, "--quiet", "--output-format", "votable", "--output-file", nul.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertEquals(FileNodes.CHAR_DEVICE, FileNodes.type(nul), "still a character device");
        assertEquals(List.of("null"), names(dir));
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndKept() throws Exception {
        String csv = expectedCsv();
        Path targets = Files.createDirectories(dir.resolve("targets"));
        Path real = targets.resolve("real.csv");
        Files.writeString(real, "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("targets/real.csv"));
        Run refused = run("query", QUERY, "--output-file", "link.csv");
        assertEquals(1, refused.exit());
        assertEquals("iso-samp query: link.csv exists (give --overwrite to replace it)\n", refused.err());
        assertEquals("old\n", Files.readString(real));

        Run r = run("query", QUERY, "--output-file", "link.csv", "--overwrite");
        assertEquals(0, r.exit(), r.err());
        assertEquals("wrote 3 rows to link.csv\n", r.err());
        assertTrue(Files.isSymbolicLink(link), "the link is kept");
        assertEquals(Path.of("targets/real.csv"), Files.readSymbolicLink(link));
        assertEquals(csv, Files.readString(real), "its target changed");
        assertEquals(List.of("real.csv"), names(targets), "no part file left beside the target");
        assertEquals(List.of("link.csv", "targets"), names(dir));
    }

    @Test
    void devStdoutIsWrittenThroughItsLink() throws Exception {
        String csv = expectedCsv();
        Path stdout = Files.createSymbolicLink(dir.resolve("stdout"), Path.of("/proc/self/fd/1")); // as /dev/stdout
        Run r = run("query", QUERY, "--quiet", "--output-format", "csv", "--output-file", stdout.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(csv, r.outText());
        assertTrue(Files.isSymbolicLink(stdout));
        assertEquals(List.of("stdout"), names(dir));
    }

    @Test
    void aReadOnlyFileIsRefusedEvenWithOverwrite() throws Exception {
        Path ro = dir.resolve("ro.csv");
        Files.writeString(ro, "keep\n");
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r--r--r--"));
        Run r = run("query", QUERY, "--output-file", "ro.csv", "--overwrite");
        assertEquals(1, r.exit());
        assertEquals("iso-samp query: ro.csv: Permission denied: a read-only file (mode r--r--r--); make it"
            + " writable to replace it\n", r.err());
        assertEquals("keep\n", Files.readString(ro));
        assertEquals(List.of("ro.csv"), names(dir));
    }

    @Test
    void aFileTheKernelRefusesUsIsRefusedWithTheReason() throws Exception {
        // immutable: access(W_OK) is false even for root, as for another user's file to a non-root user
        Path f = dir.resolve("immutable.csv");
        Files.writeString(f, "keep\n");
        assumeTrue(new ProcessBuilder("chattr", "+i", f.toString()).start().waitFor() == 0, "needs chattr +i");
        try {
            Run r = run("query", QUERY, "--output-file", "immutable.csv", "--overwrite");
            assertEquals(1, r.exit());
            assertEquals("iso-samp query: immutable.csv: Permission denied\n", r.err());
        } finally {
            new ProcessBuilder("chattr", "-i", f.toString()).start().waitFor();
        }
        assertEquals("keep\n", Files.readString(f));
    }

    @Test
    void aFolderThatCannotHoldFilesNamesTheUsersPath() throws Exception {
        Run r = run("query", QUERY, "--output-format", "csv", "--output-file", "/proc/x.csv");
        assertEquals(1, r.exit());
        assertEquals("iso-samp query: /proc/x.csv: No such file or directory\n", r.err(), "not the part file");
    }

    @Test
    void aReadOnlyFileSystemIsNamed() throws Exception {
        // the child runs in a mount namespace of its own where dir/ro is a read-only bind of itself
        Path ro = Files.createDirectories(dir.resolve("ro"));
        assumeTrue(new ProcessBuilder("unshare", "-m", "true").start().waitFor() == 0, "needs unshare -m (root)");
        List<String> command = new ArrayList<>(List.of("unshare", "-m", "sh", "-c",
            "mount --bind -o ro \"$0\" \"$0\" && exec \"$@\"", ro.toString()));
        command.addAll(iso("query", QUERY, "--output-file", "ro/x.csv").command());
        Path err = Files.createTempFile("iso-samp-stderr", ".txt");
        try {
            Process p = iso("query").command(command).redirectErrorStream(true).redirectOutput(err.toFile()).start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals("iso-samp query: ro/x.csv: Read-only file system\n", Files.readString(err));
            assertEquals(1, p.exitValue());
        } finally {
            Files.deleteIfExists(err);
        }
        assertEquals(List.of(), names(ro));
    }

    @Test
    void dashIsStandardOutput() throws Exception {
        String csv = expectedCsv();
        Run r = run("query", QUERY, "--output-format", "csv", "--output-file", "-");
        assertEquals(0, r.exit(), r.err());
        assertEquals(csv, r.outText());
        assertEquals("", r.err());
        assertEquals(List.of(), names(dir), "no file named -");
    }

    @Test
    void aFormatWithoutAFileGoesToStandardOutputNotThePrintedTable() throws Exception {
        String csv = expectedCsv();
        Run r = run("query", QUERY, "--output-format", "csv");
        assertEquals(0, r.exit(), r.err());
        assertEquals(csv, r.outText());
        Run fits = run("query", QUERY, "--output-format", "fits");
        assertEquals(0, fits.exit(), fits.err());
        assertEquals("SIMPLE  =                    T", new String(fits.out(), 0, 30, StandardCharsets.US_ASCII));
        assertEquals(0, fits.out().length % 2880, "whole FITS blocks");
    }

    @Test
    void anUnknownFormatIsAnErrorBeforeAnyOutput() throws Exception {
        Run r = run("query", QUERY, "--output-format", "nosuch");
        assertFalse(r.exit() == 0);
        assertTrue(r.err().contains("unknown output format \"nosuch\" (known: "), r.err());
        assertArrayEquals(new byte[0], r.out());
    }

    @Test
    void aReaderThatStopsEarlyEndsTheCommandQuietly() throws Exception {
        // more than a pipe buffer (64 KiB) of CSV, of which the reader takes 100 bytes, as | head does
        Process p = iso("query", "SELECT * FROM ida.observations", "--output-format", "csv", "--output-file", "-")
            .redirectError(ProcessBuilder.Redirect.PIPE).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        try (InputStream out = p.getInputStream()) {
            assertEquals(100, out.readNBytes(100).length);
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "iso-samp went on after its reader stopped");
        assertEquals(141, p.exitValue(), "128 + SIGPIPE, as a shell tool whose reader has gone");
        assertEquals("", err.get(30, TimeUnit.SECONDS), "no message, no stack trace");
    }

    @Test
    void aFifoIsWrittenStraight() throws Exception {
        String csv = expectedCsv();
        Path fifo = FileNodes.fifo(dir, "fifo");
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                return e.toString();
            }
        });
        Run r = run("query", QUERY, "--quiet", "--output-format", "csv", "--output-file", "fifo");
        assertEquals(0, r.exit(), r.err());
        assertEquals(csv, read.get(60, TimeUnit.SECONDS));
        assertEquals(FileNodes.FIFO, FileNodes.type(fifo), "still a FIFO");
        assertEquals(List.of("fifo"), names(dir));
    }

    @Test
    void anExistingFileIsReplacedOnlyWithOverwrite() throws Exception {
        String csv = expectedCsv();
        Path f = dir.resolve("x.csv");
        Files.writeString(f, "mine\n");
        Run r = run("query", QUERY, "--output-file", "x.csv");
        assertEquals(1, r.exit());
        assertEquals("iso-samp query: x.csv exists (give --overwrite to replace it)\n", r.err());
        assertEquals("mine\n", Files.readString(f));
        r = run("query", QUERY, "--output-file", "x.csv", "--overwrite");
        assertEquals(0, r.exit(), r.err());
        assertEquals(csv, Files.readString(f));
        assertEquals(List.of("x.csv"), names(dir));
    }

    @Test
    void downloadAndPostcardRefuseAnExistingFileToo() throws Exception {
        Path tar = dir.resolve("80000203.tar");
        Files.writeString(tar, "mine");
        Run r = run("download", "80000203", "--no-cache", "--dir", dir.toString());
        assertEquals(1, r.exit());
        assertEquals("iso-samp download: " + tar + " exists (give --overwrite to replace it)\n", r.err());
        assertEquals("mine", Files.readString(tar));
        Path png = dir.resolve("80001538.png");
        Files.writeString(png, "mine");
        r = run("postcard", "80001538", "--no-cache", "--dir", dir.toString());
        assertEquals(1, r.exit());
        assertEquals("iso-samp postcard: " + png + " exists (give --overwrite to replace it)\n", r.err());
        assertEquals("mine", Files.readString(png));
        r = run("postcard", "80001538", "--quiet", "--no-cache", "--dir", dir.toString(), "--overwrite");
        assertEquals(0, r.exit(), r.err());
        byte[] head = Files.readAllBytes(png);
        assertEquals("PNG", new String(head, 1, 3, StandardCharsets.US_ASCII));
        assertEquals(List.of("80000203.tar", "80001538.png"), names(dir));
    }
}
