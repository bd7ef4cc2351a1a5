package org.isosamp.local.products;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import nom.tam.fits.AsciiTableHDU;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import nom.tam.fits.ImageHDU;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.isosamp.model.ProductLevel;
import org.isosamp.model.RetrievalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

class GeneratedProductSourceTest {

    static final ObservationInfo LWS_58002102 =
        new ObservationInfo("58002102", "580021020", 580, "L01", "M31", 10.684999995, 41.26902);
    static final ObservationInfo SWS_40001501 =
        new ObservationInfo("40001501", "400015010", 400, "S01", "M31_BULGE", 10.6917, 41.26997);
    static final ObservationInfo CAM_80001538 =
        new ObservationInfo("80001538", "800015380", 800, "C01", "NGC 7023", 315.40417, 68.16333);
    static final ObservationInfo PHT_80000203 =
        new ObservationInfo("80000203", "800002030", 800, "P22", "NGC 6543", 269.63917, 66.63306);
    static final ObservationInfo CAM_PARALLEL =
        new ObservationInfo("58302603", "583026030", 583, "C//", "Near M31S", 10.7885, 41.0478);
    static final ObservationInfo CAM_CAL = new ObservationInfo("76196300", "761963000", 761, "C63", "", null, null);

    @TempDir
    Path tmp;

    GeneratedProductSource source(String name) {
        return new GeneratedProductSource(tmp.resolve(name), null);
    }

    static byte[] bytes(Product p) throws IOException {
        return Files.readAllBytes(p.file());
    }

    // ------------------------------------------------------------------ STANDALONE spectrum

    @Test
    void lwsSpectrumReproducesTheDocumentedLayout() throws Exception {
        Product p = source("c").product(LWS_58002102, RetrievalType.STANDALONE, null);
        assertEquals("58002102.fits", p.filename());
        assertEquals("application/fits", p.contentType());
        try (Fits f = new Fits(p.file().toFile())) {
            BasicHDU<?>[] hdus = f.read();
            assertEquals(12, hdus.length);
            Header primary = hdus[0].getHeader();
            assertEquals(0, primary.getIntValue("NAXIS"));
            assertEquals(0L, primary.getDataSize());
            assertEquals("ISO", primary.getStringValue("TELESCOP"));
            assertEquals("LWS", primary.getStringValue("INSTRUME"));
            assertEquals("M31", primary.getStringValue("OBJECT"));
            assertEquals("58002102", primary.getStringValue("TDT"));
            assertEquals("580021020", primary.getStringValue("OBSNO"));
            assertEquals(10.684999995, primary.getDoubleValue("RA"), 1e-9);
            assertEquals(41.26902, primary.getDoubleValue("DEC"), 1e-9);
            assertTrue(primary.getStringValue("ORIGIN").contains("iso-samp"));
            assertTrue(hasSyntheticComment(primary));
            assertEquals("2005-12-23T11:02:54", primary.getStringValue("DATE"));
            assertEquals(SyntheticFits.SPECTRUM_PRIMARY_CARDS, primary.getNumberOfCards() - 1);

            int[] rows = {958, 962, 962, 961, 958, 961, 959, 959, 959, 962, 963};
            String[] tforms = {"F8.4", "E11.3", "E11.3", "I2", "I2", "I2", "I2", "A42"};
            for (int i = 1; i < hdus.length; i++) {
                AsciiTableHDU t = assertInstanceOf(AsciiTableHDU.class, hdus[i]);
                Header h = t.getHeader();
                assertEquals("TABLE", h.getStringValue("XTENSION"));
                assertEquals(rows[i - 1], t.getNRows(), "rows of HDU " + i);
                assertEquals(8, t.getNCols());
                for (int c = 0; c < 8; c++) {
                    assertEquals(tforms[c], h.getStringValue("TFORM" + (c + 1)), "TFORM" + (c + 1));
                }
                assertEquals("WAVE", t.getColumnName(0));
                assertEquals("FLUX", t.getColumnName(1));
                assertEquals("um", h.getStringValue("TUNIT1"));
                assertEquals("W/cm^2/um", h.getStringValue("TUNIT2"));
                assertEquals(SyntheticFits.SPECTRUM_TABLE_CARDS, h.getNumberOfCards() - 1);
                assertTrue(hasSyntheticComment(h));
                float[] wave = (float[]) t.getColumn(0);
                float[] flux = (float[]) t.getColumn(1);
                assertEquals(rows[i - 1], wave.length);
                for (int k = 1; k < wave.length; k++) {
                    assertTrue(wave[k] > wave[k - 1], "wavelength increases");
                }
                assertTrue(wave[0] >= 43f && wave[wave.length - 1] <= 197f, "LWS range");
                assertTrue(Float.isFinite(flux[0]));
                String remark = ((String[]) t.getColumn(7))[0];
                assertTrue(remark.startsWith("SYNTHETIC"), remark);
            }
        }
    }

    @Test
    void swsSpectrumIsInJanskyAndInRange() throws Exception {
        Product p = source("c").product(SWS_40001501, RetrievalType.STANDALONE, ProductLevel.ALL);
        try (Fits f = new Fits(p.file().toFile())) {
            BasicHDU<?>[] hdus = f.read();
            assertTrue(hdus.length >= 5 && hdus.length <= 12, "4-11 tables");
            for (int i = 1; i < hdus.length; i++) {
                AsciiTableHDU t = assertInstanceOf(AsciiTableHDU.class, hdus[i]);
                assertEquals("Jy", t.getHeader().getStringValue("TUNIT2"));
                assertTrue(t.getNRows() >= 955 && t.getNRows() <= 963);
                float[] wave = (float[]) t.getColumn(0);
                assertTrue(wave[0] >= 2.3f && wave[wave.length - 1] <= 45.3f);
            }
        }
    }

    // ------------------------------------------------------------------ STANDALONE image

    @Test
    void camImageHasWcsAtTheObservationPosition() throws Exception {
        Product p = source("c").product(CAM_80001538, RetrievalType.STANDALONE, null);
        assertEquals("80001538.fits", p.filename());
        try (Fits f = new Fits(p.file().toFile())) {
            BasicHDU<?>[] hdus = f.read();
            assertEquals(1, hdus.length);
            ImageHDU img = assertInstanceOf(ImageHDU.class, hdus[0]);
            Header h = img.getHeader();
            assertEquals(-32, h.getIntValue("BITPIX"));
            assertEquals(32, h.getIntValue("NAXIS1"));
            assertEquals(32, h.getIntValue("NAXIS2"));
            float[][] data = (float[][]) img.getKernel();
            assertEquals(32, data.length);
            assertEquals(32, data[0].length);
            assertEquals("RA---TAN", h.getStringValue("CTYPE1"));
            assertEquals("DEC--TAN", h.getStringValue("CTYPE2"));
            assertEquals(315.40417, h.getDoubleValue("CRVAL1"), 1e-9);
            assertEquals(68.16333, h.getDoubleValue("CRVAL2"), 1e-9);
            assertEquals(16.5, h.getDoubleValue("CRPIX1"), 0);
            assertEquals(16.5, h.getDoubleValue("CRPIX2"), 0);
            assertEquals(-6.0 / 3600, h.getDoubleValue("CDELT1"), 1e-12);
            assertEquals(6.0 / 3600, h.getDoubleValue("CDELT2"), 1e-12);
            assertEquals("deg", h.getStringValue("CUNIT1"));
            assertEquals("deg", h.getStringValue("CUNIT2"));
            assertEquals(2000.0, h.getDoubleValue("EQUINOX"), 0);
            assertEquals("ICRS", h.getStringValue("RADESYS"));
            assertNotNull(h.getStringValue("BUNIT"));
            assertEquals("NGC 7023", h.getStringValue("OBJECT"));
            assertEquals("CAM", h.getStringValue("INSTRUME"));
            assertTrue(hasSyntheticComment(h));
            assertEquals(SyntheticFits.IMAGE_CARDS, h.getNumberOfCards() - 1);
        }
    }

    // ------------------------------------------------------------------ OBSERVATION tars

    record Entry(String name, long size, String user, long gid, int mode, Instant mtime, byte[] data) {
    }

    static List<Entry> list(byte[] tar) throws IOException {
        List<Entry> out = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.add(new Entry(e.getName(), e.getSize(), e.getUserName(), e.getLongGroupId(), e.getMode(),
                    e.getModTime().toInstant(), in.readAllBytes()));
            }
        }
        return out;
    }

    @Test
    void documentedObservationTarListing() throws Exception {
        Product p = source("c").product(PHT_80000203, RetrievalType.OBSERVATION, ProductLevel.DEFAULT_DATA_SET);
        assertEquals("ISO1659972236.tar", p.filename());
        assertEquals("application/x-tar", p.contentType());
        List<Entry> entries = list(bytes(p));
        String dir = "././ISO1659972236/EXTRAKON//";
        Instant t54 = Instant.parse("2005-12-23T11:02:54Z");
        Instant t55 = Instant.parse("2005-12-23T11:02:55Z");
        Object[][] expected = {
            {dir + "pich80000203.gif", 1094L, t55},
            {dir + "C10480000203.tar", 266240L, t54},
            {dir + "psph80000203.fits", 14400L, t55},
            {dir + "ppch80000203.gif", 5599L, t55},
            {dir + "C10180000203.tar", 266240L, t54},
        };
        assertEquals(expected.length + 1, entries.size());
        for (int i = 0; i < expected.length; i++) {
            Entry e = entries.get(i);
            assertEquals(expected[i][0], e.name());
            assertEquals(expected[i][1], e.size(), e.name());
            assertEquals(expected[i][1], (long) e.data().length);
            assertEquals("idaops", e.user());
            assertEquals(0L, e.gid());
            assertEquals(0644, e.mode() & 0777);
            assertEquals(expected[i][2], e.mtime(), e.name());
        }
        Entry readme = entries.get(entries.size() - 1);
        assertEquals("././ISO1659972236/README_SYNTHETIC.txt", readme.name());
        assertTrue(new String(readme.data(), StandardCharsets.UTF_8).contains("SYNTHETIC"));

        // the GIFs are real GIFs, the FITS file reads, the nested tars hold synthetic-labelled FITS files
        assertNotNull(ImageIO.read(new ByteArrayInputStream(entries.get(0).data())));
        assertNotNull(ImageIO.read(new ByteArrayInputStream(entries.get(3).data())));
        try (Fits f = new Fits(new ByteArrayInputStream(entries.get(2).data()))) {
            assertTrue(hasSyntheticComment(f.read()[0].getHeader()));
        }
        for (int i : new int[] {1, 4}) {
            List<Entry> nested = list(entries.get(i).data());
            assertFalse(nested.isEmpty());
            for (Entry n : nested) {
                assertTrue(n.name().endsWith(".fits"), n.name());
                try (Fits f = new Fits(new ByteArrayInputStream(n.data()))) {
                    Header h = f.read()[0].getHeader();
                    assertTrue(hasSyntheticComment(h));
                    assertEquals("ISO", h.getStringValue("TELESCOP"));
                }
            }
        }
    }

    @Test
    void everyLevelGivesADistinctValidTarAndAllContainsTheOthers() throws Exception {
        for (ObservationInfo obs : List.of(PHT_80000203, SWS_40001501, CAM_PARALLEL, CAM_CAL)) {
            GeneratedProductSource s = source("c-" + obs.tdt());
            Map<ProductLevel, List<Entry>> byLevel = new LinkedHashMap<>();
            Set<String> names = new HashSet<>();
            Set<String> hashes = new HashSet<>();
            for (ProductLevel level : ProductLevel.values()) {
                Product p = s.product(obs, RetrievalType.OBSERVATION, level);
                assertTrue(names.add(p.filename()), "distinct file name " + p.filename());
                assertTrue(p.filename().matches("ISO\\d{10}\\.tar"), p.filename());
                byte[] b = bytes(p);
                assertEquals(0, b.length % 512);
                assertTrue(hashes.add(Arrays.toString(java.security.MessageDigest.getInstance("SHA-256").digest(b))));
                List<Entry> entries = list(b);
                assertFalse(entries.isEmpty(), level.toString());
                String top = "././" + p.filename().replace(".tar", "") + "/";
                for (Entry e : entries) {
                    assertTrue(e.name().startsWith(top), e.name());
                    assertEquals("idaops", e.user());
                }
                assertTrue(entries.stream().anyMatch(e -> e.name().endsWith("/README_SYNTHETIC.txt")));
                byLevel.put(level, entries);
            }
            Set<String> all = relative(byLevel.get(ProductLevel.ALL));
            for (ProductLevel level : ProductLevel.values()) {
                Set<String> rel = relative(byLevel.get(level));
                if (level == ProductLevel.HPDP && !GeneratedProductSource.hasHpdp(obs)) {
                    assertEquals(Set.of("README.txt", "README_SYNTHETIC.txt"), rel);
                    continue;
                }
                assertTrue(all.containsAll(rel), obs.tdt() + " ALL contains " + level + ": " + rel);
            }
        }
    }

    private static Set<String> relative(List<Entry> entries) {
        Set<String> s = new HashSet<>();
        for (Entry e : entries) {
            s.add(e.name().replaceFirst("^\\./\\./ISO\\d{10}/", ""));
        }
        return s;
    }

    // ------------------------------------------------------------------ postcards

    @Test
    void postcardIsAPngWithASyntheticTextChunk() throws Exception {
        for (ObservationInfo obs : List.of(CAM_80001538, LWS_58002102, CAM_CAL)) {
            Product p = source("c").product(obs, RetrievalType.POSTCARD, null);
            assertEquals(obs.tdt() + ".png", p.filename());
            assertEquals("image/png", p.contentType());
            byte[] b = bytes(p);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(b));
            assertNotNull(img);
            assertEquals(256, img.getWidth());
            assertEquals(256, img.getHeight());
            Map<String, String> text = pngText(b);
            assertTrue(text.get("Comment").contains("SYNTHETIC"), text.toString());
            assertTrue(text.get("Comment").contains(obs.tdt()), text.toString());
            assertTrue(text.get("Description").contains("not real ISO data"));
        }
    }

    static Map<String, String> pngText(byte[] png) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            IIOMetadata md = r.getImageMetadata(0);
            Node root = md.getAsTree("javax_imageio_png_1.0");
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if ("tEXt".equals(n.getNodeName())) {
                    for (Node e = n.getFirstChild(); e != null; e = e.getNextSibling()) {
                        NamedNodeMap a = e.getAttributes();
                        out.put(a.getNamedItem("keyword").getNodeValue(), a.getNamedItem("value").getNodeValue());
                    }
                }
            }
            r.dispose();
        }
        return out;
    }

    // ------------------------------------------------------------------ determinism, concurrency, caching

    @Test
    void twoFreshSourcesProduceByteIdenticalFiles() throws Exception {
        GeneratedProductSource a = new GeneratedProductSource(tmp.resolve("a"), null);
        GeneratedProductSource b = new GeneratedProductSource(tmp.resolve("b"), null);
        for (ObservationInfo obs : List.of(LWS_58002102, CAM_80001538, PHT_80000203)) {
            for (RetrievalType t : RetrievalType.values()) {
                for (ProductLevel level : t == RetrievalType.OBSERVATION ? ProductLevel.values()
                    : new ProductLevel[] {null}) {
                    if (t == RetrievalType.STANDALONE && !GeneratedProductSource.hasStandalone(obs)) {
                        continue;
                    }
                    Product pa = a.product(obs, t, level);
                    Product pb = b.product(obs, t, level);
                    assertEquals(pa.filename(), pb.filename());
                    assertArrayEquals(bytes(pa), bytes(pb), obs.tdt() + " " + t + " " + level);
                }
            }
        }
    }

    @Test
    void secondCallReturnsTheSameFileWithoutRegenerating() throws Exception {
        GeneratedProductSource s = source("c");
        Product first = s.product(CAM_80001538, RetrievalType.STANDALONE, null);
        Product second = s.product(CAM_80001538, RetrievalType.STANDALONE, null);
        assertEquals(first.file(), second.file());
        assertEquals(1, s.generatedCount());
        // a new source on the same cache reuses the file too
        GeneratedProductSource again = new GeneratedProductSource(tmp.resolve("c"), null);
        assertEquals(first.file(), again.product(CAM_80001538, RetrievalType.STANDALONE, null).file());
        assertEquals(0, again.generatedCount());
    }

    @Test
    void concurrentRequestsGenerateOnceAndLeaveNoTempFiles() throws Exception {
        GeneratedProductSource s = source("c");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Product>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Product> c = () -> {
                    start.await();
                    return s.product(PHT_80000203, RetrievalType.OBSERVATION, ProductLevel.ALL);
                };
                futures.add(pool.submit(c));
            }
            start.countDown();
            byte[] reference = null;
            for (Future<Product> f : futures) {
                byte[] b = bytes(f.get());
                if (reference == null) {
                    reference = b;
                    assertFalse(list(b).isEmpty());
                } else {
                    assertArrayEquals(reference, b);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, s.generatedCount());
        try (Stream<Path> files = Files.walk(tmp.resolve("c"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")), "no temp files left");
        }
    }

    // ------------------------------------------------------------------ what exists, arguments, overrides

    @Test
    void parallelAndCalibrationObservationsHaveNoStandalone() throws Exception {
        GeneratedProductSource s = source("c");
        NoSuchProductException e = assertThrows(NoSuchProductException.class,
            () -> s.product(CAM_PARALLEL, RetrievalType.STANDALONE, null));
        assertEquals("observation 58302603 (C//) has no STANDALONE product", e.getMessage());
        NoSuchProductException cal = assertThrows(NoSuchProductException.class,
            () -> s.product(CAM_CAL, RetrievalType.STANDALONE, null));
        assertEquals("observation 76196300 (C63) has no STANDALONE product", cal.getMessage());
        ObservationInfo lwsPar = new ObservationInfo("40402302", "404023020", 404, "L//", "Near M31", 10.71, 41.28);
        assertThrows(NoSuchProductException.class, () -> s.product(lwsPar, RetrievalType.STANDALONE, null));
        // but they still have tars and postcards
        assertTrue(Files.size(s.product(CAM_CAL, RetrievalType.OBSERVATION, null).file()) > 0);
        assertTrue(Files.size(s.product(lwsPar, RetrievalType.POSTCARD, null).file()) > 0);
        try (Stream<Path> files = Files.walk(tmp.resolve("c"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".fits")));
        }
    }

    @Test
    void invalidArgumentsAreNamed() {
        GeneratedProductSource s = source("c");
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
            () -> s.product(null, RetrievalType.POSTCARD, null));
        assertTrue(a.getMessage().contains("obs"), a.getMessage());
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
            () -> s.product(CAM_80001538, null, null));
        assertTrue(b.getMessage().contains("type"), b.getMessage());
        ObservationInfo evil = new ObservationInfo("../../etc", "1", 1, "C01", "x", 0.0, 0.0);
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
            () -> s.product(evil, RetrievalType.POSTCARD, null));
        assertTrue(c.getMessage().contains("tdt"), c.getMessage());
    }

    @Test
    void dataDirFilesAreServedAsIs() throws Exception {
        Path data = tmp.resolve("data");
        Files.createDirectories(data.resolve("products"));
        byte[] real = "operator-provided tar".getBytes(StandardCharsets.UTF_8);
        Files.write(data.resolve("products").resolve("ISO1659972236.tar"), real);
        Files.write(data.resolve("products").resolve("80001538.fits"), new byte[] {1, 2, 3});
        GeneratedProductSource s = new GeneratedProductSource(tmp.resolve("c"), data);
        Product p = s.product(PHT_80000203, RetrievalType.OBSERVATION, null);
        assertEquals("ISO1659972236.tar", p.filename());
        assertArrayEquals(real, bytes(p));
        assertArrayEquals(new byte[] {1, 2, 3}, bytes(s.product(CAM_80001538, RetrievalType.STANDALONE, null)));
        assertEquals(0, s.generatedCount());
        // not overridden: generated
        Product postcard = s.product(CAM_80001538, RetrievalType.POSTCARD, null);
        assertTrue(postcard.file().startsWith(tmp.resolve("c")));
        assertEquals(1, s.generatedCount());
    }

    @Test
    void largeProductHasTheRequestedSizeAndIsAValidTar() throws Exception {
        long size = 3L * 1024 * 1024 + 512;
        GeneratedProductSource s = source("c").withLargeProduct("80001538", size);
        Product p = s.product(CAM_80001538, RetrievalType.OBSERVATION, ProductLevel.RAW_DATA);
        assertEquals(size, Files.size(p.file()));
        long sum = 0;
        try (InputStream in = Files.newInputStream(p.file());
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                assertTrue(e.getName().startsWith("././" + p.filename().replace(".tar", "/")));
                sum += tar.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
        assertTrue(sum > size - 4096, "payload fills the tar");
        // other observations are unaffected
        assertTrue(Files.size(s.product(PHT_80000203, RetrievalType.OBSERVATION, null).file()) < 1_000_000);
        // the static hook streams the same bytes
        java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
        GeneratedProductSource.writeLargeTar(bos, CAM_80001538, ProductLevel.RAW_DATA, size);
        assertArrayEquals(bytes(p), bos.toByteArray());
    }

    @Test
    void largeProductWithPartsSpansSeveralMembers() throws Exception {
        long size = 600L * 1024 * 1024;
        Path out = tmp.resolve("big.tar");
        try (java.io.OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(out))) {
            GeneratedProductSource.writeLargeTar(o, PHT_80000203, ProductLevel.ALL, size);
        }
        assertEquals(size, Files.size(out));
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(out); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                names.add(e.getName());
            }
        }
        assertEquals("././ISO7800002036/README_SYNTHETIC.txt", names.get(0));
        assertEquals(4, names.size(), names.toString());
        assertTrue(names.get(1).endsWith("_0001.fits"));
        assertTrue(names.get(3).endsWith("_fill.bin"));
        Files.delete(out);
    }

    @Test
    void filenamesAndAvailability() {
        assertEquals("ISO1659972236.tar",
            GeneratedProductSource.filename(PHT_80000203, RetrievalType.OBSERVATION, null));
        assertEquals("ISO2800002031.tar",
            GeneratedProductSource.filename(PHT_80000203, RetrievalType.OBSERVATION, ProductLevel.FULLY_PROC));
        assertEquals("58002102.fits", GeneratedProductSource.filename(LWS_58002102, RetrievalType.STANDALONE, null));
        assertEquals("58002102.png", GeneratedProductSource.filename(LWS_58002102, RetrievalType.POSTCARD, null));
        assertTrue(GeneratedProductSource.hasStandalone(LWS_58002102));
        assertTrue(GeneratedProductSource.hasStandalone(CAM_80001538));
        assertFalse(GeneratedProductSource.hasStandalone(CAM_PARALLEL));
        assertFalse(GeneratedProductSource.hasStandalone(CAM_CAL));
        assertTrue(GeneratedProductSource.hasHpdp(PHT_80000203));
        assertFalse(GeneratedProductSource.hasHpdp(CAM_CAL));
    }

    static boolean hasSyntheticComment(Header h) {
        for (HeaderCard c : h.findCards("COMMENT")) {
            String s = c.getComment();
            if (s != null && s.contains("SYNTHETIC") && s.contains("iso-samp")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void nullLevelMeansDefaultDataSet() throws Exception {
        GeneratedProductSource s = source("c");
        assertArrayEquals(bytes(s.product(PHT_80000203, RetrievalType.OBSERVATION, null)),
            bytes(s.product(PHT_80000203, RetrievalType.OBSERVATION, ProductLevel.DEFAULT_DATA_SET)));
    }
}
