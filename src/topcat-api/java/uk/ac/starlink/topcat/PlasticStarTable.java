package uk.ac.starlink.topcat;

import uk.ac.starlink.table.ColumnStarTable;
import uk.ac.starlink.table.StarTable;

/** Compile stub of TOPCAT 4.8.7's {@code PlasticStarTable}, a STIL table (see this source root's README.md). */
public class PlasticStarTable extends ColumnStarTable {

    public PlasticStarTable(StarTable template) {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    @Override
    public long getRowCount() {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }
}
