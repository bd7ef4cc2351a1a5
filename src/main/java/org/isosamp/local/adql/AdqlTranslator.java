package org.isosamp.local.adql;

import java.util.Map;
import org.isosamp.local.meta.ArchiveMetadata;

/** SKELETON: the ADQL work replaces this file. */
public final class AdqlTranslator {
    public AdqlTranslator(ArchiveMetadata metadata, Map<String, Double> spatialReachDeg) { }
    public Translation translate(String adql) throws AdqlException { throw new UnsupportedOperationException(); }
}
