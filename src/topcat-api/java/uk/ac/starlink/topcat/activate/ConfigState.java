package uk.ac.starlink.topcat.activate;

import java.util.Map;

/** Compile stub of TOPCAT 4.8.7's {@code ConfigState}, the members iso-samp uses (see this source root's README.md). */
public class ConfigState {

    public ConfigState() {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    public ConfigState(Map<String, String> map) {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    public Map<String, String> getMap() {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }
}
