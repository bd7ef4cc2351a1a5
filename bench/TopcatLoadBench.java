import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.isosamp.archive.ArchiveSearch;
import org.isosamp.archive.ArchiveSettings;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.table.TableSequence;
import uk.ac.starlink.table.gui.TableLoader;
import uk.ac.starlink.util.ContentCoding;
import uk.ac.starlink.vo.TapQuery;
import uk.ac.starlink.vo.TapServices;
import uk.ac.starlink.vo.UwsJob;

/**
 * Loads the same queries into one JVM that has TOPCAT 4.8.7 on its class path, two ways, alternating:
 * <ul>
 * <li>{@code plugin}: the loader iso-samp's "ISO Data Archive" dialog hands TOPCAT
 *     ({@code org.isosamp.topcat.IsoTableLoader}, reached by reflection: it is package-private), from
 *     {@code iso-samp-topcat.jar};</li>
 * <li>{@code tap-sync} / {@code tap-async}: TOPCAT's own TAP client, {@code uk.ac.starlink.vo.TapQuery}, as its TAP
 *     load dialog runs it (gzip content coding, TOPCAT's default storage policy; async with a 250 ms poll).</li>
 * </ul>
 * Each load is timed from the call to the table in hand, then every cell is read once (TOPCAT shows the table), and
 * the total is reported. Arguments: the archive's TAP URL (as serve-local prints it), runs per query, and
 * optionally {@code cone} for the cone alone.
 */
public class TopcatLoadBench {

    public static void main(String[] args) throws Exception {
        // TOPCAT's STIL logs each UWS step and storage choice at INFO: not part of what is measured
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.setLevel(java.util.logging.Level.WARNING);
        Arrays.stream(root.getHandlers()).forEach(h -> h.setLevel(java.util.logging.Level.WARNING));
        URL tap = new URL(args[0]);
        int runs = Integer.parseInt(args[1]);
        // iso-samp takes the archive's base (…/nida-sl-tap/), TOPCAT the TAP service under it (…/nida-sl-tap/tap/)
        ArchiveSettings settings = ArchiveSettings.parse(new URL(tap, "..").toString());
        Class<?> archivesClass = Class.forName("org.isosamp.topcat.DialogArchives");
        Constructor<?> ac = archivesClass.getDeclaredConstructor();
        ac.setAccessible(true);
        Object archives = ac.newInstance();
        Constructor<?> lc = Class.forName("org.isosamp.topcat.IsoTableLoader")
            .getDeclaredConstructor(archivesClass, ArchiveSettings.class, ArchiveSearch.class, Consumer.class);
        lc.setAccessible(true);

        Map<String, ArchiveSearch> searches = new LinkedHashMap<>();
        searches.put("M31 cone", ArchiveSearch.builder("ida.observations")
            .text(ArchiveSearch.Field.TARGET, "10.684708 41.26875").text(ArchiveSearch.Field.RADIUS, "0.1")
            .maxrec(1000).build());
        if (args.length < 3 || !args[2].equals("cone")) searches.put("40k rows", ArchiveSearch.adqlBuilder("SELECT * FROM ida.observations").maxrec(100000).build());

        StarTableFactory factory = new StarTableFactory();
        StoragePolicy storage = StoragePolicy.getDefaultPolicy();
        System.out.printf(Locale.ROOT, "# %s, %d runs per way after 2 warm-ups, TOPCAT's STIL from %s%n", tap, runs,
                          StarTable.class.getProtectionDomain().getCodeSource().getLocation());
        for (Map.Entry<String, ArchiveSearch> e : searches.entrySet()) {
            ArchiveSearch search = e.getValue();
            String adql = search.adql(name -> {
                throw new IllegalStateException("no names here");
            });
            Map<String, String> params = Map.of("MAXREC", Long.toString(search.maxrec()));
            Map<String, List<Double>> times = new LinkedHashMap<>();
            long[] rows = new long[3];
            for (int r = -2; r < runs; r++) {
                String[] ways = r % 2 == 0 ? new String[] {"plugin", "tap-sync", "tap-async"}
                                           : new String[] {"tap-async", "tap-sync", "plugin"};
                for (String way : ways) {
                    long t0 = System.nanoTime();
                    StarTable table;
                    switch (way) {
                        case "plugin" -> {
                            TableLoader loader = (TableLoader) lc.newInstance(archives, settings, search,
                                                                              (Consumer<String>) s -> { });
                            TableSequence seq = loader.loadTables(factory);
                            table = seq.nextTable();
                        }
                        case "tap-sync" -> table = new TapQuery(TapServices.createDefaultTapService(tap), adql,
                                                                params).executeSync(storage, ContentCoding.GZIP);
                        default -> {
                            UwsJob job = new TapQuery(TapServices.createDefaultTapService(tap), adql, params)
                                .submitAsync();
                            job.start();
                            try {
                                table = TapQuery.waitForResult(job, ContentCoding.GZIP, storage, 250);
                            } finally {
                                job.attemptDelete();
                            }
                        }
                    }
                    long n = readAll(table);
                    double s = (System.nanoTime() - t0) / 1e9;
                    if (r >= 0) {
                        times.computeIfAbsent(way, k -> new ArrayList<>()).add(s);
                    }
                    rows[way.equals("plugin") ? 0 : way.equals("tap-sync") ? 1 : 2] = n;
                }
            }
            System.out.printf(Locale.ROOT, "%-9s rows plugin=%d tap=%d tap-async=%d%n", e.getKey(), rows[0], rows[1],
                              rows[2]);
            double plugin = median(times.get("plugin"));
            for (Map.Entry<String, List<Double>> t : times.entrySet()) {
                double m = median(t.getValue());
                System.out.printf(Locale.ROOT, "%-9s %-9s median %7.1f ms  min %7.1f ms  plugin/this %.2f%n",
                                  e.getKey(), t.getKey(), m * 1e3,
                                  t.getValue().stream().mapToDouble(Double::doubleValue).min().orElse(0) * 1e3,
                                  plugin / m);
            }
        }
        System.exit(0);
    }

    /** Reads every cell once, as TOPCAT's table view and statistics would. */
    private static long readAll(StarTable table) throws java.io.IOException {
        long n = 0;
        int nc = table.getColumnCount();
        try (RowSequence rs = table.getRowSequence()) {
            while (rs.next()) {
                for (int c = 0; c < nc; c++) {
                    rs.getCell(c);
                }
                n++;
            }
        }
        return n;
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
