package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.isosamp.IsoSamp;
import org.isosamp.archive.ProductCache;
import org.isosamp.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real process prints on stderr (JUL's console handler writes to the process's own stderr, which an
 * in-process run cannot capture): one line for a failure, with or without --quiet; the log only with -v. Also the
 * environment-bound parts: the config file and the caches under $XDG_CONFIG_HOME and $XDG_CACHE_HOME.
 */
class QuietStderrTest {

    /** @return the exit code, then everything the child printed (stdout and stderr) */
    static List<String> run(Path dir, String... args) throws Exception {
        try (ChildJvm iso = ChildJvm.start(dir, Map.of("XDG_CONFIG_HOME", dir.toString(),
                                                       "XDG_CACHE_HOME", dir.toString()),
                                           IsoSamp.class.getName(), args)) {
            int exit = iso.waitFor(Duration.ofSeconds(90));
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(Integer.toString(exit)),
                                                  iso.output().lines()).toList();
        }
    }

    /** @return an archive URL on loopback where nothing listens: every connection is refused */
    static String deadArchive() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort() + "/";
        }
    }

    @Test
    void retriesAgainstAnUnreachableArchivePrintNothingButTheFailure(@TempDir Path dir) throws Exception {
        String archive = deadArchive();
        for (List<String> args : List.of(List.of("-q"), List.<String>of())) {
            List<String> all = new java.util.ArrayList<>(List.of("download", "--archive", archive, "80000203"));
            all.addAll(args);
            List<String> out = run(dir, all.toArray(String[]::new));
            assertEquals(2, out.size(), "exit code and one line, " + args + ": " + out);
            assertEquals("1", out.get(0));
            assertTrue(out.get(1).startsWith("iso-samp download: cannot connect"), out.get(1));
        }
    }

    @Test
    void verboseShowsTheRetriesInTheLog(@TempDir Path dir) throws Exception {
        List<String> out = run(dir, "download", "--archive", deadArchive(), "80000203", "-v");
        assertEquals("1", out.get(0));
        assertEquals(3, out.stream().filter(l -> l.contains("retrying (")).count(), String.join("\n", out));
    }

    @Test
    void anUnknownConfigKeyIsNamedWithItsFileAndLine(@TempDir Path dir) throws Exception {
        Path conf = Files.createDirectories(dir.resolve("iso-samp")).resolve("config.properties");
        Files.writeString(conf, "# my settings\narchive=local\n\narchve=http://127.0.0.1:1/\n");
        List<String> out = run(dir, "tables");
        assertEquals(List.of("1", "iso-samp tables: " + conf + ":4: unknown key \"archve\" (known keys: archive)"),
                     out);
    }

    @Test
    void cacheClearSaysWhatItRemovedFromBothCaches(@TempDir Path dir) throws Exception {
        Path products = dir.resolve("iso-samp").resolve("products");
        Path file = Files.writeString(dir.resolve("x.tar"), "x".repeat(2048));
        new ProductCache(products).put("http://127.0.0.1:1/data?tdt=1", file);
        Path cds = Files.createDirectories(dir.resolve("iso-samp").resolve("cds"));
        Files.write(cds.resolve("123-query.jsa"), new byte[3 * 1024 * 1024]);
        Files.write(cds.resolve("123-tables.jsa"), new byte[1024 * 1024]);
        List<String> out = run(dir, "cache", "clear");
        assertEquals(List.of("0", "removed 1 cached products (2.0 KiB) from " + products,
                             "removed 2 class-data archives (4.0 MiB) from " + cds), out);
        try (var s = Files.list(cds)) {
            assertEquals(0, s.count());
        }
    }
}
