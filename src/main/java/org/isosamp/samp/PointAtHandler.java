package org.isosamp.samp;

import java.util.Set;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.client.HubConnection;
import org.isosamp.samp.SampParams.BadMessage;

/**
 * Handles {@code coord.pointAt.sky}: checks {@code ra} and {@code dec} (SAMP floats, finite, dec within [-90, 90];
 * ra is taken modulo 360), answers at once and queues the position on a {@link ConeSearcher}. A call gets samp.ok
 * before any search starts; a bad or missing parameter, or any other parameter, gets a samp.error that names it
 * and quotes the value; a position sent by iso-samp itself is ignored (a call gets a samp.warning saying so).
 *
 * <pre>{@code
 * samp.addHandler(new PointAtHandler(searcher));   // before samp.start(...)
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class PointAtHandler extends ImmediateReplyHandler {

    /** The MType handled. */
    public static final String MTYPE = "coord.pointAt.sky";

    private static final Set<String> PARAMS = Set.of("ra", "dec");

    private final ConeSearcher searcher;

    /** @param searcher where accepted positions go (its listeners hear of them; this handler's, of refused ones) */
    public PointAtHandler(ConeSearcher searcher) {
        super(MTYPE);
        this.searcher = searcher;
    }

    /** @return the searcher positions go to */
    public ConeSearcher searcher() {
        return searcher;
    }

    @Override
    Decision handle(HubConnection connection, String senderId, String mtype, Message msg) throws BadMessage {
        if (senderId != null && senderId.equals(selfId(connection))) {
            return warning(MTYPE + " from iso-samp itself: ignored");
        }
        SampParams p = SampParams.of(msg, PARAMS);
        double ra = p.requiredFloat("ra");
        double dec = p.requiredFloat("dec", -90, 90);
        return new Decision(null, () -> searcher.submit(ra, dec, senderId));
    }
}
