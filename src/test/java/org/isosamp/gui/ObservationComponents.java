package org.isosamp.gui;

import java.awt.Component;
import java.awt.Container;

/** Finds a component by name ({@link Component#setName}) in a tree of them: how tests and probes drive panels. */
final class ObservationComponents {

    private ObservationComponents() {
    }

    /**
     * @return the first component named {@code name} under {@code root} (depth first), root included
     * @throws IllegalArgumentException when there is none
     */
    static Component named(Component root, String name) {
        Component c = find(root, name);
        if (c == null) {
            throw new IllegalArgumentException("no component named \"" + name + "\" under " + root.getName());
        }
        return c;
    }

    private static Component find(Component c, String name) {
        if (name.equals(c.getName())) {
            return c;
        }
        if (c instanceof Container k) {
            for (Component child : k.getComponents()) {
                Component f = find(child, name);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }
}
