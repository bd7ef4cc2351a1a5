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

    private StarTable load(IsoSearch search) throws IOException {
        ArchiveSettings at = ArchiveSettings.at(HttpUrl.get(SharedArchive.get().baseUrl().toString()));
        TableSequence seq = new IsoTableLoader(archives, at, search, status::add).loadTables(new StarTableFactory());
        StarTable t = seq.nextTable();
        assertEquals(null, seq.nextTable(), "one table");
        return t;
    }

    @Test
    void theM31ConeArrivesWithDegreesMainAndItsRows() throws IOException {
        StarTable t = load(IsoSearch.read("ida.observations", IsoSearch.Kind.CONE, "10.684708 41.26875", "0.1",
                                          "1000"));
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
        StarTable t = load(IsoSearch.read("ida.observations", IsoSearch.Kind.CONE, "10.684708 41.26875", "0.1",
                                          "2"));
        assertEquals(2, t.getRowCount());
        assertEquals("ISO ida.observations cone 10.684708 41.26875 r=0.1 (truncated at MAXREC 2)", t.getName());
        assertEquals("truncated at MAXREC 2", t.getParameterByName(IsoTableLoader.TRUNCATED).getValue());
        assertEquals(List.of("Truncated: the first 2 rows (MAXREC 2); more match"), status);
    }

    @Test
    void aTdtFindsItsObservation() throws IOException {
        StarTable cone = load(IsoSearch.read("ida.observations", IsoSearch.Kind.ADQL,
                                             "SELECT TOP 1 tdt FROM ida.observations ORDER BY tdt", "", "10"));
        String tdt = String.valueOf(cone.getCell(0, 0)).trim();
        StarTable t = load(IsoSearch.read("ida.observations", IsoSearch.Kind.TDT, tdt, "", "10"));
        assertEquals(1, t.getRowCount());
        StarTable obscore = load(IsoSearch.read("ivoa.obscore", IsoSearch.Kind.TDT, tdt, "", "10"));
        assertTrue(obscore.getRowCount() >= 1, "obscore rows of TDT " + tdt);
    }

    @Test
    void aFailureCarriesTheArchivesOwnMessage() {
        ArchiveException e = assertThrows(ArchiveException.class, () -> load(IsoSearch.read("ida.observations",
            IsoSearch.Kind.ADQL, "SELECT nosuchcolumn FROM ida.observations", "", "10")));
        assertTrue(e.getMessage().toLowerCase().contains("nosuchcolumn"), e.getMessage());
        assertEquals(1, status.size());
        assertTrue(status.get(0).startsWith("Failed: "), status.toString());
    }

    @Test
    void anInterruptCancelsTheLoad() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedIOException.class, () -> load(IsoSearch.read("ida.observations",
                IsoSearch.Kind.CONE, "10.684708 41.26875", "0.1", "10")));
            assertEquals(List.of("Cancelled"), status);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aWrongFieldIsNamedBeforeAnythingIsSent() {
        assertEquals("radius (0.0) must be within (0, 180] degrees", assertThrows(IllegalArgumentException.class,
            () -> IsoSearch.read("ida.observations", IsoSearch.Kind.CONE, "M31", "0", "10")).getMessage());
        assertEquals("radius \"x\" is not a number", assertThrows(IllegalArgumentException.class,
            () -> IsoSearch.read("ida.observations", IsoSearch.Kind.CONE, "M31", "x", "10")).getMessage());
        assertEquals("\"8000A\" is not a TDT: expected 1 to 10 digits", assertThrows(IllegalArgumentException.class,
            () -> IsoSearch.read("ivoa.ssap", IsoSearch.Kind.TDT, "8000A", "", "10")).getMessage());
        assertEquals("MAXREC (0) must be at least 1", assertThrows(IllegalArgumentException.class,
            () -> IsoSearch.read("ida.observations", IsoSearch.Kind.ADQL, "SELECT 1", "", "0")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> IsoSearch.read("ida.observations", IsoSearch.Kind.CONE, "10 95", "1", "10")).getMessage()
            .contains("Dec"));
        assertEquals("\"ftp://x\" is neither 'local' nor an http(s) URL",
            assertThrows(IllegalArgumentException.class, () -> IsoLoadDialog.archive("ftp://x")).getMessage());
        assertEquals(ArchiveSettings.production(), IsoLoadDialog.archive(" Production "));
        assertFalse(IsoLoadDialog.archive("local").base() != null);
    }

    @Test
    void aTargetNameIsResolvedOnTheWorker() throws IOException {
        IsoSearch s = IsoSearch.read("ivoa.obscore", IsoSearch.Kind.CONE, "M31", "0.1", "10");
        assertEquals(org.isosamp.archive.IsoArchive.coneQuery("ivoa.obscore", 10.5, 41.25, 0.1),
                     s.adql(name -> new org.isosamp.model.SkyPosition(10.5, 41.25)));
    }
}
