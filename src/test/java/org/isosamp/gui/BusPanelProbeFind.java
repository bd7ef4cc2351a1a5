package org.isosamp.gui;

import java.awt.Component;
import java.awt.Container;

/** Finds a probe's components by name, on the event thread. */
final class BusPanelProbeFind {

    private BusPanelProbeFind() {
    }

    static <T extends Component> T find(Container root, String name, Class<T> type) throws Exception {
        return org.isosamp.testing.Edt.edt(() -> {
            T found = search(root, name, type);
            if (found == null) {
                throw new IllegalStateException("no component named " + name);
            }
            return found;
        });
    }

    private static <T extends Component> T search(Container c, String name, Class<T> type) {
        for (Component child : c.getComponents()) {
            if (name.equals(child.getName()) && type.isInstance(child)) {
                return type.cast(child);
            }
            if (child instanceof Container cc) {
                T t = search(cc, name, type);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }
}
