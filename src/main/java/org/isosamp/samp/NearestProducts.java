package org.isosamp.samp;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.isosamp.archive.QueryResult;
import org.isosamp.products.ProductKind;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * {@code listen --send-nearest}, and the window's "also send the nearest spectrum/image": for each position
 * answered, the STANDALONE product of the nearest observation that has a spectrum (a row of {@code ivoa.ssap}) goes
 * to every client that takes {@code spectrum.load.ssa-generic} (SPLAT), and that of the nearest one that has an image
 * ({@code ivoa.siap}) to every client that takes {@code image.load.fits} (Aladin), through a {@link ProductSender}.
 * Click in Aladin, see the ISO spectrum in SPLAT.
 *
 * <p>It runs as the {@link ConeSearcher}'s {@link ConeSearcher.Followup}, on its worker, after the position's
 * tables went out: it reuses the {@code ivoa.ssap} and {@code ivoa.siap} results already found (and searches them,
 * with the same radius, when they were not among the tables), and a newer position stops it as it stops the
 * searches. "Nearest" is the smallest angular distance between the position and the row's {@code ra}, {@code dec}
 * (degrees). A kind nobody on the hub takes is not looked for (no download); the product must be what its table
 * says it is (a spectrum for {@code ivoa.ssap}), else it is not sent. Every outcome is told as
 * {@link ReceiveListener#nearest}.
 *
 * <p>Thread-safe: {@link #setEnabled} may be called at any time, from any thread.
 */
public final class NearestProducts implements ConeSearcher.Followup {

    private static final Logger LOG = Logger.getLogger(NearestProducts.class.getName());

    /** The tables that say where each kind is, in the order they are looked at. */
    static final List<ProductKind> KINDS = List.of(ProductKind.SPECTRUM, ProductKind.IMAGE);

    /** What became of one kind for one position. */
    public enum Status {
        /** Sent: see {@link Outcome#sent()} for who replied what. */
        SENT,
        /** No observation of this kind within the cone. */
        NONE_NEAR,
        /** No client on the hub takes this kind's MType: not looked for. */
        NO_CLIENT,
        /** The search, the download or the send failed: see {@link Outcome#error()}. */
        FAILED
    }

    /**
     * The nearest product of one kind for one position.
     *
     * @param kind {@link ProductKind#SPECTRUM} or {@link ProductKind#IMAGE}
     * @param status what became of it
     * @param tdt the nearest observation's TDT (null for NONE_NEAR and NO_CLIENT, and a failed search)
     * @param separationDeg its distance from the position, degrees (NaN when there is none)
     * @param sent what was sent and the replies (SENT only)
     * @param error why it failed (FAILED only)
     */
    public record Outcome(ProductKind kind, Status status, String tdt, double separationDeg, ProductSender.Sent sent,
                          Exception error) {
        /** @return the kind as a word: {@code spectrum} or {@code image} */
        public String what() {
            return kind.name().toLowerCase(Locale.ROOT);
        }
    }

    private final SampClient client;
    private final ProductSender sender;
    private volatile boolean enabled;

    /**
     * @param client whose peers say who takes what
     * @param sender sends the products (stays the caller's to close)
     */
    public NearestProducts(SampClient client, ProductSender sender) {
        this.client = client;
        this.sender = sender;
    }

    /** @param on whether positions from now on also send their nearest spectrum and image */
    public void setEnabled(boolean on) {
        enabled = on;
    }

    /** @return whether positions also send their nearest spectrum and image */
    public boolean isEnabled() {
        return enabled;
    }

    /** @return the table whose rows are the observations that have this kind of product */
    static String table(ProductKind kind) {
        return kind == ProductKind.SPECTRUM ? "ivoa.ssap" : "ivoa.siap";
    }

    @Override
    public void follow(ConeSearcher.Step step) {
        if (!enabled) {
            return;
        }
        PointAt p = step.point();
        for (ProductKind kind : KINDS) {
            if (step.stale()) {
                return;
            }
            String mtype = kind.mtype();
            if (client.peers().stream().noneMatch(peer -> peer.subscribes(mtype))) {
                tell(step, new Outcome(kind, Status.NO_CLIENT, null, Double.NaN, null, null));
                continue;
            }
            Nearest n;
            try {
                QueryResult r = step.result(table(kind));
                if (r == null) {
                    return;   // a newer position came
                }
                n = nearest(r.table(), p.raDeg(), p.decDeg());
            } catch (IOException | RuntimeException e) {
                if (step.stale()) {
                    return;
                }
                tell(step, new Outcome(kind, Status.FAILED, null, Double.NaN, null, e));
                continue;
            }
            if (n == null) {
                tell(step, new Outcome(kind, Status.NONE_NEAR, null, Double.NaN, null, null));
                continue;
            }
            if (step.stale()) {
                return;
            }
            try {
                // not cancellable: a receiver may be loading what is served when a newer position comes
                ProductSender.Sent s = sender.send(n.tdt(), null, kind);
                tell(step, new Outcome(kind, Status.SENT, n.tdt(), n.separationDeg(), s, null));
            } catch (IOException | RuntimeException e) {
                LOG.fine(() -> "sending the nearest " + kind + " " + n.tdt() + " failed: " + e);
                tell(step, new Outcome(kind, Status.FAILED, n.tdt(), n.separationDeg(), null, e));
            }
        }
    }

    private static void tell(ConeSearcher.Step step, Outcome o) {
        PointAt p = step.point();
        step.tell(l -> l.nearest(p, o));
    }

    /** The nearest row of a table. */
    record Nearest(String tdt, double separationDeg) {
    }

    /**
     * @param t a cone result with {@code tdt}, {@code ra} and {@code dec} (degrees) columns
     * @return its row nearest to the position (rows with a missing value skipped), or null if it has none
     * @throws IOException if the table cannot be read or lacks one of the columns
     */
    static Nearest nearest(StarTable t, double raDeg, double decDeg) throws IOException {
        int tdt = column(t, "tdt");
        int ra = column(t, "ra");
        int dec = column(t, "dec");
        Nearest best = null;
        try (RowSequence rows = t.getRowSequence()) {
            while (rows.next()) {
                Object id = rows.getCell(tdt);
                double r = number(rows.getCell(ra));
                double d = number(rows.getCell(dec));
                if (!(id instanceof Number n) || Double.isNaN(r) || Double.isNaN(d)) {
                    continue;
                }
                double sep = separationDeg(raDeg, decDeg, r, d);
                if (best == null || sep < best.separationDeg()) {
                    best = new Nearest(Long.toString(n.longValue()), sep);
                }
            }
        }
        return best;
    }

    private static int column(StarTable t, String name) throws IOException {
        for (int i = 0; i < t.getColumnCount(); i++) {
            if (t.getColumnInfo(i).getName().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IOException("cone result \"" + t.getName() + "\" has no column " + name);
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** @return the angle between two sky positions, degrees (haversine: exact for small angles) */
    static double separationDeg(double ra1, double dec1, double ra2, double dec2) {
        double p1 = Math.toRadians(dec1);
        double p2 = Math.toRadians(dec2);
        double sdp = Math.sin((p2 - p1) / 2);
        double sdl = Math.sin(Math.toRadians(ra2 - ra1) / 2);
        double h = sdp * sdp + Math.cos(p1) * Math.cos(p2) * sdl * sdl;
        return Math.toDegrees(2 * Math.asin(Math.min(1, Math.sqrt(h))));
    }
}
