package org.isosamp.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.isosamp.io.PartFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductCacheTest {

    @TempDir
    Path tmp;

    private static final String URL = (
        "https://nida.esac.esa.int/nida-sl-tap/data?retrieval_type=STANDALONE&tdt=80001538");

    @Test
    void putGetClear() throws Exception {
        ProductCache cache = new ProductCache(tmp.resolve("cache"));
        assertEquals(Optional.empty(), cache.get(URL));
        Path f = tmp.resolve("80001538.fits.gz");
        Files.writeString(f, "fits");
        Path cached = cache.put(URL, f);
        assertTrue(cached.startsWith(cache.dir()));
        assertTrue(cached.getFileName().toString().matches("[0-9a-f]{64}\\.fits\\.gz"), cached.toString());
        assertEquals(Optional.of(cached), cache.get(URL));
        assertEquals("fits", Files.readString(cached));
        assertTrue(Files.exists(f), "put copies");
        Files.writeString(cache.dir().resolve("." + "0".repeat(64) + ".x.part"), "stale");
        assertEquals(Optional.empty(), cache.get(URL.replace("tdt=80001538", "tdt=1")));
        Path g = tmp.resolve("x.png");
        Files.writeString(g, "png");
        cache.put("http://h/data?tdt=2", g);
        assertEquals(2, cache.clear());
        assertEquals(Optional.empty(), cache.get(URL));
        assertTrue(Files.isDirectory(cache.dir()));
        try (Stream<Path> s = Files.list(cache.dir())) {
            assertEquals(0, s.count(), "stale .part removed too");
        }
    }

    @Test
    void aPartFileLeftInTheCacheIsNoEntryAndClearRemovesIt() throws Exception {
        ProductCache cache = new ProductCache(tmp.resolve("cache"));
        // as a process killed during a put leaves it
        try (PartFile left = PartFile.beside(cache.dir().resolve(ProductCache.key(URL) + ".fits.gz"))) {
            Files.writeString(left.path(), "half a product");
            assertEquals(Optional.empty(), cache.get(URL));
            assertEquals(0, cache.clear());
            assertFalse(Files.exists(left.path()));
        }
    }

    @Test
    void concurrentPutsOfOneUrlLeaveOneCompleteFile() throws Exception {
        ProductCache cache = new ProductCache(tmp.resolve("cache"));
        List<byte[]> contents = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            byte[] b = new byte[300_000];
            java.util.Arrays.fill(b, (byte) i);
            contents.add(b);
            Path p = tmp.resolve("src" + i + ".tar");
            Files.write(p, b);
            sources.add(p);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Path>> fs = new ArrayList<>();
            for (Path p : sources) {
                fs.add(pool.submit(() -> cache.put(URL, p)));
            }
            for (Future<Path> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> s = Files.list(cache.dir())) {
            assertEquals(1, s.count());
        }
        byte[] got = Files.readAllBytes(cache.get(URL).orElseThrow());
        assertTrue(contents.stream().anyMatch(c -> java.util.Arrays.equals(c, got)), "one whole source");
        assertArrayEquals(got, Files.readAllBytes(cache.get(URL).orElseThrow()));
    }
}
