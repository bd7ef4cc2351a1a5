package org.isosamp.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import okhttp3.HttpUrl;
import org.isosamp.archive.IsoArchive;
import org.isosamp.local.LocalArchive;
import org.isosamp.model.ProductLevel;
import org.isosamp.plot.ImageQuickLook;
import org.isosamp.plot.SpectrumQuickLook;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the observation panel fetches, without a display: from the local archive, the metadata row (the prime's of
 * a shared TDT), the STANDALONE quick look, the postcard, a tar's listing, an unknown TDT named; a second fetch
 * from the product cache alone; and the panel's table models.
 */
class ObservationLoaderTest {

    @TempDir
    Path dir;

    @Test
    void theMetadataIsThePrimesRowWithUnitsAndDescriptions() throws IOException {
        ObservationMetadata m = ObservationLoader.metadata(SharedArchive.client(), 58002102L);
        assertEquals(2, m.rows());   // the LWS prime and its CAM parallel share the TDT
        assertEquals("M31", m.value("target"));
        assertEquals("LWS", m.value("instid"));
        assertEquals("58002102 · LWS · L01 · M31", m.heading(58002102L));
        ObservationMetadata.Item ra = m.items().stream().filter(i -> i.name().equals("ra")).findFirst().orElseThrow();
        assertEquals("h", ra.unit());
        assertTrue(ra.description().startsWith("Right ascension (J2000) in HOURS"), ra.description());

        ObservationTables.Metadata model = new ObservationTables.Metadata();
        model.set(m);
        int row = m.items().indexOf(ra);
        assertEquals("ra", model.getValueAt(row, 0));
        assertEquals(ra.value() + " h", model.getValueAt(row, 1));
        assertEquals(ra.description() + " (unit: h)", model.toolTip(row));
        assertEquals(2, model.getColumnCount());
    }

    @Test
    void anUnknownTdtIsNamedWithTheArchive() {
        IsoArchive a = SharedArchive.client();
        IOException e = assertThrows(IOException.class, () -> ObservationLoader.metadata(a, 12345678L));
        assertEquals("TDT 12345678 is not in ida.observations at " + a.tapUrl(), e.getMessage());
    }

    @Test
    void aSpectrumHasEverySegmentAndAnImageItsQuickLook() throws IOException {
        ObservationLoader.Standalone s = ObservationLoader.standalone(SharedArchive.client(), 58002102L);
        SpectrumQuickLook spectrum = assertInstanceOf(SpectrumQuickLook.class, s.look());
        assertTrue(spectrum.segments().size() > 1, spectrum.segments().toString());
        assertEquals(spectrum.segments().size(), spectrum.dataset().getSeriesCount());
        assertEquals("58002102.fits", s.name());
        assertTrue(s.size() > 2880, "size " + s.size());

        ObservationLoader.Standalone i = ObservationLoader.standalone(SharedArchive.client(), 80001538L);
        ImageQuickLook image = assertInstanceOf(ImageQuickLook.class, i.look());
        assertTrue(image.wcs().isPresent());
        assertEquals("", i.problem());
    }

    @Test
    void thePostcardAndATarListing() throws IOException {
        BufferedImage card = ObservationLoader.postcard(SharedArchive.client(), 80001538L);
        assertTrue(card.getWidth() > 10 && card.getHeight() > 10, card.toString());

        ObservationLoader.Listing l = ObservationLoader.listing(SharedArchive.client(), 80001538L,
                                                                ProductLevel.DEFAULT_DATA_SET);
        assertTrue(l.name().matches("ISO\\d{10}\\.tar"), l.name());   // the archive's own name
        assertFalse(l.entries().isEmpty());
        ObservationTables.Products model = new ObservationTables.Products();
        model.setStandalone("80001538.fits", 20160, null);
        model.setListing(l, "DEFAULT_DATA_SET", "");
        assertEquals("STANDALONE", model.getValueAt(0, 0));
        assertEquals("20.2 KB", model.getValueAt(0, 2));
        assertEquals("OBSERVATION DEFAULT_DATA_SET", model.getValueAt(1, 0));
        assertEquals(l.name(), model.getValueAt(1, 1));
        long files = l.entries().stream().filter(e -> !e.isDirectory()).count();
        assertEquals(2 + files, model.getRowCount());
        String member = (String) model.getValueAt(2, 1);
        assertFalse(member.contains("ISO"), member);   // the tar's top folder is left out
    }

    @Test
    void aSecondLookComesFromTheProductCacheAlone() throws IOException {
        Path cache = dir.resolve("cache");
        List<Path> before = workFolders();
        try (LocalArchive server = LocalArchive.builder().port(0).start()) {
            IsoArchive a = new IsoArchive(HttpUrl.get(server.baseUrl().toString()), IsoArchive.defaultHttpClient(),
                                          cache);
            ObservationLoader.standalone(a, 58002102L);
            ObservationLoader.postcard(a, 58002102L);
            server.close();
            // the archive is gone: only the cache can answer
            assertInstanceOf(SpectrumQuickLook.class, ObservationLoader.standalone(a, 58002102L).look());
            assertTrue(ObservationLoader.postcard(a, 58002102L).getWidth() > 0);
        }
        // nothing but the cache's own files is left behind (folders of a killed earlier run aside)
        assertEquals(before, workFolders());
    }

    private static List<Path> workFolders() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("iso-samp-observation-")
                                     && Files.isDirectory(p)).sorted().toList();
        }
    }

    @Test
    void sizesAndMemberNamesForPeople() {
        assertEquals("812 B", ObservationTables.size(812));
        assertEquals("1.0 KB", ObservationTables.size(1000));
        assertEquals("3.2 MB", ObservationTables.size(3_210_000));
        assertEquals("EXTRAKON/pich80000203.gif",
                     ObservationTables.shortName("././ISO1659972236/EXTRAKON//pich80000203.gif"));
        assertEquals("x", ObservationTables.shortName("x"));
        assertEquals(0, new ObservationTables.Metadata().getRowCount());
    }
}
