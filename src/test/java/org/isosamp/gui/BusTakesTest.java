package org.isosamp.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.isosamp.samp.SampPeer;
import org.junit.jupiter.api.Test;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;

/** What the bus panel says each client takes, and the TDT of a result row (headless). */
class BusTakesTest {

    @Test
    void wordsFollowSubscriptionsWildcardsIncluded() {
        SampPeer topcat = new SampPeer("c1", "topcat", Set.of("table.*", "coord.pointAt.sky", "samp.app.ping"));
        SampPeer splat = new SampPeer("c2", "SPLAT-VO", Set.of("spectrum.load.ssa-generic", "table.load.votable"));
        SampPeer hub = new SampPeer("hub", "Hub", Set.of("samp.app.ping"));
        assertEquals(List.of("table", "sky position", "rows"), BusTakes.words(topcat));
        assertEquals("SPLAT-VO: table, spectrum", BusTakes.describe(splat));
        assertEquals("Hub: nothing iso-samp sends", BusTakes.describe(hub));
        assertTrue(BusTakes.takesSomethingWeSend(splat));
        assertFalse(BusTakes.takesSomethingWeSend(hub));
    }

    @Test
    void aRowsTdtComesFromTdtOrObsId() throws IOException {
        RowListStarTable obs = new RowListStarTable(new ColumnInfo[] {new ColumnInfo("TDT", Integer.class, null)});
        obs.addRow(new Object[] {58002102});
        obs.addRow(new Object[] {null});
        assertEquals("58002102", BusRows.tdt(obs, 0));
        IOException none = assertThrows(IOException.class, () -> BusRows.tdt(obs, 1));
        assertEquals("row 1 has no TDT (TDT is \"\")", none.getMessage());
        uk.ac.starlink.table.StarTable streamed = new uk.ac.starlink.table.WrapperStarTable(obs) {
            @Override
            public boolean isRandom() {
                return false;
            }

            @Override
            public Object getCell(long row, int col) {
                throw new UnsupportedOperationException("no random access");
            }
        };
        assertEquals("58002102", BusRows.tdt(streamed, 0));
        RowListStarTable core = new RowListStarTable(new ColumnInfo[] {new ColumnInfo("obs_id", String.class, null)});
        core.addRow(new Object[] {" 80001538 "});
        assertEquals("80001538", BusRows.tdt(core, 0));
        RowListStarTable other = new RowListStarTable(new ColumnInfo[] {new ColumnInfo("x", String.class, null)});
        other.setName("t");
        other.addRow(new Object[] {"1"});
        assertEquals("table \"t\" has no tdt or obs_id column",
                     assertThrows(IOException.class, () -> BusRows.tdt(other, 0)).getMessage());
    }
}
