package org.isosamp.topcat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.isosamp.archive.ArchiveSettings;
import org.isosamp.archive.QueryResult;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.Test;
import uk.ac.starlink.table.DefaultValueInfo;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.TableFormatException;

/**
 * The {@code :iso:} scheme through STIL's own {@link StarTableFactory}, as TOPCAT's command line and Load window use
 * it, on the local archive by URL (as {@code iso-samp topcat --archive local} names it); and the archive field's
 * choices that the same launcher's properties make.
 */
class IsoTableSchemeTest {

    private final String url = SharedArchive.get().baseUrl().toString();

    private StarTable load(String location) throws IOException {
        StarTableFactory f = new StarTableFactory();
        f.addScheme(new IsoTableScheme(url));
        return f.makeStarTable(location);
    }

    private static List<Object> column(StarTable t, String name) throws IOException {
        int c = -1;
        for (int i = 0; i < t.getColumnCount(); i++) {
            c = t.getColumnInfo(i).getName().equals(name) ? i : c;
        }
        assertTrue(c >= 0, "column " + name);
        List<Object> out = new ArrayList<>();
        try (var rows = t.getRowSequence()) {
            while (rows.next()) {
                out.add(rows.getCell(c));
            }
        }
        return out;
    }

    @Test
    void aTdtLoadsThatObservationsRowWithDegreesFirst() throws IOException {
        StarTable t = load(":iso:80000203");
        assertEquals(List.of(80000203L), column(t, "tdt").stream().map(v -> ((Number) v).longValue()).toList());
        assertEquals("ISO ida.observations TDT 80000203", t.getName());
        assertEquals("ra_deg", firstWithUcd(t, "pos.eq.ra;meta.main"), "TOPCAT's sky position in degrees");
        // TOPCAT's command-line loader sets a parameter on each table it loads
        int before = t.getParameters().size();
        t.setParameter(new DescribedValue(new DefaultValueInfo("loaded_by", String.class, null), "TOPCAT"));
        t.setParameter(new DescribedValue(new DefaultValueInfo("loaded_by", String.class, null), "TOPCAT 4.8.7"));
        assertEquals(before + 1, t.getParameters().size());
        assertEquals("TOPCAT 4.8.7", t.getParameterByName("loaded_by").getValue());
    }

    @Test
    void adqlAndConeLoadWhatTheArchiveAnswers() throws IOException {
        StarTable adql = load(":iso:SELECT TOP 3 tdt, target FROM ida.observations ORDER BY tdt");
        assertEquals(3, column(adql, "tdt").size());
        QueryResult want = SharedArchive.client().cone("ida.observations", 10.684708, 41.26875, 0.1, 1000);
        assertTrue(want.table().getRowCount() > 0);
        StarTable cone = load(":iso:cone=10.684708 41.26875, 0.1");
        assertEquals(want.table().getRowCount(), cone.getRowCount());
        assertEquals("ISO ida.observations cone 10.684708 41.26875 r=0.1", cone.getName());
    }

    @Test
    void aWrongSpecificationIsNamedWithTheUsage() {
        // STIL's factory gives the usage and keeps ours, with the reason, as the cause (TOPCAT shows both)
        TableFormatException e = assertThrows(TableFormatException.class, () -> load(":iso:hello"));
        assertTrue(e.getMessage().startsWith("Bad format for :iso:" + IsoTableScheme.USAGE), e.getMessage());
        assertEquals(":iso:hello: not a TDT, a cone= or an ADQL SELECT", reason(e));
        e = assertThrows(TableFormatException.class, () -> load(":iso:cone=M31"));
        assertEquals(":iso:cone=M31: no radius: expected cone=<target-or-ra-dec>,<radius-deg>", reason(e));
        e = assertThrows(TableFormatException.class, () -> load(":iso:cone=M31,wide"));
        assertEquals(":iso:cone=M31,wide: Radius \"wide\" is not a number", reason(e));
        e = assertThrows(TableFormatException.class, () -> IsoTableScheme.search("12345678901"));
        assertEquals(":iso:12345678901: TDT \"12345678901\" is not a TDT: expected 1 to 10 digits", e.getMessage());
    }

    @Test
    void theArchiveIsThePropertysElseProduction() {
        assertEquals(ArchiveSettings.production(), new IsoTableScheme(null).settings());
        assertEquals(ArchiveSettings.production(), new IsoTableScheme(" ").settings());
        assertEquals(ArchiveSettings.at(HttpUrl.get(url)), new IsoTableScheme(url).settings());
        assertEquals("iso", new IsoTableScheme().getSchemeName());
    }

    @Test
    void theArchiveFieldOffersWhatTheLauncherChoseFirst() {
        String local = "http://127.0.0.1:4242/nida-sl-tap/";
        assertArrayEquals(new String[] {"production"}, DialogArchives.choices(null, null));
        assertArrayEquals(new String[] {"local", "production"}, DialogArchives.choices(local, local));
        assertArrayEquals(new String[] {"local", "production"}, DialogArchives.choices(" " + local, local + " "));
        assertArrayEquals(new String[] {"https://mirror.example/nida-sl-tap/", "production"},
                          DialogArchives.choices("https://mirror.example/nida-sl-tap/", null));
        assertArrayEquals(new String[] {"production", "local"}, DialogArchives.choices("production", local));
        assertArrayEquals(new String[] {"production"}, DialogArchives.choices("Production", null));
    }

    /** @return the message of the scheme's own exception in the chain */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith(":iso:")) {
                return t.getMessage();
            }
        }
        return e.toString();
    }

    private static String firstWithUcd(StarTable t, String ucd) {
        for (int i = 0; i < t.getColumnCount(); i++) {
            if (ucd.equals(t.getColumnInfo(i).getUCD())) {
                return t.getColumnInfo(i).getName();
            }
        }
        return null;
    }
}
