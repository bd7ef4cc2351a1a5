package org.isosamp.local.samples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.isosamp.local.meta.ArchiveMetadata;
import org.isosamp.local.meta.TableDef;

/** The committed samples, loaded once through {@link SampleCsv}. */
final class Samples {

    static final Path DIR = SampleCsv.defaultDirectory();
    private static ArchiveMetadata meta;
    private static Map<String, List<Object[]>> rows;

    private Samples() {
    }

    static synchronized ArchiveMetadata meta() throws Exception {
        if (meta == null) {
            meta = SampleCsv.readMetadata(DIR);
        }
        return meta;
    }

    static synchronized Map<String, List<Object[]>> rows() throws Exception {
        if (rows == null) {
            Map<String, List<Object[]>> m = new LinkedHashMap<>();
            for (TableDef t : meta().tables()) {
                List<Object[]> l = new ArrayList<>();
                SampleCsv.readRows(DIR, t, (name, v) -> l.add(v));
                m.put(t.name(), l);
            }
            rows = m;
        }
        return rows;
    }

    /** Rows of a table as column-name maps. */
    static List<Map<String, Object>> table(String name) throws Exception {
        TableDef t = meta().table(name).orElseThrow();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object[] r : rows().get(t.name())) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < r.length; i++) {
                m.put(t.columns().get(i).name(), r[i]);
            }
            out.add(m);
        }
        return out;
    }
}
