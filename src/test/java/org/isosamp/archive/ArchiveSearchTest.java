package org.isosamp.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.isosamp.archive.ArchiveSearch.BadField;
import org.isosamp.archive.ArchiveSearch.Field;
import org.isosamp.archive.ArchiveSearch.Instrument;
import org.isosamp.model.SkyPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The ADQL each kind of search makes on each table, and the one message per wrong field. */
class ArchiveSearchTest {

    private static ArchiveSearch.Builder on(String table) {
        return ArchiveSearch.builder(table);
    }

    @Test
    void aConeOnAPositionIsTheCoreConeQuery() {
        for (String table : ArchiveSearch.TABLES) {
            ArchiveSearch s = on(table).target("10.684708 41.26875").radius(0.2).build();
            assertFalse(s.needsResolver());
            assertEquals(IsoArchive.coneQuery(table, 10.684708, 41.26875, 0.2), s.adql());
        }
        // sexagesimal, RA in hours
        ArchiveSearch s = on("ivoa.ssap").text(Field.TARGET, "00:42:44.3 +41:16:09").build();
        assertTrue(s.adql().startsWith("SELECT * FROM ivoa.ssap WHERE INTERSECTS(CIRCLE('ICRS',10.6845"), s.adql());
        assertTrue(s.adql().endsWith(",0.1),s_region_fov)=1"), s.adql());
    }

    @Test
    void aTargetNameIsResolvedWhenTheAdqlIsMade() throws IOException {
        ArchiveSearch s = on("ivoa.obscore").target("M31").build();
        assertTrue(s.needsResolver());
        assertThrows(IllegalStateException.class, s::adql);
        List<String> asked = new ArrayList<>();
        String adql = s.adql(name -> {
            asked.add(name);
            return new SkyPosition(10.5, 41.25);
        });
        assertEquals(List.of("M31"), asked);
        assertEquals(IsoArchive.coneQuery("ivoa.obscore", 10.5, 41.25, 0.1), adql);
        assertEquals("ISO ivoa.obscore cone M31 r=0.1", s.label());
    }

    @Test
    void aTdtOnEachTable() {
        assertEquals("SELECT * FROM ida.observations WHERE tdt = 43701073",
                     on("ida.observations").text(Field.TDT, "43701073").build().adql());
        assertEquals("SELECT * FROM ivoa.obscore WHERE obs_id = '03701073'",
                     on("ivoa.obscore").tdt(3701073).build().adql());
        assertEquals("SELECT * FROM ivoa.ssap WHERE tdt = 3701073", on("ivoa.ssap").tdt(3701073).build().adql());
        assertEquals("SELECT * FROM ivoa.siap WHERE tdt = 3701073", on("IVOA.SIAP").tdt(3701073).build().adql());
    }

    @Test
    void aRevolutionOnEachTable() {
        assertEquals("SELECT * FROM ida.observations WHERE revno = 437",
                     on("ida.observations").text(Field.REVOLUTION, " 437 ").build().adql());
        assertEquals("SELECT * FROM ivoa.obscore WHERE obs_id LIKE '037%'",
                     on("ivoa.obscore").revolution(37).build().adql());
        assertEquals("SELECT * FROM ivoa.ssap WHERE tdt BETWEEN 43700000 AND 43799999",
                     on("ivoa.ssap").revolution(437).build().adql());
        assertEquals("SELECT * FROM ivoa.siap WHERE tdt BETWEEN 0 AND 99999",
                     on("ivoa.siap").revolution(0).build().adql());
    }

    @Test
    void anInstrumentAndAnAot() {
        assertEquals("SELECT * FROM ida.observations WHERE instid = 'CAM' AND aotname = 'C01'",
                     on("ida.observations").text(Field.INSTRUMENT, "isocam").text(Field.AOT, "c01").build().adql());
        assertEquals("SELECT * FROM ivoa.obscore WHERE instrument_name = 'ISOPHOT'",
                     on("ivoa.obscore").instrument(Instrument.PHT).build().adql());
        assertEquals("SELECT * FROM ivoa.ssap WHERE aotname = 'S01'",
                     on("ivoa.ssap").aot("S01").build().adql());
        assertEquals("SELECT * FROM ivoa.siap WHERE instrument_name = 'ISOCAM' AND aotname = 'C//'",
                     on("ivoa.siap").instrument(Instrument.CAM).aot("C//").build().adql());
    }

    @Test
    void aTimeRangeOnEachTable() {
        ArchiveSearch.Builder b = on("ida.observations").text(Field.START, "1997-01-27")
            .text(Field.END, "1997-01-27");
        assertEquals("SELECT * FROM ida.observations WHERE end_time >= '1997-01-27T00:00:00'"
                     + " AND start_time <= '1997-01-27T23:59:59.999'", b.build().adql());
        // ObsCore's times are MJD: 1997-01-27T00:00 is MJD 50475
        assertEquals("SELECT * FROM ivoa.obscore WHERE t_max >= 50475.0 AND t_min <= 50475.5",
                     b.table("ivoa.obscore").text(Field.END, "1997-01-27 12:00Z").build().adql());
        assertEquals("SELECT * FROM ivoa.ssap WHERE date_obs >= '1997-01-27T00:00:00'"
                     + " AND date_obs <= '1997-01-27T12:00:00'", b.table("ivoa.ssap").build().adql());
        assertEquals("SELECT * FROM ivoa.siap WHERE date_obs <= '1996-02-01T10:30:00'",
                     on("ivoa.siap").end(LocalDateTime.of(1996, 2, 1, 10, 30)).build().adql());
        assertEquals(50475.0, ArchiveSearch.mjd(LocalDateTime.of(1997, 1, 27, 0, 0)));
    }

    @Test
    void fieldsCombineWithAnd() throws IOException {
        ArchiveSearch s = on("ida.observations").target("10 41").radius(1).instrument(Instrument.SWS)
            .revolution(437).text(Field.START, "1997-01-01").maxrec(50).build();
        assertEquals(IsoArchive.coneQuery("ida.observations", 10, 41, 1)
                     + " AND revno = 437 AND instid = 'SWS' AND end_time >= '1997-01-01T00:00:00'", s.adql());
        assertEquals("ISO ida.observations cone 10 41 r=1.0 rev 437 instrument SWS from 1997-01-01T00:00:00",
                     s.label());
        assertEquals(50, s.maxrec());
        QueryRequest r = s.request(name -> null);
        assertEquals(s.adql(), r.adql());
        assertEquals(50, r.maxrec());
        assertEquals(s, s.newBuilder().build());
    }

    @Test
    void adqlAndOtherTables() {
        ArchiveSearch s = ArchiveSearch.adqlBuilder("  SELECT TOP 5 * FROM ida.postcards\n").maxrec(5).build();
        assertEquals("SELECT TOP 5 * FROM ida.postcards", s.adql());
        assertEquals("ISO ADQL SELECT TOP 5 * FROM ida.postcards", s.label());
        assertEquals("SELECT * FROM ida.postcards", on("ida.postcards").build().adql());
        assertEquals("ISO ida.postcards (all rows)", on("ida.postcards").build().label());
        assertEquals("SELECT * FROM ivoa.ssap", on("ivoa.ssap").build().adql());
    }

    @Test
    void stringsAreQuotedAsAdqlLiterals() {
        assertEquals("'O''Brien''s'", ArchiveSearch.literal("O'Brien's"));
        // a name never reaches the ADQL: only its resolved, checked numbers do
        assertThrows(BadField.class, () -> on("ida.observations").aot("S0' OR '1'='1").build());
    }

    @Test
    void eachWrongFieldIsNamed() {
        bad(Field.RADIUS, "Radius (0.0) must be within (0, 180] degrees",
            () -> on("ida.observations").text(Field.RADIUS, "0"));
        bad(Field.RADIUS, "Radius \"x\" is not a number", () -> on("ida.observations").text(Field.RADIUS, "x"));
        bad(Field.TDT, "TDT \"8000A\" is not a TDT: expected 1 to 10 digits",
            () -> on("ivoa.ssap").text(Field.TDT, "8000A"));
        bad(Field.REVOLUTION, "Revolution \"x\" is not a whole number",
            () -> on("ivoa.ssap").text(Field.REVOLUTION, "x"));
        bad(Field.REVOLUTION, "Revolution (1000) must be within 0..999",
            () -> on("ivoa.ssap").text(Field.REVOLUTION, "1000"));
        bad(Field.REVOLUTION, "Revolution (99999999999) must be within 0..999",
            () -> on("ivoa.ssap").text(Field.REVOLUTION, "99999999999"));
        bad(Field.INSTRUMENT, "Instrument \"MIPS\" is not one of CAM, LWS, PHT, SWS",
            () -> on("ivoa.ssap").text(Field.INSTRUMENT, "MIPS"));
        bad(Field.AOT, "AOT \"X01\" is not an ISO AOT: expected an instrument letter (C, L, P, S) and two digits,"
                       + " e.g. S01 or C//", () -> on("ivoa.ssap").text(Field.AOT, "X01"));
        bad(Field.AOT, "AOT S01 is not an AOT of CAM (its AOTs start with C)",
            () -> on("ivoa.ssap").aot("S01").instrument(Instrument.CAM).build());
        bad(Field.AOT, "ivoa.obscore has no AOT column: search ida.observations, ivoa.ssap or ivoa.siap by AOT",
            () -> on("ivoa.obscore").aot("S01").build());
        bad(Field.START, "Start \"27/01/1997\" is not a UTC date: expected YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss]",
            () -> on("ivoa.ssap").text(Field.START, "27/01/1997"));
        bad(Field.END, "End (1997-01-01T23:59:59.999) is before Start (1997-02-01T00:00:00)",
            () -> on("ivoa.ssap").text(Field.START, "1997-02-01").text(Field.END, "1997-01-01").build());
        bad(Field.MAXREC, "MAXREC (0) must be at least 1", () -> on("ivoa.ssap").text(Field.MAXREC, "0"));
        bad(Field.MAXREC, "MAXREC \"lots\" is not a whole number", () -> on("ivoa.ssap").text(Field.MAXREC, "lots"));
        bad(Field.TABLE, "Table \"ida.observations; DROP\" is not a table name (schema.table)",
            () -> on("ida.observations; DROP"));
        bad(Field.TARGET, "Target is empty: give a position (\"10.684708 41.26875\") or a name",
            () -> on("ivoa.ssap").target(" "));
        BadField dec = assertThrows(BadField.class, () -> on("ivoa.ssap").text(Field.TARGET, "10 95"));
        assertEquals(Field.TARGET, dec.field());
        assertTrue(dec.getMessage().startsWith("Target \"10 95\": ") && dec.getMessage().contains("Dec"),
                   dec.getMessage());
        bad(Field.TDT, "TDT cannot be combined with ADQL: clear one of them",
            () -> on("ivoa.ssap").tdt(1).adql("SELECT 1").build());
        bad(Field.ADQL, "ADQL is empty", () -> ArchiveSearch.adqlBuilder(" "));
        bad(Field.REVOLUTION, "Revolution is offered on ida.observations, ivoa.obscore, ivoa.ssap, ivoa.siap; search"
                              + " ida.postcards with ADQL", () -> on("ida.postcards").revolution(3).build());
    }

    @Test
    void blankTextClearsAField() {
        ArchiveSearch s = on("ivoa.ssap").tdt(5).aot("S01").text(Field.TDT, "").text(Field.AOT, " ")
            .text(Field.MAXREC, "").text(Field.RADIUS, "").build();
        assertEquals("SELECT * FROM ivoa.ssap", s.adql());
        assertEquals(QueryRequest.DEFAULT_MAXREC, s.maxrec());
        assertEquals(ArchiveSearch.DEFAULT_RADIUS, s.radius());
    }

    private static void bad(Field field, String message, Executable e) {
        BadField b = assertThrows(BadField.class, e);
        assertEquals(message, b.getMessage());
        assertEquals(field, b.field());
    }
}
