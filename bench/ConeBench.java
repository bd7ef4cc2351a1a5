import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.isosamp.local.LocalArchive;

/**
 * Cone-search latency of the local archive, measured at the server's HTTP
 * interface on loopback (one keep-alive client, sync TAP, VOTable TABLEDATA),
 * at a given number of synthetic observations.
 *
 * <pre>
 * java -Xmx8g -cp target/iso-samp.jar bench/ConeBench.java 40000 1000
 * </pre>
 * Args: synthetic observations, measured queries (default 1000), radius in deg (default 1/12).
 * Prints start-up time, then p50/p90/p99/max for the indexed form
 * INTERSECTS(CIRCLE(...), s_region_fov)=1 and, for comparison, the same
 * predicate wrapped so that the zone index cannot be used (a full scan).
 */
public class ConeBench {
    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 40_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        double radius = args.length > 2 ? Double.parseDouble(args[2]) : 1.0 / 12;
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        long t0 = System.nanoTime();
        try (LocalArchive archive = LocalArchive.builder().port(0).synthetic(n).start()) {
            System.out.printf(Locale.ROOT, "observations: %d synthetic + samples; start-up %.0f ms (archive says %d ms)%n",
                n, (System.nanoTime() - t0) / 1e6, archive.startMillis());
            HttpClient http = HttpClient.newHttpClient();
            String sync = archive.strictTapUrl() + "/sync";
            report("indexed   ", http, sync, queries, radius, false, new Random(7));
            int scanQueries = n > 100_000 ? 10 : Math.max(20, queries / 5);   // a 1M scan takes seconds
            report("full scan ", http, sync, scanQueries, radius, true, new Random(7));
        }
    }

    static void report(String label, HttpClient http, String sync, int queries, double radius, boolean scan,
                       Random random) throws Exception {
        for (int i = 0; i < (scan ? 2 : Math.min(200, queries)); i++) {
            run(http, sync, cone(random, radius, scan));
        }
        long[] ns = new long[queries];
        long rows = 0;
        for (int i = 0; i < queries; i++) {
            String q = cone(random, radius, scan);
            long t = System.nanoTime();
            rows += run(http, sync, q);
            ns[i] = System.nanoTime() - t;
        }
        Arrays.sort(ns);
        System.out.printf(Locale.ROOT, "%s n=%d  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms  (mean rows %.1f)%n",
            label, queries, ns[queries / 2] / 1e6, ns[(int) (queries * 0.9)] / 1e6,
            ns[(int) (queries * 0.99)] / 1e6, ns[queries - 1] / 1e6, rows / (double) queries);
    }

    /** Half the cones on a uniform sky, half near the dense galactic plane and M31. */
    static String cone(Random r, double radius, boolean scan) {
        double ra;
        double dec;
        if (r.nextBoolean()) {
            ra = r.nextDouble() * 360;
            dec = Math.toDegrees(Math.asin(2 * r.nextDouble() - 1));
        } else if (r.nextBoolean()) {
            ra = 10.68 + r.nextGaussian() * 0.5;
            dec = 41.27 + r.nextGaussian() * 0.5;
        } else {
            ra = 266.4 + r.nextGaussian() * 20;         // towards the Galactic centre
            dec = -28.9 + r.nextGaussian() * 5;
        }
        ra = ((ra % 360) + 360) % 360;
        dec = Math.max(-90, Math.min(90, dec));
        String pred = String.format(Locale.ROOT,
            "INTERSECTS(CIRCLE('ICRS',%.6f,%.6f,%.6f),s_region_fov)=1", ra, dec, radius);
        if (scan) {
            pred = "(" + pred + " OR 1=0)";
        }
        return "SELECT tdt,ra_deg,dec,aotname,target FROM ida.observations WHERE " + pred;
    }

    static long run(HttpClient http, String sync, String query) throws Exception {
        String body = "LANG=ADQL&FORMAT=votable/td&QUERY=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sync))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return r.body().split("<TR>", -1).length - 1;
    }
}
