package org.isosamp.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.isosamp.model.ProductLevel;
import org.isosamp.model.RetrievalType;
import org.isosamp.products.TarEntryInfo;
import org.isosamp.products.TarFiles;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from the embedded local archive, at the real archive's URL shapes. */
class DataClientLocalArchiveTest {

    private static DataClient client;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();
        client = new DataClient(http, HttpUrl.get(SharedArchive.get().dataUrl().toString()));
    }

    private static final Map<String, Long> MEMBERS = Map.of(
        "pich80000203.gif", 1094L, "C10480000203.tar", 266240L, "psph80000203.fits", 14400L,
        "ppch80000203.gif", 5599L, "C10180000203.tar", 266240L);

    @Test
    void observationTarWithRequestedName() throws IOException {
        HttpUrl url = client.productUrl("80000203", RetrievalType.OBSERVATION, ProductLevel.DEFAULT_DATA_SET);
        Path tar = client.download(url, dir, "80000203", null);
        assertEquals(dir.resolve("80000203.tar"), tar);
        List<TarEntryInfo> entries = TarFiles.list(tar);
        Map<String, Long> sizes = entries.stream().filter(e -> !e.isDirectory())
            .collect(Collectors.toMap(e -> e.name().substring(e.name().lastIndexOf('/') + 1), TarEntryInfo::size));
        MEMBERS.forEach((name, size) -> assertEquals(size, sizes.get(name), name));
        assertTrue(entries.stream().anyMatch(e -> e.name().matches(".*ISO\\d{10}/EXTRAKON/+psph80000203\\.fits")),
            entries.toString());
        assertEquals(List.of("80000203.tar"), listNames(dir));
    }

    @Test
    void extractObservationTarWritesTheFiveFiles() throws IOException {
        HttpUrl url = client.productUrl("80000203", RetrievalType.OBSERVATION, null);
        Path tar = client.download(url, dir.resolve("dl"), null, null);
        Path out = dir.resolve("out");
        List<Path> files = TarFiles.extract(tar, out);
        // the five documented members (the local archive adds a README_SYNTHETIC.txt)
        assertTrue(files.stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet())
            .containsAll(MEMBERS.keySet()), files.toString());
        for (Path f : files) {
            assertTrue(f.startsWith(out));
            assertTrue(Files.isRegularFile(f), f.toString());
            if (!MEMBERS.containsKey(f.getFileName().toString())) {
                continue;
            }
            assertEquals(MEMBERS.get(f.getFileName().toString()), Files.size(f), f.toString());
            assertTrue(out.relativize(f).toString().matches("ISO\\d{10}/EXTRAKON/[^/]+"), f.toString());
        }
    }

    @Test
    void nullNameGivesTheServerName() throws IOException {
        HttpUrl url = client.productUrl("80000203", RetrievalType.OBSERVATION, null);
        Path tar = client.download(url, dir, null, null);
        assertTrue(tar.getFileName().toString().matches("ISO\\d{10}\\.tar"), tar.toString());
    }

    @Test
    void requestedNameWithExtensionIsNotDoubled() throws IOException {
        HttpUrl url = client.productUrl("80000203", RetrievalType.OBSERVATION, null);
        assertEquals(dir.resolve("file.tar"), client.download(url, dir, "file.tar", null));
        assertEquals(List.of("file.tar"), listNames(dir));
    }

    @Test
    void standaloneFits() throws IOException {
        long[] last = {0, 0};
        Path fits = client.download(client.productUrl("80001538", RetrievalType.STANDALONE, null), dir, "80001538",
            (b, t) -> { last[0] = b; last[1] = t; });
        assertEquals(dir.resolve("80001538.fits"), fits);
        byte[] head = Arrays.copyOf(Files.readAllBytes(fits), 9);
        assertArrayEquals("SIMPLE  =".getBytes(StandardCharsets.US_ASCII), head);
        assertEquals(Files.size(fits), last[0]);
        assertEquals(Files.size(fits), last[1]);
    }

    @Test
    void standaloneSpectrum() throws IOException {
        Path fits = client.download(client.productUrl("58002102", RetrievalType.STANDALONE, null), dir, null, null);
        assertEquals("58002102.fits", fits.getFileName().toString());
    }

    @Test
    void postcard() throws IOException {
        Path png = client.download(client.productUrl("80001538", RetrievalType.POSTCARD, null), dir, "postcard", null);
        assertEquals(dir.resolve("postcard.png"), png);
        byte[] magic = Arrays.copyOf(Files.readAllBytes(png), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, magic);
    }

    @Test
    void unknownTdtIs404WithTheServerMessageAndNoFile() throws IOException {
        HttpUrl url = client.productUrl("12345678", RetrievalType.OBSERVATION, null);
        ArchiveException e = assertThrows(ArchiveException.class, () -> client.download(url, dir, "x", null));
        assertEquals(404, e.status());
        assertTrue(e.serverMessage().contains("No observation with tdt 12345678"), e.getMessage());
        assertTrue(e.getMessage().contains(url.toString()), e.getMessage());
        assertEquals(List.of(), listNames(dir));
    }

    @Test
    void productUrlIsEncodedAndValidated() {
        HttpUrl url = client.productUrl("80000203", RetrievalType.OBSERVATION, ProductLevel.RAW_DATA);
        assertEquals("OBSERVATION", url.queryParameter("retrieval_type"));
        assertEquals("80000203", url.queryParameter("tdt"));
        assertEquals("RAW_DATA", url.queryParameter("product_level"));
        assertEquals("iso-samp", url.queryParameter("DATA_RETRIEVAL_ORIGIN"));
        assertEquals(null, client.productUrl("80001538", RetrievalType.POSTCARD, ProductLevel.ALL)
            .queryParameter("product_level"));
        assertEquals("DEFAULT_DATA_SET", client.productUrl("1", RetrievalType.OBSERVATION, null)
            .queryParameter("product_level"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> client.productUrl("abc", RetrievalType.OBSERVATION, null));
        assertEquals("tdt \"abc\" is not a TDT: expected digits", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> client.productUrl("12345678901", RetrievalType.POSTCARD, null));
        assertThrows(IllegalArgumentException.class, () -> client.productUrl("1&x=2", RetrievalType.POSTCARD, null));
        assertThrows(IllegalArgumentException.class, () -> client.productUrl("", RetrievalType.POSTCARD, null));
        assertFalse(client.productUrl("00012", RetrievalType.POSTCARD, null).toString().contains("tdt=12&"));
    }

    static List<String> listNames(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
