import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Metadata;
import org.astrogrid.samp.client.AbstractMessageHandler;
import org.astrogrid.samp.client.HubConnection;
import org.astrogrid.samp.client.HubConnector;
import org.astrogrid.samp.hub.Hub;
import org.isosamp.archive.IsoArchive;
import org.isosamp.archive.QueryResult;
import org.isosamp.local.LocalArchive;
import org.isosamp.samp.ConeSearcher;
import org.isosamp.samp.HubLocation;
import org.isosamp.samp.PointAt;
import org.isosamp.samp.PointAtHandler;
import org.isosamp.samp.ProductServer;
import org.isosamp.samp.ReceiveListener;
import org.isosamp.samp.SampClient;
import org.isosamp.samp.SampManifest;
import org.isosamp.samp.SentTables;
import org.isosamp.samp.TableSender;
import org.isosamp.samp.TablePublisher;
import uk.ac.starlink.table.StarTable;

/**
 * coord.pointAt.sky to broadcast, end to end, in one JVM: a real JSAMP hub (private lockfile), an "Aladin" client
 * that notifies positions as Aladin does, iso-samp (SampClient + PointAtHandler + ConeSearcher with its default
 * settings: ivoa.obscore, ivoa.ssap, ivoa.siap, r = 0.1 deg, settle 50 ms, burst quiet 300 ms) against the local
 * archive with synthetic observations, and a "TOPCAT" client that receives the tables.
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * java -Xmx8g -cp target/iso-samp.jar bench/PointAtBench.java 40000 200 5
 * </pre>
 * Args: synthetic observations (default 40000), measured positions (default 200), bursts (default 5).
 *
 * <p>Latency: from just before Aladin's {@code notify} to TOPCAT's receipt of the first and of the last
 * {@code table.load.votable} for that position, at the centres of ivoa.obscore rows drawn at random (seeded), so
 * that every position has at least one table; one position at a time (the next is sent once the previous
 * is done: clicks, not a burst). Tables go out through iso-samp's own {@code TableSender}, as {@code listen}
 * registers it (VOTable BINARY2 in a session folder, served from the loopback ProductServer, call-and-wait with a
 * 10 s reply timeout).
 *
 * <p>Burst: 100 positions notified one every 10 ms (from a small pool on a fixed schedule: one notify takes the
 * hub 5-30 ms here), walking along a dense field; then the tables TOPCAT got are counted, and checked to be the
 * last received position's.
 */
public class PointAtBench {

    static final List<Double> SEND_MS = new CopyOnWriteArrayList<>();
    static final Map<Long, Long> RECEIVED = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 40_000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int bursts = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        java.util.logging.Logger.getLogger("org.astrogrid.samp").setLevel(java.util.logging.Level.WARNING);
        Path dir = Files.createTempDirectory("pointat-bench");
        long t0 = System.nanoTime();
        try (LocalArchive local = LocalArchive.builder().port(0).synthetic(n).start();
             ProductServer server = ProductServer.start()) {
            System.out.printf(Locale.ROOT, "local archive: %d synthetic observations + samples, up in %.1f s%n", n,
                              (System.nanoTime() - t0) / 1e9);
            IsoArchive archive = new IsoArchive(HttpUrl.get(local.baseUrl().toString()), IsoArchive.defaultHttpClient(),
                                                null);
            HubLocation where = HubLocation.of(dir.resolve("samp.lock").toString());
            Hub hub = where.startHub();
            try {
                run(archive, where, server, dir, measured, bursts);
            } finally {
                hub.shutdown();
            }
        }
        System.exit(0);   // OkHttp's dispatcher threads are not daemons
    }

    static void run(IsoArchive archive, HubLocation where, ProductServer server, Path dir, int measured, int bursts)
            throws Exception {
        // TOPCAT: records when each table arrives, by name
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        List<String> arrivals = new CopyOnWriteArrayList<>();
        HubConnector topcat = client(where, "topcat", new AbstractMessageHandler("table.load.votable") {
            @Override
            public Map<?, ?> processCall(HubConnection c, String senderId, Message msg) {
                String name = (String) msg.getParam("name");
                arrived.put(name, System.nanoTime());
                arrivals.add(name);
                return null;
            }
        });
        HubConnector aladin = client(where, "Aladin", null);

        SampClient samp = new SampClient(where.profile(), SampManifest.load(), server);
        ConeSearcher searcher = new ConeSearcher(archive, new TimedSender(new TableSender(samp, server,
                                                 new SentTables(), Duration.ofSeconds(10), TableSender.DEFAULT_MAX_TABLES)),
                                                 ConeSearcher.Settings.of(SampManifest.load()));
        Map<Long, CountDownLatch> done = new ConcurrentHashMap<>();
        Map<Long, List<String>> published = new ConcurrentHashMap<>();
        Map<Long, PointAt> bySeq = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        List<Long> searchMs = new CopyOnWriteArrayList<>();
        searcher.addListener(new ReceiveListener() {
            @Override
            public void searched(PointAt p, String table, long rows, long millis, boolean overflow) {
                searchMs.add(millis);
            }

            @Override
            public void received(PointAt p) {
                RECEIVED.put(p.seq(), System.nanoTime());
                bySeq.put(p.seq(), p);
            }

            @Override
            public void published(PointAt p, String table, TablePublisher.Sent sent) {
                published.computeIfAbsent(p.seq(), k -> new CopyOnWriteArrayList<>()).add(sent.table().name());
            }

            @Override
            public void failed(PointAt p, String table, Exception e) {
                failures.incrementAndGet();
                System.out.println("failed: " + p + " " + table + ": " + e);
            }

            @Override
            public void finished(PointAt p) {
                done.computeIfAbsent(p.seq(), k -> new CountDownLatch(1)).countDown();
            }

            @Override
            public void cancelled(PointAt p) {
                done.computeIfAbsent(p.seq(), k -> new CountDownLatch(1)).countDown();
            }
        });
        samp.addHandler(new PointAtHandler(searcher));
        samp.start(0);
        if (!samp.awaitConnection(Duration.ofSeconds(10))) {
            throw new IllegalStateException("iso-samp did not register");
        }
        String self = samp.selfId();
        while (!aladin.getConnection().getSubscribedClients("coord.pointAt.sky").containsKey(self)) {
            Thread.sleep(10);
        }

        // positions where the archive has observations
        QueryResult centres = archive.query(
            org.isosamp.archive.QueryRequest.builder("SELECT s_ra, s_dec FROM ivoa.obscore").maxrec(1_000_000).build());
        StarTable t = centres.table();
        Random random = new Random(20261124);
        long seq = 0;
        int warm = 20;
        double[] first = new double[measured];
        double[] last = new double[measured];
        double[] delivery = new double[measured];
        int tables = 0;
        for (int i = 0; i < warm + measured; i++) {
            long row = (long) (random.nextDouble() * t.getRowCount());
            double ra = ((Number) t.getCell(row, 0)).doubleValue();
            double dec = ((Number) t.getCell(row, 1)).doubleValue();
            seq++;
            CountDownLatch latch = done.computeIfAbsent(seq, k -> new CountDownLatch(1));
            long sent = System.nanoTime();
            aladin.getConnection().notify(self, pointAt(ra, dec));
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("position " + seq + " not done in 30 s");
            }
            List<String> names = published.getOrDefault(seq, List.of());
            long firstAt = Long.MAX_VALUE;
            long lastAt = 0;
            for (String name : names) {
                Long at = arrived.get(name);
                long wait = System.nanoTime() + 5_000_000_000L;
                while (at == null && System.nanoTime() < wait) {   // the reply may beat the bookkeeping
                    Thread.sleep(1);
                    at = arrived.get(name);
                }
                firstAt = Math.min(firstAt, at);
                lastAt = Math.max(lastAt, at);
            }
            if (i >= warm) {
                if (names.isEmpty()) {
                    throw new IllegalStateException("no table for " + bySeq.get(seq));
                }
                first[i - warm] = (firstAt - sent) / 1e6;
                delivery[i - warm] = (RECEIVED.get(seq) - sent) / 1e6;
                last[i - warm] = (lastAt - sent) / 1e6;
                tables += names.size();
            }
        }
        System.out.printf(Locale.ROOT, "pointAt -> first table at TOPCAT  n=%d  %s%n", measured, stats(first));
        System.out.printf(Locale.ROOT, "pointAt -> last table at TOPCAT   n=%d  %s  (%.2f tables per position)%n",
                          measured, stats(last), tables / (double) measured);
        System.out.printf(Locale.ROOT, "  of which: hub delivery to iso-samp %s%n", stats(delivery));
        System.out.printf(Locale.ROOT, "  one cone search %s; one table send %s%n",
            stats(searchMs.stream().mapToDouble(Long::doubleValue).toArray()),
            stats(SEND_MS.stream().mapToDouble(Double::doubleValue).toArray()));

        // bursts
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(8);
        for (int b = 0; b < bursts; b++) {
            long row = (long) (random.nextDouble() * t.getRowCount());
            double ra0 = ((Number) t.getCell(row, 0)).doubleValue();
            double dec0 = ((Number) t.getCell(row, 1)).doubleValue();
            int before = arrivals.size();
            long firstSeq = seq + 1;
            List<ScheduledFuture<?>> sends = new ArrayList<>();
            List<String> sentPositions = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                double ra = ra0 + i * 0.0005;
                sentPositions.add(new PointAt(0, ra, dec0, "").position());
                sends.add(pool.schedule(() -> {
                    aladin.getConnection().notify(self, pointAt(ra, dec0));
                    return null;
                }, i * 10_000_000L, TimeUnit.NANOSECONDS));
            }
            for (ScheduledFuture<?> f : sends) {
                f.get();
            }
            double sendMs = (System.nanoTime() - start) / 1e6;
            seq += 100;
            CountDownLatch lastDone = done.computeIfAbsent(seq, k -> new CountDownLatch(1));
            while (bySeq.get(seq) == null) {
                Thread.sleep(5);
            }
            if (!lastDone.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("burst not done in 30 s");
            }
            Thread.sleep(1000);   // anything late would show now
            List<String> got = arrivals.subList(before, arrivals.size());
            String lastReceived = bySeq.get(seq).position();
            long ofLast = got.stream().filter(s -> s.contains(" near " + lastReceived + " ")).count();
            int positions = 0;
            for (long s = firstSeq; s <= seq; s++) {
                if (published.containsKey(s)) {
                    positions++;
                }
            }
            System.out.printf(Locale.ROOT, "burst %d: 100 notified in %.0f ms; TOPCAT got %d tables from %d"
                + " position(s), %d of the last received (%s)%s%n", b + 1, sendMs, got.size(), positions, ofLast,
                lastReceived, lastReceived.equals(sentPositions.get(99)) ? ", the last sent"
                    : "; the hub delivered it after the last sent, " + sentPositions.get(99));
        }
        pool.shutdown();
        System.out.println("failures: " + failures.get());
        searcher.close();
        samp.close();
        topcat.setActive(false);
        aladin.setActive(false);
    }

    static Message pointAt(double ra, double dec) {
        return new Message("coord.pointAt.sky").addParam("ra", String.format(Locale.ROOT, "%.6f", ra))
            .addParam("dec", String.format(Locale.ROOT, "%.6f", dec));
    }

    static String stats(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms", s[s.length / 2],
                             s[(int) (s.length * 0.9)], s[(int) (s.length * 0.99)], s[s.length - 1]);
    }

    static HubConnector client(HubLocation where, String name, AbstractMessageHandler handler) throws Exception {
        HubConnector c = new HubConnector(where.profile());
        Metadata meta = new Metadata();
        meta.setName(name);
        c.declareMetadata(meta);
        if (handler != null) {
            c.addMessageHandler(handler);
        }
        c.declareSubscriptions(c.computeSubscriptions());
        c.setActive(true);
        if (!c.isConnected()) {
            throw new IllegalStateException(name + " did not register");
        }
        return c;
    }

    /** iso-samp's own sender, as {@code listen} registers it, timed around each send. */
    record TimedSender(TableSender sender) implements TablePublisher {
        @Override
        public Sent send(StarTable table, String name, String recipientId) throws IOException {
            long t0 = System.nanoTime();
            Sent sent = sender.send(table, name, recipientId);
            SEND_MS.add((System.nanoTime() - t0) / 1e6);
            return sent;
        }
    }
}
