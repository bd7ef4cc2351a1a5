package org.isosamp.products;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nom.tam.fits.AsciiTableHDU;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import okhttp3.HttpUrl;
import org.isosamp.archive.IsoArchive;
import org.isosamp.model.RetrievalType;
import org.isosamp.testing.SharedArchive;
import org.isosamp.testing.TestFits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;

/** The one-table copy of a segmented spectrum: every row, sorted, readable by nom-tam-fits and STIL. */
class SpectrumTablesTest {

    @TempDir
    Path dir;

    @Test
    void segmentsOfTheArchiveSpectrumBecomeOneSortedBinaryTable() throws IOException {
        IsoArchive archive = new IsoArchive(HttpUrl.get(SharedArchive.get().baseUrl().toString()),
                                            IsoArchive.defaultHttpClient());
        Path original = archive.download(ProductInspectorTest.LWS_SPECTRUM, RetrievalType.STANDALONE, null, dir,
            null, null);
        FitsProduct p = ProductInspector.inspect(original);
        Path merged = dir.resolve("merged.fits");
        assertEquals(p.rows(), SpectrumTables.merge(p, merged));

        // what went in: every segment's WAVE values
        List<Float> waves = new ArrayList<>();
        try (Fits in = new Fits(original.toFile())) {
            for (BasicHDU<?> h : in.read()) {
                if (h instanceof AsciiTableHDU t) {
                    for (float w : (float[]) t.getColumn("WAVE")) {
                        waves.add(w);
                    }
                }
            }
        }
        try (Fits out = new Fits(merged.toFile())) {
            BasicHDU<?>[] hdus = out.read();
            assertEquals(2, hdus.length);
            assertEquals("M31", hdus[0].getHeader().getStringValue("OBJECT"));
            assertEquals("58002102", hdus[0].getHeader().getStringValue("TDT"));
            BinaryTableHDU t = (BinaryTableHDU) hdus[1];
            assertEquals(List.of("WAVE", "FLUX", "STDEV", "DET", "SDIR", "SCNT", "STATUS", "REMARK", "HDU"),
                names(t));
            assertEquals("um", t.getHeader().getStringValue("TUNIT1"));
            assertEquals("W/cm^2/um", t.getHeader().getStringValue("TUNIT2"));
            assertEquals(SpectrumTables.SPECTRAL_UTYPE, t.getHeader().getStringValue("TUTYPE1"));
            assertEquals(SpectrumTables.FLUX_UTYPE, t.getHeader().getStringValue("TUTYPE2"));
            assertEquals(SpectrumTables.ERROR_UTYPE, t.getHeader().getStringValue("TUTYPE3"));
            float[] w = (float[]) t.getColumn("WAVE");
            assertEquals(waves.size(), w.length);
            for (int i = 1; i < w.length; i++) {
                assertTrue(w[i - 1] <= w[i], "sorted at row " + i);
            }
            float[] expected = new float[waves.size()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = waves.get(i);
            }
            Arrays.sort(expected);
            assertArrayEquals(expected, w, "the same values, nothing lost");
            short[] hdu = (short[]) t.getColumn("HDU");
            assertEquals(1, Arrays.stream(toInts(hdu)).min().orElseThrow());
            assertEquals(11, Arrays.stream(toInts(hdu)).max().orElseThrow());
        }
        // STIL (what SPLAT and TOPCAT read it with) sees all rows in the first table
        StarTable st = new StarTableFactory(true).makeStarTable(merged.toString());
        assertEquals(p.rows(), st.getRowCount());
        // and it is now a spectrum SPLAT reads whole
        FitsProduct again = ProductInspector.inspect(merged);
        assertEquals(ProductKind.SPECTRUM, again.kind());
        assertTrue(again.spectrum().readableAsIs());
        assertEquals("STDEV", again.spectrum().error());
    }

    @Test
    void anImageSpectrumIsNotMerged() throws IOException {
        FitsProduct p = ProductInspector.inspect(TestFits.image(dir.resolve("s.fits"), 10, 0, "FREQ", "Hz"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> SpectrumTables.merge(p, dir.resolve("m.fits")));
        assertEquals("s.fits is not a tabular spectrum (a 1-D FREQ spectrum of 10 pixels in the primary HDU)",
            e.getMessage());
    }

    private static List<String> names(BinaryTableHDU t) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < t.getNCols(); c++) {
            out.add(t.getColumnName(c));
        }
        return out;
    }

    private static int[] toInts(short[] s) {
        int[] out = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i];
        }
        return out;
    }
}
