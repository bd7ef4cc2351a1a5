package org.isosamp.samp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.astrogrid.samp.ErrInfo;
import org.astrogrid.samp.Response;
import org.astrogrid.samp.client.SampException;
import org.junit.jupiter.api.Test;

/** What each receiver said, as data a face prints or shows, and "nobody loaded it" as one failure. */
class DeliveryTest {

    private static final Duration T = Duration.ofSeconds(30);
    private final SampPeer topcat = new SampPeer("c1", "topcat", Set.of("table.load.votable"));
    private final SampPeer aladin = new SampPeer("c2", "Aladin", Set.of("table.load.votable"));
    private final SampPeer splat = new SampPeer("c3", "splat", Set.of("table.load.votable"));

    private Delivery delivery(Response top, Response al) {
        Map<SampPeer, Response> replies = new LinkedHashMap<>();
        if (top != null) {
            replies.put(topcat, top);
        }
        if (al != null) {
            replies.put(aladin, al);
        }
        return new Delivery(List.of(topcat, aladin, splat), replies);
    }

    @Test
    void eachOutcomeIsOneLine() throws Exception {
        Delivery d = delivery(Response.createSuccessResponse(Map.of()),
                              Response.createErrorResponse(new ErrInfo("cannot read\n  the table")));
        assertEquals("samp.ok", d.outcome(topcat, T));
        assertEquals("samp.error: cannot read the table", d.outcome(aladin, T));
        assertEquals("no reply in 30 s", d.outcome(splat, T));
        assertEquals(1, d.errors());
        d.requireLoaded("the table", T);   // one loaded it: no failure
    }

    @Test
    void nobodyLoadingItSaysWhy() {
        Delivery d = delivery(null, Response.createErrorResponse(new ErrInfo("no")));
        SampException e = assertThrows(SampException.class, () -> d.requireLoaded("the table", T));
        assertEquals("no receiver loaded the table (1 replied with an error, 2 sent no reply in 30 s)", e.getMessage());
        Delivery warned = delivery(new Response(Response.WARNING_STATUS, Map.of(), new ErrInfo("odd units")), null);
        assertEquals("samp.warning: odd units", warned.outcome(topcat, T));
        assertEquals(0, warned.errors());
    }
}
