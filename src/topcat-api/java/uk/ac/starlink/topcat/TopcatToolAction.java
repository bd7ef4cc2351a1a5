package uk.ac.starlink.topcat;

import java.awt.Component;
import javax.swing.Action;

/**
 * Compile stub of TOPCAT 4.8.7's {@code TopcatToolAction}: what a {@code topcat.exttools} entry implements. The
 * Control Window creates each by name (public no-arg constructor), calls {@link #setParent} with itself, and adds the
 * action to its toolbar (see this source root's README.md).
 */
public interface TopcatToolAction extends Action {

    /** @param parent the component the tool's windows belong to (TOPCAT's Control Window) */
    void setParent(Component parent);
}
