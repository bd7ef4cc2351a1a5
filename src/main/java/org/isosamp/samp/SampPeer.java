package org.isosamp.samp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Another client on the hub, as iso-samp sees it.
 *
 * @param id the hub's public id for it
 * @param name its declared {@code samp.name}, or its id if it declared none
 * @param subscriptions the MTypes (and wildcards) it subscribes to
 */
public record SampPeer(String id, String name, Set<String> subscriptions) {

    public SampPeer {
        subscriptions = Set.copyOf(subscriptions);
    }

    /**
     * @param mtype a concrete MType
     * @return true if this peer's subscriptions cover it, wildcards ({@code table.*}, {@code *}) included
     */
    public boolean subscribes(String mtype) {
        for (String s : subscriptions) {
            if (s.equals(mtype) || s.equals("*")
                || (s.endsWith(".*") && mtype.startsWith(s.substring(0, s.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param mtypes concrete MTypes, e.g. what iso-samp sends ({@link SampManifest#sends()})
     * @return those of them this peer takes, in the given order
     */
    public List<String> takes(List<String> mtypes) {
        List<String> out = new ArrayList<>();
        for (String m : mtypes) {
            if (subscribes(m)) {
                out.add(m);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return name.equals(id) ? id : name + " (" + id + ")";
    }
}
