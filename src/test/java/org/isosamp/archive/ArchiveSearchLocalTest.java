package org.isosamp.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.JulianFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.isosamp.archive.ArchiveSearch.Field;
import org.isosamp.archive.ArchiveSearch.Instrument;
import org.isosamp.model.SkyPosition;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * Each kind of search run on the local archive, its row count checked against one computed independently: the
 * table's rows read whole (plain {@code SELECT col, ... FROM table}) and filtered here in Java, or the core's plain
 * cone. So a wrong column, value spelling or time scale in {@link ArchiveSearch}'s ADQL shows as a wrong count.
 */
class ArchiveSearchLocalTest {

    private static IsoArchive archive;
    private static List<Object[]> observations; // tdt, revno, instid, aotname, start_time, end_time
    private static List<Object[]> obscore;      // obs_id, instrument_name, t_min, t_max
    private static List<Object[]> ssap;         // tdt, instrument_name, aotname, date_obs
    private static List<Object[]> siap;         // tdt, instrument_name, aotname, date_obs

    @BeforeAll
    static void readTables() throws IOException {
        archive = SharedArchive.client();
        observations = rows("SELECT tdt, revno, instid, aotname, start_time, end_time FROM ida.observations");
        obscore = rows("SELECT obs_id, instrument_name, t_min, t_max FROM ivoa.obscore");
        ssap = rows("SELECT tdt, instrument_name, aotname, date_obs FROM ivoa.ssap");
        siap = rows("SELECT tdt, instrument_name, aotname, date_obs FROM ivoa.siap");
        assertTrue(observations.size() > 100 && obscore.size() > 100 && ssap.size() > 50 && siap.size() > 50);
    }

    private static List<Object[]> rows(String adql) throws IOException {
        StarTable t = archive.query(QueryRequest.builder(adql).maxrec(1_000_000).build()).table();
        List<Object[]> rows = new ArrayList<>();
        try (RowSequence s = t.getRowSequence()) {
            while (s.next()) {
                rows.add(s.getRow());
            }
        }
        return rows;
    }

    private static long count(ArchiveSearch s) throws IOException {
        QueryResult r = archive.query(s.request(archive));
        assertFalse(r.overflow(), s.toString());
        return r.table().getRowCount();
    }

    private static long expect(List<Object[]> rows, Predicate<Object[]> keep) {
        return rows.stream().filter(keep).count();
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString().trim();
    }

    private static LocalDateTime time(Object o) {
        return LocalDateTime.parse(str(o));
    }

    @Test
    void byRevolutionOnEveryTable() throws IOException {
        // a revolution with spectra: then every table has rows of it
        int rev = (int) (num(ssap.get(0)[0]) / 100_000);
        long want = expect(observations, r -> num(r[1]) == rev);
        assertTrue(want > 0);
        assertEquals(want, count(ArchiveSearch.builder("ida.observations").revolution(rev).build()));
        assertEquals(expect(obscore, r -> Long.parseLong(str(r[0])) / 100_000 == rev),
                     count(ArchiveSearch.builder("ivoa.obscore").revolution(rev).build()));
        long spectra = expect(ssap, r -> num(r[0]) / 100_000 == rev);
        assertTrue(spectra > 0);
        assertEquals(spectra, count(ArchiveSearch.builder("ivoa.ssap").revolution(rev).build()));
        assertEquals(expect(siap, r -> num(r[0]) / 100_000 == rev),
                     count(ArchiveSearch.builder("ivoa.siap").revolution(rev).build()));
    }

    @Test
    void byTdtOnEveryTable() throws IOException {
        long tdt = num(siap.get(0)[0]);
        assertEquals(expect(observations, r -> num(r[0]) == tdt),
                     count(ArchiveSearch.builder("ida.observations").tdt(tdt).build()));
        long images = expect(siap, r -> num(r[0]) == tdt);
        assertTrue(images > 0);
        assertEquals(images, count(ArchiveSearch.builder("ivoa.siap").tdt(tdt).build()));
        long obscoreRows = expect(obscore, r -> Long.parseLong(str(r[0])) == tdt);
        assertTrue(obscoreRows > 0);
        assertEquals(obscoreRows, count(ArchiveSearch.builder("ivoa.obscore").tdt(tdt).build()));
    }

    @Test
    void byInstrumentAndAot() throws IOException {
        for (Instrument i : Instrument.values()) {
            long want = expect(observations, r -> str(r[2]).equals(i.name()));
            assertTrue(want > 0, i.name());
            assertEquals(want, count(ArchiveSearch.builder("ida.observations").instrument(i).build()), i.name());
            assertEquals(expect(obscore, r -> str(r[1]).equals(i.ivoaName())),
                         count(ArchiveSearch.builder("ivoa.obscore").instrument(i).build()), i.name());
            assertEquals(expect(ssap, r -> str(r[1]).equals(i.ivoaName())),
                         count(ArchiveSearch.builder("ivoa.ssap").instrument(i).build()), i.name());
        }
        long c01 = expect(observations, r -> str(r[2]).equals("CAM") && str(r[3]).equals("C01"));
        assertTrue(c01 > 0);
        assertEquals(c01, count(ArchiveSearch.builder("ida.observations").text(Field.INSTRUMENT, "CAM")
                                    .text(Field.AOT, "c01").build()));
        assertEquals(expect(ssap, r -> str(r[2]).equals("S01")),
                     count(ArchiveSearch.builder("ivoa.ssap").aot("S01").build()));
        assertEquals(expect(siap, r -> str(r[2]).equals("C01")),
                     count(ArchiveSearch.builder("ivoa.siap").aot("C01").build()));
    }

    @Test
    void theAotsOfferedAreTheArchives() throws IOException {
        List<String> aots = ArchiveSearch.aotValues(archive);
        List<String> want = observations.stream().map(r -> str(r[3])).filter(s -> !s.isEmpty()).distinct()
            .sorted().toList();
        assertEquals(want, aots);
    }

    @Test
    void byTimeRangeOnEveryTable() throws IOException {
        // the day of the first observation, and a range of a few months
        LocalDate day = time(observations.get(0)[4]).toLocalDate();
        LocalDateTime from = day.atStartOfDay();
        LocalDateTime to = day.plusDays(1).atStartOfDay();
        ArchiveSearch.Builder b = ArchiveSearch.builder("ida.observations").text(Field.START, day.toString())
            .text(Field.END, day.toString());
        long want = expect(observations, r -> time(r[5]).compareTo(from) >= 0 && time(r[4]).isBefore(to));
        assertTrue(want > 0);
        assertEquals(want, count(b.build()));
        // ObsCore in MJD, computed here by java.time's own Julian fields
        double mjdFrom = day.getLong(JulianFields.MODIFIED_JULIAN_DAY);
        assertEquals(expect(obscore, r -> ((Number) r[3]).doubleValue() >= mjdFrom
                                          && ((Number) r[2]).doubleValue() < mjdFrom + 1),
                     count(b.table("ivoa.obscore").build()));
        LocalDate spring = LocalDate.of(1996, 3, 1);
        LocalDate summer = LocalDate.of(1996, 8, 31);
        ArchiveSearch.Builder range = ArchiveSearch.builder("ivoa.ssap").text(Field.START, spring.toString())
            .text(Field.END, summer.toString());
        Predicate<Object[]> inRange = r -> !time(r[3]).toLocalDate().isBefore(spring)
                                           && !time(r[3]).toLocalDate().isAfter(summer);
        long spectra = expect(ssap, inRange);
        assertTrue(spectra > 0);
        assertEquals(spectra, count(range.build()));
        assertEquals(expect(siap, inRange), count(range.table("ivoa.siap").build()));
        // only a start
        assertEquals(expect(obscore, r -> ((Number) r[3]).doubleValue() >= spring.getLong(
                         JulianFields.MODIFIED_JULIAN_DAY)),
                     count(ArchiveSearch.builder("ivoa.obscore").text(Field.START, spring.toString()).build()));
    }

    @Test
    void fieldsCombined() throws IOException {
        LocalDate from = LocalDate.of(1996, 1, 1);
        LocalDate to = LocalDate.of(1996, 12, 31);
        long want = expect(observations, r -> str(r[2]).equals("SWS")
            && !time(r[5]).toLocalDate().isBefore(from) && !time(r[4]).toLocalDate().isAfter(to));
        assertTrue(want > 0);
        assertEquals(want, count(ArchiveSearch.builder("ida.observations").instrument(Instrument.SWS)
                                     .text(Field.START, "1996-01-01").text(Field.END, "1996-12-31").build()));
    }

    @Test
    void aConeOnAPositionAndOnAnArchiveTargetName() throws IOException {
        // the plain cone through the core, then kept to CAM here
        QueryResult cone = archive.cone("ida.observations", 10.684708, 41.26875, 0.1, 10_000);
        List<String> instids = column(cone.table(), "instid");
        assertTrue(instids.size() > 0);
        ArchiveSearch.Builder b = ArchiveSearch.builder("ida.observations").target("10.684708 41.26875");
        assertEquals(instids.size(), count(b.build()));
        assertEquals(instids.stream().filter("CAM"::equals).count(),
                     count(b.instrument(Instrument.CAM).build()));
        // a target name, from the archive's own target names (the tests run with ISO_SAMP_SESAME=off)
        String name = str(column(cone.table(), "target").get(0));
        SkyPosition p = NameResolver.configured(archive).resolve(name).position();
        long named = archive.cone("ivoa.obscore", p.raDeg(), p.decDeg(), 0.05, 10_000).table().getRowCount();
        assertTrue(named > 0);
        assertEquals(named, count(ArchiveSearch.builder("ivoa.obscore").target(name).radius(0.05).build()));
    }

    @Test
    void adqlAndAnyTable() throws IOException {
        long postcards = num(rows("SELECT COUNT(*) FROM ida.postcards").get(0)[0]);
        assertTrue(postcards > 0);
        assertEquals(postcards, count(ArchiveSearch.builder("ida.postcards").build()));
        assertEquals(3, count(ArchiveSearch.adqlBuilder("SELECT TOP 3 tdt FROM ida.observations").build()));
        QueryResult cut = archive.query(ArchiveSearch.builder("ida.observations").maxrec(5).build()
                                            .request(archive));
        assertTrue(cut.overflow());
        assertEquals(5, cut.table().getRowCount());
    }

    private static List<String> column(StarTable t, String name) throws IOException {
        int c = -1;
        for (int i = 0; i < t.getColumnCount(); i++) {
            if (t.getColumnInfo(i).getName().toLowerCase(Locale.ROOT).equals(name)) {
                c = i;
            }
        }
        assertTrue(c >= 0, name);
        List<String> values = new ArrayList<>();
        try (RowSequence s = t.getRowSequence()) {
            while (s.next()) {
                values.add(str(s.getCell(c)));
            }
        }
        return values;
    }
}
