package org.isosamp.topcat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.isosamp.archive.ArchiveException;
import org.isosamp.archive.ArchiveSearch;
import org.isosamp.archive.ArchiveSettings;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.TableSequence;

/**
 * What the dialog's loader hands TOPCAT, run here as TOPCAT's worker thread would run it, against the local archive
 * by URL: the M31 cone, a TDT, truncation at MAXREC marked, the archive's own message on failure, an interrupt
 * cancelling. (The dialog inside the real TOPCAT: {@link IsoLoadDialogTopcatTest}.)
 */
class IsoTableLoaderTest {

    private final DialogArchives archives = new DialogArchives();
    private final List<String> status = new ArrayList<>();

    @AfterEach
    void close() {
        archives.close();
    }

    private StarTable load(ArchiveSearch search) throws IOException {
        ArchiveSettings at = ArchiveSettings.at(HttpUrl.get(SharedArchive.get().baseUrl().toString()));
        TableSequence seq = new IsoTableLoader(archives, at, search, status::add).loadTables(new StarTableFactory());
        StarTable t = seq.nextTable();
        assertEquals(null, seq.nextTable(), "one table");
        return t;
    }

    @Test
    void theM31ConeArrivesWithDegreesMainAndItsRows() throws IOException {
        StarTable t = load(cone("ida.observations", "10.684708 41.26875", 1000));
        assertTrue(t.getRowCount() > 0, "rows in the M31 cone");
        assertEquals("ISO ida.observations cone 10.684708 41.26875 r=0.1", t.getName());
        int ra = -1;
        for (int i = 0; i < t.getColumnCount(); i++) {
            if (t.getColumnInfo(i).getName().equals("ra_deg")) {
                ra = i;
            }
        }
        assertTrue(ra >= 0);
        assertEquals("deg", t.getColumnInfo(ra).getUnitString());
        assertEquals("pos.eq.ra;meta.main", t.getColumnInfo(ra).getUCD());
        assertEquals(List.of(t.getRowCount() + " rows"), status);
        assertEquals(null, t.getParameterByName(IsoTableLoader.TRUNCATED));
    }

    @Test
    void overflowIsMarkedInTheNameAParameterAndTheStatus() throws IOException {
        StarTable t = load(cone("ida.observations", "10.684708 41.26875", 2));
        assertEquals(2, t.getRowCount());
        assertEquals("ISO ida.observations cone 10.684708 41.26875 r=0.1 (truncated at MAXREC 2)", t.getName());
        assertEquals("truncated at MAXREC 2", t.getParameterByName(IsoTableLoader.TRUNCATED).getValue());
        assertEquals(List.of("Truncated: the first 2 rows (MAXREC 2); more match"), status);
    }

    @Test
    void aTdtFindsItsObservation() throws IOException {
        StarTable first = load(ArchiveSearch.adqlBuilder("SELECT TOP 1 tdt FROM ida.observations ORDER BY tdt")
                                   .maxrec(10).build());
        long tdt = Long.parseLong(String.valueOf(first.getCell(0, 0)).trim());
        StarTable t = load(ArchiveSearch.builder("ida.observations").tdt(tdt).maxrec(10).build());
        assertEquals(1, t.getRowCount());
        StarTable obscore = load(ArchiveSearch.builder("ivoa.obscore").tdt(tdt).maxrec(10).build());
        assertTrue(obscore.getRowCount() >= 1, "obscore rows of TDT " + tdt);
    }

    @Test
    void aFailureCarriesTheArchivesOwnMessage() {
        ArchiveException e = assertThrows(ArchiveException.class, () -> load(
            ArchiveSearch.adqlBuilder("SELECT nosuchcolumn FROM ida.observations").maxrec(10).build()));
        assertTrue(e.getMessage().toLowerCase().contains("nosuchcolumn"), e.getMessage());
        assertEquals(1, status.size());
        assertTrue(status.get(0).startsWith("Failed: "), status.toString());
    }

    @Test
    void anInterruptCancelsTheLoad() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedIOException.class, () -> load(cone("ida.observations",
                "10.684708 41.26875", 10)));
            assertEquals(List.of("Cancelled"), status);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theArchiveFieldIsReadOnTheEventThreadWithoutContactingIt() {
        assertEquals("\"ftp://x\" is neither 'local' nor an http(s) URL",
            assertThrows(IllegalArgumentException.class, () -> IsoLoadDialog.archive("ftp://x")).getMessage());
        assertEquals(ArchiveSettings.production(), IsoLoadDialog.archive(" Production "));
        assertFalse(IsoLoadDialog.archive("local").base() != null);
    }

    @Test
    void aRevolutionOfSpectraWithTheirInstrument() throws IOException {
        StarTable t = load(ArchiveSearch.builder("ivoa.ssap").revolution(800).instrument(ArchiveSearch.Instrument.SWS)
                               .maxrec(1000).build());
        long want = SharedArchive.client().query(org.isosamp.archive.QueryRequest.builder(
            "SELECT tdt FROM ivoa.ssap WHERE tdt >= 80000000 AND tdt < 80100000 AND instrument_name = 'SWS'")
            .build()).table().getRowCount();
        assertTrue(want > 0, "SWS spectra in revolution 800");
        assertEquals(want, t.getRowCount());
        assertEquals("ISO ivoa.ssap rev 800 instrument SWS", t.getName());
    }

    private static ArchiveSearch cone(String table, String position, long maxrec) {
        return ArchiveSearch.builder(table).target(position).radius(0.1).maxrec(maxrec).build();
    }
}
