package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code download}, {@code postcard} and {@code query} say about the files they write: each TDT's outcome of
 * a bulk download, a {@code --filename} with a folder refused (never silently renamed), "wrote 1 row".
 */
class CliDownloadOutcomesTest {

    @TempDir
    Path dir;

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void eachTdtsOutcomeIsReportedWithASummary() throws Exception {
        Path multi = dir.resolve("multi");
        CliRun r = CliRun.run("download", "80000203", "99999999", "80001538", "--dir", multi.toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals(List.of(multi.resolve("80000203.tar").toString(), multi.resolve("80001538.tar").toString()),
            r.lines(), "the files written, in the order asked");
        List<String> err = r.err().lines().toList();
        assertEquals(2, err.size(), r.err());
        assertTrue(err.get(0).startsWith("iso-samp download: 99999999: IDA product download failed: HTTP 404 from "),
            err.get(0));
        assertTrue(err.get(0).endsWith("No observation with tdt 99999999"), err.get(0));
        assertEquals("iso-samp download: 2 of 3 downloaded, 1 failed", err.get(1));
        assertEquals(List.of("80000203.tar", "80001538.tar"), names(multi));
    }

    @Test
    void eachExistingFileIsRefusedOnItsOwn() throws Exception {
        Path old = dir.resolve("80000203.tar");
        Files.writeString(old, "mine");
        CliRun r = CliRun.run("download", "80000203", "80001538", "--dir", dir.toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals(List.of(dir.resolve("80001538.tar").toString()), r.lines());
        assertEquals(List.of("iso-samp download: 80000203: " + old + " exists (give --overwrite to replace it)",
            "iso-samp download: 1 of 2 downloaded, 1 failed"), r.err().lines().toList());
        assertEquals("mine", Files.readString(old));
        r = CliRun.run("download", "80000203", "80001538", "--dir", dir.toString(), "--overwrite");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err(), "--quiet and nothing failed: no summary");
        assertTrue(Files.size(old) > 4, "replaced by the tar");
    }

    @Test
    void aFilenameWithAFolderIsAUsageErrorAndWritesNothing() throws Exception {
        for (String name : List.of("nodir2/x", "../escape")) {
            // usage errors: the error and a hint, exit 2
            UsageErrorsTest.usage(CliRun.run("download", "80000203", "--filename", name, "--dir", dir.toString()),
                "iso-samp download", "--filename: file name \"" + name + "\" is not a plain file name: it has a"
                + " folder in it");
            UsageErrorsTest.usage(CliRun.run("postcard", "80001538", "--filename", name, "--dir",
                dir.resolve("sub").toString()), "iso-samp postcard", "--filename: file name \"" + name + "\"");
        }
        assertEquals(List.of(), names(dir), "neither x.tar nor escape.png, nor a folder");
        assertFalse(Files.exists(Path.of("x.tar")) || Files.exists(Path.of("escape.tar")));
    }

    @Test
    void oneRowIsOneRow() throws Exception {
        Path f = dir.resolve("one.csv");
        CliRun r = CliRun.run("query", "--archive", SharedArchive.get().baseUrl().toString(),
            "SELECT TOP 1 tdt FROM ida.observations", "--output-file", f.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("wrote 1 row to " + f + "\n", r.err());
    }
}
