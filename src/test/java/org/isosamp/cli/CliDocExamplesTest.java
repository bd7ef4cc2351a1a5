package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.AsciiTableHDU;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example of the astroquery.esa.iso documentation, through the iso-samp
 * command line, against the local archive: the documented rows and files.
 */
class CliDocExamplesTest {

    static final String M31 = "SELECT tdt,ra,dec,aotname,target FROM ida.observations WHERE "
        + "INTERSECTS(CIRCLE('ICRS',10.68470833,41.26875,0.08333333333333333),ida.observations.s_region_fov)=1";

    static List<String> tarNames(Path tar) throws Exception {
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream t = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = t.getNextEntry(); e != null; e = t.getNextEntry()) {
                names.add(e.getName() + " " + e.getSize());
            }
        }
        return names;
    }

    @Test
    void m31QueryPrintsFortyNineRowsWithUnits() {
        CliRun r = CliRun.run("query", M31);
        assertEquals(0, r.exit(), r.err());
        List<String> l = r.lines();
        assertTrue(l.get(0).matches("\\s*tdt\\s+ra\\s+dec\\s+aotname\\s+target"), l.get(0));
        assertTrue(l.get(1).matches("\\s*h\\s+deg"), l.get(1));
        assertEquals("Length = 49 rows", l.get(l.size() - 1));
        assertTrue(r.out().contains("..."), "middle rows elided as pprint does");
    }

    @Test
    void top10SavedAsCsvUnderTheGivenName(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("results10.csv");
        CliRun r = CliRun.run("query", "select top 10 * from ida.observations", "--output-format", "csv",
                              "--output-file", f.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(11, Files.readAllLines(f).size());
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary files left");
        }
    }

    @Test
    void votableOutputIsTheArchivesCheckedAnswer(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m31.vot");
        CliRun r = CliRun.run("query", M31, "--output-file", f.toString());
        assertEquals(0, r.exit(), r.err());
        uk.ac.starlink.table.StarTable t = new uk.ac.starlink.table.StarTableFactory(false)
            .makeStarTable(f.toString(), "votable");
        assertEquals(49, uk.ac.starlink.table.Tables.randomTable(t).getRowCount());
        assertEquals("h", t.getColumnInfo(1).getUnitString());
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary files left");
        }
    }

    @Test
    void observationTarAsDocumented(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.run("download", "80000203", "--retrieval-type", "OBSERVATION",
                              "--product-level", "DEFAULT_DATA_SET", "--filename", "80000203", "--dir", dir.toString());
        assertEquals(0, r.exit(), r.err());
        Path tar = dir.resolve("80000203.tar");
        assertEquals(tar.toString(), r.out().trim());
        List<String> names = tarNames(tar);
        assertTrue(names.containsAll(List.of(
            "././ISO1659972236/EXTRAKON//pich80000203.gif 1094",
            "././ISO1659972236/EXTRAKON//C10480000203.tar 266240",
            "././ISO1659972236/EXTRAKON//psph80000203.fits 14400",
            "././ISO1659972236/EXTRAKON//ppch80000203.gif 5599",
            "././ISO1659972236/EXTRAKON//C10180000203.tar 266240")), names.toString());
    }

    @Test
    void revolution800QueryThenAllItsTarsAtOnce(@TempDir Path dir) throws Exception {
        CliRun q = CliRun.run("query", "SELECT tdt, revno, aotname, ra, dec  FROM ida.observations WHERE "
                              + "revno=800 and aotname like 'S%' and target != ''", "--output-format", "csv",
                              "--output-file", dir.resolve("rev800.csv").toString());
        assertEquals(0, q.exit(), q.err());
        List<String> rows = Files.readAllLines(dir.resolve("rev800.csv"));
        assertEquals(9, rows.size());
        List<String> args = new ArrayList<>(List.of("download", "--dir", dir.toString(), "--parallel", "3"));
        for (String row : rows.subList(1, rows.size())) {
            args.add(row.split(",")[0]);
        }
        CliRun d = CliRun.run(args.toArray(String[]::new));
        assertEquals(0, d.exit(), d.err());
        assertEquals(8, d.lines().size());
        for (String f : d.lines()) {
            assertTrue(f.endsWith(".tar") && Files.size(Path.of(f)) > 0, f);
        }
    }

    @Test
    void revolution800LoopInOneCommandWithSafeExtraction(@TempDir Path dir) throws Exception {
        CliRun d = CliRun.run("download", "--from-query", "SELECT tdt FROM ida.observations WHERE "
                              + "revno=800 and aotname like 'S%' and target != ''", "--extract", "--dir", dir.toString());
        assertEquals(0, d.exit(), d.err());
        assertEquals(8, d.lines().size(), d.out());
        for (String line : d.lines()) {
            assertTrue(line.matches(".*/8000\\d{4} \\(\\d+ files\\)"), line);
        }
        try (var s = Files.walk(dir)) {
            assertTrue(s.allMatch(p -> p.normalize().startsWith(dir)));
        }
    }

    @Test
    void postcardNamedAsAsked(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.run("postcard", "80001538", "--filename", "postcard", "--dir", dir.toString());
        assertEquals(0, r.exit(), r.err());
        byte[] png = Files.readAllBytes(dir.resolve("postcard.png"));
        assertEquals("\u0089PNG", new String(png, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void tablesAndColumnsAsDocumented() {
        CliRun t = CliRun.run("tables");
        assertEquals(0, t.exit(), t.err());
        assertEquals(53, t.lines().size());
        assertTrue(t.lines().containsAll(List.of("hpdp.cam_sato", "tap_config.coord_sys", "tap_schema.columns",
                                                 "ida.observations", "ivoa.obscore", "ivoa.siap", "ivoa.ssap")));
        CliRun c = CliRun.run("columns", "ida.observations");
        assertEquals(0, c.exit(), c.err());
        assertEquals(List.of("aotname", "bp_valid", "cal_flag", "cam_par_flag", "caveat", "cdec",
            "comment", "cra", "croll", "dec", "default_vo_product", "display",
            "dist_status", "ehalind", "end_time", "fov", "hpdp_available",
            "instid", "instrument_mode", "num_publications", "object_type", "obsid",
            "obsno", "obsno_char", "osn", "ott", "prodqlty", "propid", "qltyver",
            "ra", "ra_deg", "revno", "s_region", "s_region_fov", "speed",
            "start_time", "target", "targetno", "tdt", "tdt_char", "type",
            "usredata_available", "utc_end", "utc_start", "wavelengths"), c.lines());
    }

    @Test
    void voTablesAroundM31() {
        for (String q : new String[] {
                "SELECT target_name, ra, dec, reference FROM ivoa.ssap WHERE "
                + "INTERSECTS(CIRCLE('ICRS',10.684708333333333,41.26875,0.08333333333333333),s_region_fov)=1",
                "SELECT image_title, ra, dec, access_url FROM ivoa.siap WHERE "
                + "INTERSECTS(CIRCLE('ICRS',10.684708333333333,41.26875,0.08333333333333333),s_region_fov)=1" }) {
            CliRun r = CliRun.run("query", q);
            assertEquals(0, r.exit(), r.err());
            assertEquals("Length = 4 rows", r.lines().get(r.lines().size() - 1), r.out());
        }
    }

    @Test
    void standaloneImageAndSpectrum(@TempDir Path dir) throws Exception {
        CliRun i = CliRun.run("download", "80001538", "--retrieval-type", "STANDALONE", "--filename", "80001538",
                              "--dir", dir.toString());
        assertEquals(0, i.exit(), i.err());
        try (Fits f = new Fits(dir.resolve("80001538.fits").toFile())) {
            BasicHDU<?> h = f.readHDU();
            assertEquals(List.of(32, 32), List.of(h.getAxes()[0], h.getAxes()[1]));
            assertEquals(-32, h.getBitpix().getHeaderValue());
        }
        CliRun s = CliRun.run("download", "58002102", "--retrieval-type", "standalone", "--filename", "58002102",
                              "--dir", dir.toString());
        assertEquals(0, s.exit(), s.err());
        try (Fits f = new Fits(dir.resolve("58002102.fits").toFile())) {
            BasicHDU<?>[] hdus = f.read();
            assertEquals(12, hdus.length);
            assertTrue(hdus[1] instanceof AsciiTableHDU);
            assertEquals(958, ((AsciiTableHDU) hdus[1]).getNRows());
        }
    }

    @Test
    void coneSearchesSaveTheAdql() {
        CliRun r = CliRun.run("cone", "10.68470833", "41.26875", "--radius", "0.08333333333333333");
        assertEquals(0, r.exit(), r.err());
        assertEquals("Length = 49 rows", r.lines().get(r.lines().size() - 1));
        CliRun s = CliRun.run("cone", "10.68470833", "41.26875", "--table", "ivoa.ssap");
        assertEquals("Length = 4 rows", s.lines().get(s.lines().size() - 1));
    }
}
