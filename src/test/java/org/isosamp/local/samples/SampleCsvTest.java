package org.isosamp.local.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.isosamp.local.meta.ArchiveMetadata;
import org.isosamp.local.meta.ColumnDef;
import org.isosamp.local.meta.TableDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCsvTest {

    @Test
    void theJarCarriesTheSamplesSoTheLocalArchiveWorksFromAnyFolder() throws Exception {
        try (var files = Files.list(Path.of("samples/data"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                String res = SampleCsv.PACKED + "data/" + f.getFileName();
                try (var in = SampleCsv.class.getResourceAsStream(res)) {
                    assertNotNull(in, res + " packed");
                    assertEquals(Files.readString(f), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                        res + " is samples/data's copy");
                }
            }
        }
        assertNotNull(SampleCsv.class.getResource(SampleCsv.PACKED + SampleCsv.TABLES));
    }


    /** ISO.get_tables() in the documentation, without tap_schema.*. */
    static final List<String> DOC_TABLES = List.of(
        "hpdp.cam_sato", "hpdp.cambendo", "hpdp.chopc2i", "hpdp.chopc2ii", "hpdp.compkon", "hpdp.evolkon",
        "hpdp.extrakon", "hpdp.kon3p6i", "hpdp.kon3p6ii", "hpdp.konkoly", "hpdp.lwsasti", "hpdp.lwsastii",
        "hpdp.misckon", "hpdp.p32_c200", "hpdp.p32virgo", "hpdp.scanskon", "hpdp.sloansws", "hpdp.solarkon",
        "hpdp.sws01hrd", "hpdp.ysokon", "tap_config.coord_sys", "ida.aph", "ida.cam_expert",
        "ida.cam_measurement", "ida.dqr", "ida.dqrflags", "ida.iasd_line", "ida.lws_expert", "ida.lws_extras",
        "ida.lws_lsan", "ida.lws_measurement", "ida.obs_pointing", "ida.observers", "ida.pht_expert",
        "ida.postcards", "ida.proposals", "ida.publication_authors", "ida.sws_common", "ida.sws_expert",
        "ida.usredata", "ida.usredata_files", "ida.object_type", "ida.observations", "ida.publications",
        "ida.publications_observations", "ivoa.obscore", "ivoa.siap", "ivoa.ssap");

    /** ISO.get_columns('ida.observations') in the documentation. */
    static final List<String> DOC_OBS_COLUMNS = List.of(
        "aotname", "bp_valid", "cal_flag", "cam_par_flag", "caveat", "cdec", "comment", "cra", "croll", "dec",
        "default_vo_product", "display", "dist_status", "ehalind", "end_time", "fov", "hpdp_available",
        "instid", "instrument_mode", "num_publications", "object_type", "obsid", "obsno", "obsno_char", "osn",
        "ott", "prodqlty", "propid", "qltyver", "ra", "ra_deg", "revno", "s_region", "s_region_fov", "speed",
        "start_time", "target", "targetno", "tdt", "tdt_char", "type", "usredata_available", "utc_end",
        "utc_start", "wavelengths");

    @Test
    void metadataParsesAndEqualsTheModelInCode() throws Exception {
        ArchiveMetadata meta = Samples.meta();
        assertEquals(List.of("ida", "hpdp", "ivoa", "tap_config"),
                     meta.schemas().stream().map(ArchiveMetadata.SchemaDef::name).toList());
        assertEquals(DOC_TABLES, meta.tables().stream().map(TableDef::name).toList());
        assertEquals(SampleSchema.build().tables(), meta.tables());
        assertEquals(SampleSchema.build().schemas(), meta.schemas());
        assertTrue(meta.keys().isEmpty());
        for (TableDef t : meta.tables()) {
            assertFalse(t.columns().isEmpty(), t.name());
            assertFalse(t.description().isBlank(), t.name());
        }
    }

    @Test
    void observationsHasTheDocumentedColumnsAndTypes() throws Exception {
        TableDef t = Samples.meta().table("ida.observations").orElseThrow();
        assertEquals(DOC_OBS_COLUMNS, t.columns().stream().map(ColumnDef::name).toList());
        assertEquals("s_region_fov", t.spatial().regionColumn());
        assertEquals("ra_deg", t.spatial().raColumn());
        assertEquals("dec", t.spatial().decColumn());
        assertCol(t, "tdt", "int", null, null);
        assertCol(t, "ra", "double", "h", null);
        assertCol(t, "ra_deg", "double", "deg", null);
        assertCol(t, "dec", "double", "deg", null);
        assertCol(t, "cra", "double", "deg", null);
        assertCol(t, "cdec", "double", "deg", null);
        assertCol(t, "revno", "int", null, null);
        assertCol(t, "obsno", "int", null, null);
        assertCol(t, "aotname", "char", null, null);
        assertCol(t, "target", "char", null, null);
        assertCol(t, "s_region", "char", null, "adql:REGION");
        assertCol(t, "s_region_fov", "char", null, "adql:REGION");
        for (String ts : List.of("start_time", "end_time", "utc_start", "utc_end")) {
            assertCol(t, ts, "char", null, "timestamp");
        }
        assertEquals("8", t.column("tdt_char").orElseThrow().arraysize());
        assertEquals("9", t.column("obsno_char").orElseThrow().arraysize());
    }

    private static void assertCol(TableDef t, String name, String type, String unit, String xtype) {
        ColumnDef c = t.column(name).orElseThrow();
        assertEquals(type, c.datatype(), name);
        assertEquals(unit, c.unit(), name);
        assertEquals(xtype, c.xtype(), name);
        if (c.isString()) {
            assertNotNull(c.arraysize(), name);
        }
    }

    @Test
    void spatialTablesDeclareDegreeColumns() throws Exception {
        ArchiveMetadata meta = Samples.meta();
        assertEquals(List.of("s_region_fov", "s_ra", "s_dec"), spatial(meta, "ivoa.obscore"));
        assertEquals(List.of("s_region_fov", "ra", "dec"), spatial(meta, "ivoa.ssap"));
        assertEquals(List.of("s_region_fov", "ra", "dec"), spatial(meta, "ivoa.siap"));
        for (TableDef t : meta.tables()) {
            if (t.spatial() != null) {
                assertEquals("deg", t.column(t.spatial().raColumn()).orElseThrow().unit(), t.name());
                assertEquals("deg", t.column(t.spatial().decColumn()).orElseThrow().unit(), t.name());
                assertEquals("adql:REGION", t.column(t.spatial().regionColumn()).orElseThrow().xtype(), t.name());
            }
        }
        assertEquals("ivo://ivoa.net/std/ObsCore#table-1.1", meta.table("ivoa.obscore").orElseThrow().utype());
    }

    private static List<String> spatial(ArchiveMetadata meta, String table) {
        TableDef t = meta.table(table).orElseThrow();
        return List.of(t.spatial().regionColumn(), t.spatial().raColumn(), t.spatial().decColumn());
    }

    @Test
    void unitsAreVoUnitClean() throws Exception {
        Set<String> ok = Set.of("deg", "h", "s", "um", "m", "d", "arcsec", "kbyte", "byte");
        for (TableDef t : Samples.meta().tables()) {
            for (ColumnDef c : t.columns()) {
                assertTrue(c.unit() == null || ok.contains(c.unit()), t.name() + "." + c.name() + " " + c.unit());
            }
        }
    }

    @Test
    void everyDataFileHasTheDeclaredHeaderAndTypedValues() throws Exception {
        ArchiveMetadata meta = Samples.meta();
        Map<String, List<Object[]>> rows = Samples.rows();
        for (TableDef t : meta.tables()) {
            Path f = SampleCsv.dataFile(Samples.DIR, t.name());
            assertTrue(Files.exists(f), f.toString());
            String header = Files.readAllLines(f).get(0);
            assertEquals(String.join(",", t.columns().stream().map(ColumnDef::name).toList()), header, t.name());
            for (Object[] r : rows.get(t.name())) {
                assertEquals(t.columns().size(), r.length);
                for (int i = 0; i < r.length; i++) {
                    if (r[i] != null) {
                        assertEquals(t.columns().get(i).javaClass(), r[i].getClass(),
                                     t.name() + "." + t.columns().get(i).name());
                    }
                }
            }
        }
        assertTrue(rows.get("ida.observations").size() >= 200);
        assertTrue(rows.get("ivoa.obscore").size() > rows.get("ivoa.ssap").size());
    }

    @Test
    void emptyStringIsNotNull() throws Exception {
        Map<String, Object> r = Samples.table("ida.observations").stream()
            .filter(m -> m.get("tdt").equals(76196300)).findFirst().orElseThrow();
        assertEquals("", r.get("target"));
        assertNull(r.get("ra"));
        assertNull(r.get("dec"));
        assertNull(r.get("ra_deg"));
        assertNotNull(r.get("s_region_fov"));
    }

    @Test
    void raDegIsFifteenTimesRa() throws Exception {
        for (Map<String, Object> r : Samples.table("ida.observations")) {
            Double h = (Double) r.get("ra");
            Double d = (Double) r.get("ra_deg");
            assertEquals(h == null, d == null);
            if (h != null) {
                assertTrue(h >= 0 && h < 24, "ra in hours: " + h);
                assertEquals(h * 15, d, 1e-8);
            }
        }
    }

    @Test
    void obscoreMandatoryColumnsMatchObsCore11() throws Exception {
        TableDef t = Samples.meta().table("ivoa.obscore").orElseThrow();
        // name, type family, utype (after obscore:), UCD, unit -- ObsCore 1.1 (+ Erratum 1)
        String[][] std = {
            { "dataproduct_type", "s", "ObsDataset.dataProductType", "meta.code.class", null },
            { "calib_level", "i", "ObsDataset.calibLevel", "meta.code;obs.calib", null },
            { "obs_collection", "s", "DataID.Collection", "meta.id", null },
            { "obs_id", "s", "DataID.observationID", "meta.id", null },
            { "obs_publisher_did", "s", "Curation.PublisherDID", "meta.ref.ivoid", null },
            { "access_url", "s", "Access.Reference", "meta.ref.url", null },
            { "access_format", "s", "Access.Format", "meta.code.mime", null },
            { "access_estsize", "i", "Access.Size", "phys.size;meta.file", "kbyte" },
            { "target_name", "s", "Target.Name", "meta.id;src", null },
            { "s_ra", "d", "Char.SpatialAxis.Coverage.Location.Coord.Position2D.Value2.C1", "pos.eq.ra", "deg" },
            { "s_dec", "d", "Char.SpatialAxis.Coverage.Location.Coord.Position2D.Value2.C2", "pos.eq.dec", "deg" },
            { "s_fov", "d", "Char.SpatialAxis.Coverage.Bounds.Extent.diameter", "phys.angSize;instr.fov", "deg" },
            { "s_region", "r", "Char.SpatialAxis.Coverage.Support.Area", "pos.outline;obs.field", null },
            { "s_resolution", "d", "Char.SpatialAxis.Resolution.Refval.value", "pos.angResolution", "arcsec" },
            { "s_xel1", "i", "Char.SpatialAxis.numBins1", "meta.number", null },
            { "s_xel2", "i", "Char.SpatialAxis.numBins2", "meta.number", null },
            { "t_min", "d", "Char.TimeAxis.Coverage.Bounds.Limits.StartTime", "time.start;obs.exposure", "d" },
            { "t_max", "d", "Char.TimeAxis.Coverage.Bounds.Limits.StopTime", "time.end;obs.exposure", "d" },
            { "t_exptime", "d", "Char.TimeAxis.Coverage.Support.Extent", "time.duration;obs.exposure", "s" },
            { "t_resolution", "d", "Char.TimeAxis.Resolution.Refval.value", "time.resolution", "s" },
            { "t_xel", "i", "Char.TimeAxis.numBins", "meta.number", null },
            { "em_min", "d", "Char.SpectralAxis.Coverage.Bounds.Limits.LoLimit", "em.wl;stat.min", "m" },
            { "em_max", "d", "Char.SpectralAxis.Coverage.Bounds.Limits.HiLimit", "em.wl;stat.max", "m" },
            { "em_res_power", "d", "Char.SpectralAxis.Resolution.ResolPower.refVal", "spect.resolution", null },
            { "em_xel", "i", "Char.SpectralAxis.numBins", "meta.number", null },
            { "o_ucd", "s", "Char.ObservableAxis.ucd", "meta.ucd", null },
            { "pol_states", "s", "Char.PolarizationAxis.stateList", "meta.code;phys.polarization", null },
            { "pol_xel", "i", "Char.PolarizationAxis.numBins", "meta.number", null },
            { "facility_name", "s", "Provenance.ObsConfig.Facility.name", "meta.id;instr.tel", null },
            { "instrument_name", "s", "Provenance.ObsConfig.Instrument.name", "meta.id;instr", null },
        };
        assertEquals(30, std.length);
        for (String[] s : std) {
            ColumnDef c = t.column(s[0]).orElseThrow(() -> new AssertionError("missing " + s[0]));
            assertTrue(("obscore:" + s[2]).equalsIgnoreCase(c.utype()), s[0] + " utype " + c.utype());
            assertEquals(s[3], c.ucd(), s[0] + " ucd");
            assertEquals(s[4], c.unit(), s[0] + " unit");
            Set<String> types = switch (s[1]) {
                case "s", "r" -> Set.of("char", "unicodeChar");
                case "i" -> Set.of("short", "int", "long");
                default -> Set.of("float", "double");
            };
            assertTrue(types.contains(c.datatype()), s[0] + " datatype " + c.datatype());
            if (s[1].equals("r")) {
                assertEquals("adql:REGION", c.xtype());
            }
            assertTrue(c.std(), s[0] + " std");
        }
        assertTrue(t.column("s_region_fov").isPresent());
    }

    @Test
    void obscoreContentPassesTaplintObsChecks() throws Exception {
        Set<String> types = Set.of("image", "cube", "spectrum", "sed", "timeseries", "visibility", "event",
                                   "measurements");
        List<Map<String, Object>> rows = Samples.table("ivoa.obscore");
        assertFalse(rows.isEmpty());
        Set<String> dids = new java.util.HashSet<>();
        for (Map<String, Object> r : rows) {
            for (String k : List.of("calib_level", "obs_collection", "obs_id", "obs_publisher_did")) {
                assertNotNull(r.get(k), k);
            }
            int cl = (Integer) r.get("calib_level");
            assertTrue(cl >= 0 && cl <= 4);
            assertTrue(types.contains((String) r.get("dataproduct_type")), (String) r.get("dataproduct_type"));
            assertTrue(dids.add((String) r.get("obs_publisher_did")), "duplicate DID");
            assertEquals("application/fits", r.get("access_format"));
            assertTrue((Double) r.get("em_min") < (Double) r.get("em_max"));
            assertTrue((Double) r.get("t_min") < (Double) r.get("t_max"));
        }
    }

    @Test
    void readerRejectsAWrongHeaderAndDistinguishesNullFromEmpty(@TempDir Path dir) throws Exception {
        ArchiveMetadata meta = Samples.meta();
        TableDef t = meta.table("tap_config.coord_sys").orElseThrow();
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(SampleCsv.dataFile(dir, t.name()),
                          "coord_sys,description,equinox,supported\nICRS,\"\",,1\n\"a,\"\"b\"\"\",x, y ,0\n");
        List<Object[]> rows = new ArrayList<>();
        assertEquals(2, SampleCsv.readRows(dir, t, (n, v) -> rows.add(v)));
        assertEquals("ICRS", rows.get(0)[0]);
        assertEquals("", rows.get(0)[1]);
        assertNull(rows.get(0)[2]);
        assertEquals((short) 1, rows.get(0)[3]);
        assertEquals("a,\"b\"", rows.get(1)[0]);
        Files.writeString(SampleCsv.dataFile(dir, t.name()), "coord_sys,equinox,description,supported\n");
        assertThrows(IOException.class, () -> SampleCsv.readRows(dir, t, (n, v) -> { }));
        Files.writeString(SampleCsv.dataFile(dir, t.name()),
                          "coord_sys,description,equinox,supported\nICRS,,,one\n");
        assertThrows(IOException.class, () -> SampleCsv.readRows(dir, t, (n, v) -> { }));
        assertEquals(0, SampleCsv.readRows(dir, meta.table("ida.aph").orElseThrow(), (n, v) -> { }));
    }
}
