package org.isosamp.cli;

import org.isosamp.testing.SkyDistance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.astrogrid.samp.Response;
import org.isosamp.testing.FakeViewer;
import org.isosamp.testing.TestHub;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;

/**
 * The whole of flow 3 with nothing replaced: the registered {@code listen} command (real cone searches on the
 * local archive, the real table sender), a real hub, and a viewer client that points and then loads what it is
 * sent, as Aladin and TOPCAT would.
 */
class ListenEndToEndTest {

    static final double RA = 10.6847;
    static final double DEC = 41.2690;
    static final double RADIUS = 0.5;

    @Test
    void aPointAtYieldsBroadcastTablesWhoseRowsLieWithinTheRadius() throws Exception {
        // a loading viewer, as TOPCAT: it has each table before it replies, and listen exits after its one event
        try (TestHub hub = TestHub.start(); FakeViewer viewer = FakeViewer.loading(hub, "viewer", "table.load.votable")) {
            ListenCommandTest.Running listen = new ListenCommandTest.Running(
                () -> new CommandLine(new ListenCommand()),
                ListenCommandTest.args(hub, "--radius", String.valueOf(RADIUS), "--max-events", "1",
                                       "--exit-after", "90"));
            listen.await("listening for coord.pointAt.sky");
            String id = ListenCommandTest.isoSampId(viewer);
            Response r = viewer.connector().callAndWait(id,
                ListenCommandTest.pointAt(String.valueOf(RA), String.valueOf(DEC)), 10);
            assertTrue(r.isOK(), String.valueOf(r));
            Set<String> tables = new HashSet<>();
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                FakeViewer.Received got = viewer.next(Duration.ofSeconds(30));
                if (got == null) {
                    break;
                }
                assertEquals("table.load.votable", got.message().getMType());
                String name = (String) got.message().getParam("name");
                ids.add((String) got.message().getParam("table-id"));
                StarTable t = new StarTableFactory().makeStarTable(
                    new uk.ac.starlink.util.ByteArrayDataSource(name, got.loaded()), "votable");
                String table = name.substring(0, name.indexOf(' '));
                tables.add(table);
                long rows = checkWithinRadius(t, table);
                assertTrue(rows > 0, "only non-empty results are broadcast: " + name);
            }
            assertEquals(3, ids.size(), "a fresh table-id per broadcast: " + ids);
            assertEquals(Set.of("ivoa.obscore", "ivoa.ssap", "ivoa.siap"), tables,
                "the samples have rows near M31 in every cone table");
            assertEquals(0, listen.exitCode(), listen.err.toString());
            assertTrue(listen.lines().stream().anyMatch(l -> l.contains("broadcast to 1 client")), listen.lines().toString());
        }
    }

    /** @return the number of rows, each checked to lie within the radius (own great-circle distance) */
    private static long checkWithinRadius(StarTable t, String table) throws Exception {
        int ira = -1;
        int idec = -1;
        for (int c = 0; c < t.getColumnCount(); c++) {
            String n = t.getColumnInfo(c).getName().toLowerCase();
            if (n.equals("s_ra") || n.equals("ra")) {
                ira = c;
            }
            if (n.equals("s_dec") || n.equals("dec")) {
                idec = c;
            }
        }
        assertTrue(ira >= 0 && idec >= 0, table + " has position columns");
        long rows = 0;
        try (RowSequence seq = t.getRowSequence()) {
            while (seq.next()) {
                Object ra = seq.getCell(ira);
                Object dec = seq.getCell(idec);
                assertNotNull(ra);
                double d = SkyDistance.degrees(RA, DEC, ((Number) ra).doubleValue(), ((Number) dec).doubleValue());
                assertTrue(d <= RADIUS + 1e-9, table + " row " + rows + " at " + ra + " " + dec + " is " + d
                    + " deg away");
                rows++;
            }
        }
        return rows;
    }

}
