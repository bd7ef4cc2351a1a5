package org.isosamp.testing;

import java.awt.Component;
import java.awt.Container;
import javax.swing.JMenu;

/**
 * Finds a component by name ({@link Component#setName}) in a tree of them, depth first, the root included and a
 * menu's items too (they sit in its popup, not among its children): how tests and probes drive windows. Call on the
 * event thread.
 */
public final class Components {

    private Components() {
    }

    /** @return the first component named {@code name} under {@code root}, or null when there is none */
    public static Component find(Component root, String name) {
        return find(root, name, Component.class);
    }

    /**
     * @return the first component named {@code name} under {@code root}
     * @throws IllegalArgumentException when there is none
     */
    public static Component named(Component root, String name) {
        return named(root, name, Component.class);
    }

    /**
     * @return the first component named {@code name} of this type under {@code root}
     * @throws IllegalArgumentException when there is none
     */
    public static <T extends Component> T named(Component root, String name, Class<T> type) {
        T c = find(root, name, type);
        if (c == null) {
            throw new IllegalArgumentException("no " + type.getSimpleName() + " named \"" + name + "\" under "
                                               + root.getName());
        }
        return c;
    }

    private static <T extends Component> T find(Component c, String name, Class<T> type) {
        if (name.equals(c.getName()) && type.isInstance(c)) {
            return type.cast(c);
        }
        Component[] children = c instanceof JMenu m ? m.getMenuComponents()
            : c instanceof Container k ? k.getComponents() : new Component[0];
        for (Component child : children) {
            T f = find(child, name, type);
            if (f != null) {
                return f;
            }
        }
        return null;
    }
}
