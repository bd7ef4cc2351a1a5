package org.isosamp.topcat;

import java.util.Locale;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.topcat.activate.ActivationType;
import uk.ac.starlink.topcat.activate.ActivatorConfigurator;
import uk.ac.starlink.topcat.activate.Suitability;
import uk.ac.starlink.topcat.activate.TopcatModelInfo;

/**
 * TOPCAT's activation action "ISO product", a {@code topcat.activators} entry: on each activated row, fetch the
 * observation's product from ISO's archive (the STANDALONE product, or the OBSERVATION tar at a chosen product
 * level) into a folder, then load its tables into TOPCAT, send it over SAMP (spectra to SPLAT, images to Aladin),
 * show its postcard, or just keep it. The TDT comes from the row's {@code tdt} column ({@code ida.observations}) or
 * {@code obs_id} (the IVOA tables), or any column the user picks. The work is the core's
 * ({@link org.isosamp.samp.ProductFetch}); its configuration is saved in TOPCAT sessions.
 *
 * <pre>
 * topcat -classpath iso-samp-topcat.jar -Dtopcat.activators=org.isosamp.topcat.IsoProductActivationType
 * </pre>
 *
 * Stateless; TOPCAT makes it by class name (public, no arguments).
 */
public class IsoProductActivationType implements ActivationType {

    /** The name TOPCAT lists. */
    public static final String NAME = "ISO product";

    /** The shared archive sessions (as a load dialog's: a local archive outlives the activations it served). */
    static final DialogArchives ARCHIVES = new DialogArchives();

    /** The action, as TOPCAT makes it. */
    public IsoProductActivationType() {
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getDescription() {
        return "Fetch the ISO observation of the activated row (its TDT) from ISO's archive: the STANDALONE "
               + "product or the OBSERVATION tar at a product level, saved in a folder; then load its tables into "
               + "TOPCAT, send it over SAMP (spectra to SPLAT, images to Aladin) or show its postcard.";
    }

    @Override
    public ActivatorConfigurator createConfigurator(TopcatModelInfo tinfo) {
        return new IsoProductConfigurator(tinfo.getTopcatModel());
    }

    /**
     * @return SUGGESTED (listed, unticked: it downloads) for a table with a TDT column, else AVAILABLE (the user may
     *         add it and choose the column)
     */
    @Override
    public Suitability getSuitability(TopcatModelInfo tinfo) {
        return tdtColumn(tinfo.getTopcatModel().getDataModel()).isEmpty() ? Suitability.AVAILABLE
            : Suitability.SUGGESTED;
    }

    /**
     * @param table a table
     * @return the name of its TDT column: {@code tdt}, else {@code obs_id} (any case), else ""
     */
    static String tdtColumn(StarTable table) {
        String found = "";
        for (int i = 0; i < table.getColumnCount(); i++) {
            String name = table.getColumnInfo(i).getName();
            String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
            if (n.equals("tdt")) {
                return name;
            }
            if (n.equals("obs_id") && found.isEmpty()) {
                found = name;
            }
        }
        return found;
    }
}
