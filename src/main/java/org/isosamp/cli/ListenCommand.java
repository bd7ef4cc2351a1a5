package org.isosamp.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.isosamp.samp.ConeSearcher;
import org.isosamp.samp.PointAt;
import org.isosamp.samp.PointAtService;
import org.isosamp.samp.SampClient;
import org.isosamp.samp.SampManifest;
import org.isosamp.samp.SampSession;
import org.isosamp.samp.SentTable;
import org.isosamp.samp.TablePublisher;
import org.isosamp.samp.TableSender;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code listen}: iso-samp stays on the SAMP bus and answers {@code coord.pointAt.sky} with cone searches, their
 * non-empty results handed to a {@link TablePublisher}; it also takes row highlights and selections for the tables
 * it sent. The work is {@link PointAtService}'s; this command reads the options, starts it and prints one line per
 * event on stdout ({@link PointAtService.Lines}). With {@code --send-nearest} each position also sends the nearest
 * spectrum and image ({@link PointAtService#setSendNearest}). The hub may go and come back, cleanly or not: {@link SampClient}
 * checks that it still answers and registers again with the next one (every {@code --autoconnect} seconds).
 *
 * <p>Where results go is given by a {@link PointAtService.PublisherFactory}: the no-argument constructor, which the
 * command registry uses, broadcasts them ({@link PointAtService#broadcaster()}); built with null, {@code listen}
 * searches and logs but broadcasts nothing, and says so at start.
 */
@Command(name = "listen", mixinStandardHelpOptions = true,
         description = {"Stay on the SAMP bus: answer coord.pointAt.sky (Aladin clicks, TOPCAT row activation) with"
                        + " cone searches and broadcast the non-empty results as tables; take row highlights and"
                        + " selections for the tables iso-samp sent; with --send-nearest also send the nearest spectrum"
                        + " to SPLAT and the nearest image to Aladin. One line per event; runs until Ctrl-C."})
public final class ListenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SampOptions samp;

    @Mixin
    ArchiveOptions archive;

    @Option(names = "--radius", paramLabel = "DEG",
            description = "cone radius in degrees (default: plugin-manifest coneRadiusDeg, 0.1)")
    Double radius;

    @Option(names = "--tables", paramLabel = "TABLE", split = ",",
            description = "tables to search, comma-separated (default: ivoa.obscore,ivoa.ssap,ivoa.siap)")
    List<String> tables;

    @Option(names = "--send-nearest",
            description = "also send, for each position, the nearest observation's spectrum to the clients that take"
                          + " spectra (SPLAT) and its image to those that take images (Aladin): STANDALONE products"
                          + " of the nearest ivoa.ssap and ivoa.siap rows within the radius")
    boolean sendNearest;

    @Option(names = "--max-events", paramLabel = "N", hidden = true,
            description = "exit after N handled messages (a position done or cancelled, a refusal, a row message)")
    long maxEvents;

    @Option(names = "--exit-after", paramLabel = "SECONDS", hidden = true, description = "exit after this long")
    double exitAfter;

    @Option(names = "--autoconnect", paramLabel = "SECONDS", hidden = true, defaultValue = "5",
            description = "how often to check that the hub still answers, and to look for one after losing it"
                          + " (default: ${DEFAULT-VALUE})")
    int autoconnect;

    private final PointAtService.PublisherFactory publishers;

    /** The command as registered: results are broadcast as tables by a {@link TableSender}. */
    public ListenCommand() {
        this(PointAtService.broadcaster());
    }

    /** @param publishers where results go; null for none */
    public ListenCommand(PointAtService.PublisherFactory publishers) {
        this.publishers = publishers;
    }

    @Override
    public Integer call() throws Exception {
        SampManifest manifest = SampManifest.load();
        ConeSearcher.Settings settings = ConeSearcher.Settings.of(manifest);
        if (tables != null) {
            settings = settings.withTables(tables);
        }
        if (radius != null) {
            settings = settings.withRadius(radius);
        }
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                closed.await(3, TimeUnit.SECONDS);   // let the worker stop and iso-samp unregister
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "iso-samp listen shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (var s = archive.open(); SampSession bus = samp.open();
             PointAtService service = new PointAtService(bus, s.archive(), settings, publishers)) {
            service.addListener(new PointAtService.Lines(service, l -> {
                synchronized (out) {
                    out.println(l);
                    out.flush();
                }
            }));
            service.addListener(new Counter(maxEvents, stop));
            service.setSendNearest(sendNearest);
            try {
                service.start(Math.max(1, autoconnect), samp.hubWait());
            } catch (SampSession.NoHubException e) {
                throw samp.noHub(e);
            }
            synchronized (out) {
                out.println("listening for " + service.describe());
                if (sendNearest) {
                    out.println("also sending the nearest spectrum (to spectrum.load.ssa-generic clients) and image"
                                + " (to image.load.fits clients)");
                }
                if (!service.publishes()) {
                    out.println("results are not broadcast: this build of listen has no table publisher");
                }
                out.flush();
            }
            if (exitAfter > 0) {
                stop.await((long) (exitAfter * 1000), TimeUnit.MILLISECONDS);
            } else {
                stop.await();
            }
        } finally {
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down (Ctrl-C): the hook is running
            }
        }
        out.flush();
        return 0;
    }

    /** Counts handled messages for {@code --max-events}: a position done or cancelled, a refusal, a row message. */
    static final class Counter implements PointAtService.Listener {
        private final long maxEvents;
        private final CountDownLatch stop;
        private final AtomicLong handled = new AtomicLong();

        Counter(long maxEvents, CountDownLatch stop) {
            this.maxEvents = maxEvents;
            this.stop = stop;
        }

        private void handled() {
            if (handled.incrementAndGet() == maxEvents) {
                stop.countDown();
            }
        }

        @Override
        public void cancelled(PointAt p) {
            handled();
        }

        @Override
        public void finished(PointAt p) {
            handled();
        }

        @Override
        public void rejected(String senderId, String mtype, String errortxt) {
            handled();
        }

        @Override
        public void highlighted(SentTable t, long row, String senderId) {
            handled();
        }

        @Override
        public void selected(SentTable t, long[] rows, String senderId) {
            handled();
        }
    }
}
