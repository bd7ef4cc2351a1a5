package org.isosamp.samp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.WeakReference;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.RegInfo;
import org.astrogrid.samp.Response;
import org.astrogrid.samp.client.HubConnection;
import org.isosamp.testing.FakeViewer;
import org.isosamp.testing.RecordingPublisher;
import org.isosamp.testing.SharedArchive;
import org.isosamp.testing.TestBus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 10 000 random malformed messages (seeded) to the receiving handlers: every call is answered with a samp.error
 * naming a parameter, nothing escapes, and afterwards iso-samp still answers {@code samp.app.ping} and a good
 * position, its heap is where it was and it runs the same worker threads.
 *
 * <p>2 000 go through the real hub (half calls, half notifications, from 4 threads): the hub takes 10-30 ms per
 * message on the shared test machine, so all 10 000 that way would take minutes. The other 8 000 are delivered
 * straight to the handlers as JSAMP delivers them (same objects, same entry points), which also lets them carry
 * what no hub would pass on: non-string keys, numbers, nulls, a params entry that is not a map.
 */
class ReceiveFuzzTest {

    static final int TOTAL = 10_000;
    static final int VIA_HUB = 2_000;
    static final String SELF = "iso-samp-under-test";

    /** One malformed message and the parameter names an error about it may name. */
    record Fuzz(Message msg, Set<String> culprits) {
    }

    @RegisterExtension
    final TestBus bus = new TestBus();

    @Test
    void tenThousandMalformedMessagesLeaveTheListenerAnswering() throws Exception {
        RecordingPublisher publisher = new RecordingPublisher();
        ConeSearcher searcher = new ConeSearcher(SharedArchive.client(), publisher,
                                                 ConeSearcher.Settings.of(SampManifest.load()));
        SentTables tables = new SentTables();
        tables.add(new SentTable("iso-samp-1", new URL("http://127.0.0.1:1/iso-samp/1/t.vot"), "t",
                                 Path.of("t.vot"), 5));
        AtomicInteger rowEvents = new AtomicInteger();
        tables.addRowListener(new SentTables.RowListener() {
            @Override
            public void highlighted(SentTable t, long row, String senderId) {
                rowEvents.incrementAndGet();
            }

            @Override
            public void selected(SentTable t, long[] rows, String senderId) {
                rowEvents.incrementAndGet();
            }
        });
        AtomicInteger received = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        ReceiveListener counter = new ReceiveListener() {
            @Override
            public void received(PointAt p) {
                received.incrementAndGet();
            }

            @Override
            public void rejected(String senderId, String mtype, String errortxt) {
                rejected.incrementAndGet();
            }
        };
        searcher.addListener(counter);
        PointAtHandler pointAt = new PointAtHandler(searcher);
        RowMessageHandler rows = new RowMessageHandler(tables);
        pointAt.addListener(counter);
        rows.addListener(counter);
        try (FakeViewer fuzzer = new FakeViewer(bus.hub(), "fuzzer", "samp.app.ping")) {
            SampClient samp = bus.samp();
            samp.addHandler(pointAt);
            samp.addHandler(rows);
            bus.connect(1);
            String self = samp.selfId();
            assertTrue(fuzzer.connector().callAndWait(self, new Message("samp.app.ping"), 10).isOK());

            long heapBefore = usedHeapAfterGc();
            long workersBefore = ConeSearcherTest.workers();
            int threadsBefore = Thread.activeCount();
            Random random = new Random(20261123);
            Generator gen = new Generator(random);

            // 1. through the hub
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<String>> hubResults = new ArrayList<>();
            for (int i = 0; i < VIA_HUB; i++) {
                Fuzz f = gen.next(true);
                boolean call = i % 2 == 0;
                hubResults.add(pool.submit(() -> {
                    HubConnection c = fuzzer.connector().getConnection();
                    if (!call) {
                        c.notify(self, f.msg());
                        return null;
                    }
                    Response r = c.callAndWait(self, f.msg(), 30);
                    return check(f, r);
                }));
            }
            List<String> problems = new ArrayList<>();
            for (Future<String> fr : hubResults) {
                String p = fr.get();
                if (p != null) {
                    problems.add(p);
                }
            }
            pool.shutdown();

            // 2. straight to the handlers, as JSAMP's HubConnector would hand them over
            List<WeakReference<Message>> delivered = deliverDirectly(gen, TOTAL - VIA_HUB, pointAt, rows, problems);
            assertEquals(List.of(), problems.subList(0, Math.min(10, problems.size())),
                         problems.size() + " problems");
            assertEquals(0, received.get(), "a malformed position got through");
            assertEquals(0, rowEvents.get(), "a malformed row message got through");
            waitFor(() -> rejected.get() == TOTAL, "every message rejected: " + rejected.get());

            // still answering, and a good position still searched
            Response pong = fuzzer.connector().callAndWait(self, new Message("samp.app.ping"), 10);
            assertTrue(pong.isOK(), String.valueOf(pong));
            Response ok = fuzzer.connector().callAndWait(self, PointAtReceiveTest.pointAt("10.6847", "41.2690"), 10);
            assertTrue(ok.isOK(), String.valueOf(ok));
            assertEquals(3, publisher.await(3, 15_000).size());

            assertEquals(workersBefore, ConeSearcherTest.workers(), "worker threads");
            waitFor(() -> Thread.activeCount() <= threadsBefore + 16,
                    "threads " + threadsBefore + " -> " + Thread.activeCount());
            long heapAfter = usedHeapAfterGc();
            assertTrue(heapAfter - heapBefore < 48L << 20,
                "used heap after GC grew from " + (heapBefore >> 20) + " MiB to " + (heapAfter >> 20) + " MiB");
            long kept = delivered.stream().filter(m -> m.get() != null).count();
            assertEquals(0, kept, kept + " of the " + delivered.size() + " messages handed straight to the handlers"
                + " are still reachable after GC: something keeps them");
            System.err.printf("fuzz: heap after GC %d -> %d MiB, threads %d -> %d%n", heapBefore >> 20,
                              heapAfter >> 20, threadsBefore, Thread.activeCount());
        } finally {
            searcher.close();
        }
    }

    /** @return null if the response is a samp.error naming one of the culprits, else what is wrong */
    static String check(Fuzz f, Response r) {
        if (r == null || !Response.ERROR_STATUS.equals(r.getStatus())) {
            return "not an error: " + SampParams.safe(String.valueOf(f.msg()), 300) + " -> " + r;
        }
        String txt = r.getErrInfo().getErrortxt();
        for (String c : f.culprits()) {
            String q = SampParams.quote(c);
            if (txt.contains(q) || txt.contains(q.substring(0, q.length() - 1) + "[") || txt.contains(c + " must")
                || c.equals("parameter name") && txt.contains(": parameter name ")) {
                return null;
            }
        }
        return "\"" + SampParams.safe(txt, 300) + "\" names none of " + f.culprits();
    }

    /**
     * Hands messages straight to the handlers, as JSAMP's HubConnector would (every other one a call, its reply
     * checked), in a frame of its own so that no local variable of the test keeps the last one.
     *
     * @return a weak reference to each message: once handled, nothing should keep any
     */
    static List<WeakReference<Message>> deliverDirectly(Generator gen, int n, ImmediateReplyHandler pointAt,
            ImmediateReplyHandler rows, List<String> problems) {
        Map<String, Response> replies = new HashMap<>();
        HubConnection direct = stubConnection(replies);
        List<WeakReference<Message>> delivered = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Fuzz f = gen.next(false);
            delivered.add(new WeakReference<>(f.msg()));
            ImmediateReplyHandler h = PointAtHandler.MTYPE.equals(f.msg().get(Message.MTYPE_KEY)) ? pointAt : rows;
            if (i % 2 == 0) {
                h.receiveNotification(direct, "c9", f.msg());
            } else {
                String id = "msg-" + i;
                h.receiveCall(direct, "c9", id, f.msg());
                Response r = replies.remove(id);
                String p = r == null ? "no reply to " + f.msg() : check(f, r);
                if (p != null) {
                    problems.add(p);
                }
            }
        }
        return delivered;
    }

    /**
     * @return the heap in use after full collections, as the MemoryMXBean reports it: collected until two readings
     *         in a row agree within 1 MiB (at most 10 times), the lowest reading. {@code gc()} returns once the
     *         collection is done, so nothing waits in between.
     */
    static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long lowest = Long.MAX_VALUE;
        long previous = -1;
        for (int i = 0; i < 10; i++) {
            memory.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            lowest = Math.min(lowest, used);
            if (previous >= 0 && Math.abs(used - previous) < 1 << 20) {
                break;
            }
            previous = used;
        }
        return lowest;
    }

    static void waitFor(java.util.function.BooleanSupplier ok, String what) throws InterruptedException {
        org.isosamp.testing.Await.until(ok, java.time.Duration.ofSeconds(30), what);
    }

    /** A hub connection that only knows our id and records replies; JSAMP passes one like it to handlers. */
    static HubConnection stubConnection(Map<String, Response> replies) {
        RegInfo reg = new RegInfo();
        reg.put(RegInfo.SELFID_KEY, SELF);
        return (HubConnection) Proxy.newProxyInstance(ReceiveFuzzTest.class.getClassLoader(),
            new Class<?>[] {HubConnection.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getRegInfo" -> reg;
                case "reply" -> {
                    replies.put((String) args[0], Response.asResponse((Map<?, ?>) args[1]));
                    yield null;
                }
                case "toString" -> "stub connection";
                case "hashCode" -> 0;
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException(method.getName());
            });
    }

    /** Makes malformed messages: a valid one with one to three things broken, each broken thing named. */
    static final class Generator {
        private final Random r;

        Generator(Random r) {
            this.r = r;
        }

        Fuzz next(boolean samp) {
            int kind = r.nextInt(3);
            String mtype = kind == 0 ? PointAtHandler.MTYPE : kind == 1 ? RowMessageHandler.HIGHLIGHT
                : RowMessageHandler.SELECT;
            Map<Object, Object> params = new LinkedHashMap<>();
            List<String> required = new ArrayList<>();
            switch (kind) {
                case 0 -> {
                    params.put("ra", "10.6847");
                    params.put("dec", "41.2690");
                    required.addAll(List.of("ra", "dec"));
                }
                case 1 -> {
                    params.put("table-id", "iso-samp-1");
                    params.put("row", "2");
                    required.addAll(List.of("table-id", "row"));
                }
                default -> {
                    params.put("table-id", "iso-samp-1");
                    params.put("row-list", new ArrayList<>(List.of("0", "4")));
                    required.addAll(List.of("table-id", "row-list"));
                }
            }
            java.util.Set<String> culprits = new java.util.HashSet<>();
            Message msg = new Message(mtype);
            int breaks = 1 + r.nextInt(3);
            boolean structural = false;
            for (int b = 0; b < breaks; b++) {
                int what = r.nextInt(samp ? 5 : 7);
                String p = required.get(r.nextInt(required.size()));
                switch (what) {
                    case 0 -> {                       // missing
                        params.remove(p);
                        culprits.add(p);
                        if (p.equals("table-id")) {
                            culprits.add("url");
                        }
                    }
                    case 1, 2 -> {                    // a bad value
                        params.put(p, badValue(p, samp));
                        culprits.add(p);
                    }
                    case 3 -> {                       // an extra key
                        String k = r.nextBoolean() ? "radius" : "x" + garbage(1 + r.nextInt(12));
                        params.put(k, "1");
                        culprits.add(k);
                    }
                    case 4 -> {                       // out of range
                        String bad = switch (p) {
                            case "dec" -> String.valueOf((r.nextBoolean() ? 1 : -1) * (90.000001 + r.nextInt(1000)));
                            case "row" -> String.valueOf(r.nextBoolean() ? 5 + r.nextInt(1000) : -1 - r.nextInt(9));
                            case "row-list" -> null;
                            case "table-id" -> "topcat-" + r.nextInt(100);
                            default -> "1e" + (309 + r.nextInt(600));   // ra: overflows to Infinity
                        };
                        if (p.equals("row-list")) {
                            params.put(p, new ArrayList<>(List.of("0", String.valueOf(5 + r.nextInt(99)))));
                        } else {
                            params.put(p, bad);
                        }
                        culprits.add(p);
                    }
                    case 5 -> {                       // not even a map (direct only)
                        structural = true;
                        msg.put(Message.PARAMS_KEY, r.nextBoolean() ? "ra=1" : List.of("x"));
                        culprits.add("samp.params");
                    }
                    default -> {                      // a key that is not a string (direct only)
                        params.put(r.nextInt(100), "1");
                        culprits.add("parameter name");
                    }
                }
            }
            if (!structural) {
                msg.put(Message.PARAMS_KEY, params);
            }
            return new Fuzz(msg, culprits);
        }

        private Object badValue(String p, boolean samp) {
            int v = r.nextInt(samp ? 10 : 14);
            return switch (v) {
                case 0 -> "NaN";
                case 1 -> r.nextBoolean() ? "Infinity" : "-Infinity";
                case 2 -> "x" + garbage(r.nextInt(30));
                case 3 -> "";
                case 4 -> "0x1p" + r.nextInt(9);
                case 5 -> List.of(p.equals("row-list") ? "1.5" : "1");
                case 6 -> Map.of("v", "1");
                case 7 -> "1; DROP TABLE ivoa.obscore --";
                case 8 -> r.nextInt(50) == 0 ? "9".repeat(200_000 + r.nextInt(800_000)) + "x" : "1 ";
                case 9 -> p.equals("row-list") ? List.of("0", List.of("1")) : samp ? "1 2" : "１２";  // full-width
                case 10 -> r.nextInt(1000);
                case 11 -> r.nextDouble();
                case 12 -> new byte[] {1, 2};
                default -> p.equals("row-list") ? java.util.Arrays.asList("0", null) : new Object();
            };
        }

        private String garbage(int n) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                // printable ASCII (all SAMP allows); no digit first, so it can never be a number
                b.append((char) (0x20 + r.nextInt(0x5f)));
            }
            return b.toString();
        }
    }
}
