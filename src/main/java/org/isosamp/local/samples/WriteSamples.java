package org.isosamp.local.samples;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.isosamp.local.meta.ArchiveMetadata;
import org.isosamp.local.meta.ColumnDef;
import org.isosamp.local.meta.TableDef;

/**
 * Writes the committed sample archive: {@code schemas.csv}, {@code tables.csv},
 * {@code columns.csv} and {@code data/<table>.csv} for every table.
 * Deterministic: running it again reproduces the files byte for byte.
 * <pre>
 *   java -cp target/iso-samp.jar org.isosamp.local.samples.WriteSamples samples/
 * </pre>
 */
public final class WriteSamples {

    /** Synthetic observations added to the documented ones. */
    static final int EXTRA_OBSERVATIONS = 300;
    static final long EXTRA_SEED = 19951117L;   // ISO's launch date
    static final String SAMPLE_COMMENT = "synthetic sample row (not ISO data)";
    static final String POSTCARD_URL = "http://nida.esac.esa.int/nida-sl-tap/data?RETRIEVAL_TYPE=POSTCARD&tdt=";

    private WriteSamples() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(args.length > 0 ? args[0] : "samples");
        write(dir);
        System.out.println("Wrote the sample archive to " + dir.toAbsolutePath());
    }

    /** Writes all sample files under {@code dir}. */
    public static void write(Path dir) throws Exception {
        ArchiveMetadata meta = SampleSchema.build();
        SampleCsv.writeMetadata(dir, meta);
        Map<String, List<Object[]>> rows = rows(meta);
        for (TableDef t : meta.tables()) {
            List<String> header = t.columns().stream().map(ColumnDef::name).toList();
            try (SampleCsv.CsvOut w = new SampleCsv.CsvOut(SampleCsv.dataFile(dir, t.name()), header)) {
                for (Object[] r : rows.getOrDefault(t.name(), List.of())) {
                    w.row(r);
                }
            }
        }
    }

    /** @return the sample observations: documented ones, then the synthetic extras. */
    static List<Obs> observations() {
        List<Obs> all = new ArrayList<>(DocRows.all());
        Set<Integer> used = new HashSet<>();
        for (Obs o : all) {
            used.add(o.tdt);
        }
        SplittableRandom tdts = new SplittableRandom(EXTRA_SEED + 1);
        SyntheticArchive.Gen gen = new SyntheticArchive.Gen(EXTRA_SEED, SAMPLE_COMMENT);
        for (int i = 0; i < EXTRA_OBSERVATIONS; i++) {
            int tdt;
            do {
                int rev = 2 + tdts.nextInt(874);
                int seq = 1 + tdts.nextInt(499);
                int sub = 1 + tdts.nextInt(99);
                tdt = rev * 100000 + seq * 100 + sub;
            } while (tdt / 100000 == SyntheticArchive.RESERVED_REVOLUTION || !used.add(tdt));
            all.add(gen.next(tdt));
        }
        return all;
    }

    /** @return every table's rows, keyed by table name, values in declared column order. */
    static Map<String, List<Object[]>> rows(ArchiveMetadata meta) throws Exception {
        Map<String, List<Object[]>> out = new LinkedHashMap<>();
        RowSink sink = (t, v) -> out.computeIfAbsent(t, k -> new ArrayList<>()).add(v);
        SyntheticArchive.Emitter em = new SyntheticArchive.Emitter(meta);
        List<Obs> obs = observations();
        for (Obs o : obs) {
            em.emit(o, sink);
        }
        Rows r = new Rows(meta, sink);

        // postcards of every prime, non-calibration observation
        for (Obs o : obs) {
            if (!o.aot.parallel() && !o.calibration) {
                r.add("ida.postcards", "tdt", o.tdt, "postcard_url", POSTCARD_URL + o.tdtChar(), "format", "image/png");
            }
        }
        // proposals used by the observations, and their (synthetic) observers
        TreeSet<String> props = new TreeSet<>();
        for (Obs o : obs) {
            props.add(o.propid);
        }
        int i = 0;
        for (String p : props) {
            r.add("ida.proposals", "propid", p, "title", "Synthetic proposal " + p + " (local sample)",
                  "observer_id", 1 + i % 5, "category", p.equals("CALIB") ? "Calibration" : "Synthetic");
            i++;
        }
        for (int k = 1; k <= 5; k++) {
            r.add("ida.observers", "observer_id", k, "name", "Synthetic Observer " + k,
                  "affiliation", "local sample (not a real person)");
        }
        for (String t : new String[] {
            "Galaxy", "Star", "Variable Star", "HII Region", "Planetary Nebula", "Molecular Cloud",
            "Young Stellar Object", "Star Forming Region", "Evolved Star", "Interstellar Medium" }) {
            r.add("ida.object_type", "object_type", t, "description", t + " (sample vocabulary)");
        }
        r.add("ida.dqrflags", "flag", "OK", "description", "No known problem (sample)");
        r.add("ida.dqrflags", "flag", "CAVEAT", "description", "See ida.observations.caveat (sample)");
        r.add("ida.dqrflags", "flag", "FAILED", "description", "Observation failed (sample)");
        // the documented OBSERVATION tar of 80000203 lists these EXTRAKON files
        for (String[] f : new String[][] {
            { "pich80000203.gif", "preview" }, { "C10480000203.tar", "map" },
            { "psph80000203.fits", "spectrum" }, { "ppch80000203.gif", "preview" },
            { "C10180000203.tar", "map" } }) {
            r.add("hpdp.extrakon", "tdt", 80000203, "target", targetOf(obs, 80000203), "aotname", "P22",
                  "product_file", f[0], "product_type", f[1],
                  "comment", "file name as listed in the documentation; target synthetic");
        }
        r.add("hpdp.sws01hrd", "tdt", 40001501, "target", "M31_BULGE", "aotname", "S01",
              "product_file", "sws01hrd_40001501.fits", "product_type", "spectrum", "comment", SAMPLE_COMMENT);
        r.add("tap_config.coord_sys", "coord_sys", "ICRS", "description", "International Celestial Reference System",
              "supported", 1);
        r.add("tap_config.coord_sys", "coord_sys", "FK5", "description", "FK5, J2000 (treated as ICRS)",
              "equinox", "J2000", "supported", 1);
        r.add("tap_config.coord_sys", "coord_sys", "J2000", "description", "FK5 J2000 (treated as ICRS)",
              "equinox", "J2000", "supported", 1);
        r.add("tap_config.coord_sys", "coord_sys", "FK4", "description", "FK4, B1950", "equinox", "B1950",
              "supported", 0);
        r.add("tap_config.coord_sys", "coord_sys", "GALACTIC", "description", "Galactic coordinates",
              "supported", 0);
        return out;
    }

    private static String targetOf(List<Obs> obs, int tdt) {
        return obs.stream().filter(o -> o.tdt == tdt).findFirst().orElseThrow().target;
    }

    /** Adds rows to small tables by column name (unnamed columns NULL). */
    private static final class Rows {
        private final ArchiveMetadata meta;
        private final RowSink sink;

        Rows(ArchiveMetadata meta, RowSink sink) {
            this.meta = meta;
            this.sink = sink;
        }

        void add(String table, Object... kv) throws Exception {
            TableDef t = meta.table(table).orElseThrow();
            Object[] row = new Object[t.columns().size()];
            for (int i = 0; i < kv.length; i += 2) {
                String col = (String) kv[i];
                int idx = t.columns().indexOf(t.column(col).orElseThrow(
                    () -> new IllegalArgumentException(table + " has no column " + col)));
                row[idx] = ObsColumns.convert(kv[i + 1], t.columns().get(idx).javaClass());
            }
            sink.row(table, row);
        }
    }

    static void check(boolean ok, String msg) throws IOException {
        if (!ok) {
            throw new IOException(msg);
        }
    }
}
