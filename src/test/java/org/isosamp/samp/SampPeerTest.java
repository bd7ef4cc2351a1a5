package org.isosamp.samp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a face shows of another client: which of iso-samp's MTypes it takes, wildcards included. */
class SampPeerTest {

    @Test
    void takesListsTheGivenMTypesItSubscribesToInTheirOrder() {
        SampPeer topcat = new SampPeer("c1", "topcat", Set.of("table.*", "coord.pointAt.sky"));
        assertEquals(List.of("table.load.votable", "table.load.fits"),
                     topcat.takes(List.of("image.load.fits", "table.load.votable", "table.load.fits")));
        assertEquals(List.of(), new SampPeer("c2", "x", Set.of()).takes(List.of("image.load.fits")));
    }

    @Test
    void aQueryIsLabelledOnOneLineCutTo80Characters() {
        assertEquals("SELECT TOP 5 * FROM ivoa.ssap", TableSender.queryLabel("  SELECT TOP 5 *\n   FROM ivoa.ssap\n"));
        String longQuery = "SELECT " + "x, ".repeat(40) + "y FROM t";
        String label = TableSender.queryLabel(longQuery);
        assertEquals(80, label.length());
        assertEquals(longQuery.substring(0, 77) + "...", label);
    }
}
