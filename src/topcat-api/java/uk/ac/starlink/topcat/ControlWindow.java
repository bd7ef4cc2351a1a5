package uk.ac.starlink.topcat;

import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;

/**
 * Compile stub of TOPCAT 4.8.7's {@code ControlWindow}, the members iso-samp uses (its listener interfaces left
 * out; see this source root's README.md).
 */
public class ControlWindow extends AuxWindow {
    private static final long serialVersionUID = 1L;

    private ControlWindow() {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    public static ControlWindow getInstance() {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    public TopcatModel addTable(StarTable table, String location, boolean select) {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    public StarTableFactory getTableFactory() {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }
}
