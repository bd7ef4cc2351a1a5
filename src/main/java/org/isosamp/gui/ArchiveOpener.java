package org.isosamp.gui;

import java.io.IOException;
import org.isosamp.archive.IsoArchive;

/**
 * Opens the archive a panel works on, off the event thread (it may start the local archive or reach the network).
 * A face passes its own: TOPCAT's dialog opens through its session per archive, the window through its own.
 */
@FunctionalInterface
public interface ArchiveOpener {

    /**
     * @return the archive, open
     * @throws IOException when it cannot be opened
     */
    IsoArchive open() throws IOException;
}
