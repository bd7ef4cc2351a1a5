package org.isosamp.table;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.Tables;
import uk.ac.starlink.table.ValueInfo;

/**
 * Run in a child JVM with TOPCAT's own jar first on the class path ({@code TopcatSkyColumnsTest}): loads a table
 * file as TOPCAT does and prints the sky columns TOPCAT chooses by default, through TOPCAT's own code, headless.
 * <ul>
 * <li>{@code activation ra=<column> unit=<converter> dec=<column> unit=<converter>}: what "Send Sky Coordinates"
 *     (and every {@code SkyPosConfigurator}) selects: {@code TopcatModel.getColumnSelectorModel(Tables.RA_INFO)},
 *     with the unit converter TOPCAT guessed for the column (how it reads the values).</li>
 * <li>{@code plot ra=<column> dec=<column>}: what a sky plot populates itself with
 *     ({@code SkySys.getCoordPair}, equatorial first, as {@code SkyPlotWindow}'s populator).</li>
 * </ul>
 * TOPCAT's classes are reached by reflection: they are not on iso-samp's compile class path.
 */
public final class TopcatSkyProbe {

    private TopcatSkyProbe() {
    }

    /**
     * @param args the table file; then {@code adjust} to show TOPCAT the table as {@link SkyColumns#forTopcat}
     *             makes it inside TOPCAT's JVM, on TOPCAT's own STIL (as the plug-in's loader will)
     */
    public static void main(String[] args) throws Exception {
        StarTable table = new StarTableFactory(true).makeStarTable(args[0]);
        if (args.length > 1 && args[1].equals("adjust")) {
            table = SkyColumns.forTopcat(table);
        }
        Class<?> modelClass = Class.forName("uk.ac.starlink.topcat.TopcatModel");
        Class<?> controlWindow = Class.forName("uk.ac.starlink.topcat.ControlWindow");
        Object model = modelClass.getMethod("createDefaultTopcatModel", StarTable.class, String.class, controlWindow)
            .invoke(null, table, args[0], null);
        Method selector = modelClass.getMethod("getColumnSelectorModel", ValueInfo.class);
        StringBuilder line = new StringBuilder("activation");
        for (Object[] axis : new Object[][] {{"ra", Tables.RA_INFO}, {"dec", Tables.DEC_INFO}}) {
            Object csm = selector.invoke(model, axis[1]);
            Object colModel = csm.getClass().getMethod("getColumnModel").invoke(csm);
            Object col = colModel.getClass().getMethod("getSelectedItem").invoke(colModel);
            String name = col == null ? "none"
                : ((ColumnInfo) col.getClass().getMethod("getColumnInfo").invoke(col)).getName();
            Object convModel = csm.getClass().getMethod("getConverterModel").invoke(csm);
            Object conv = convModel == null ? null
                : convModel.getClass().getMethod("getSelectedItem").invoke(convModel);
            line.append(' ').append(axis[0]).append('=').append(name).append(" unit=").append(conv);
        }
        System.out.println(line);

        List<ValueInfo> infos = new ArrayList<>();
        for (int i = 0; i < table.getColumnCount(); i++) {
            infos.add(table.getColumnInfo(i));
        }
        Class<?> skySys = Class.forName("uk.ac.starlink.ttools.plot2.geom.SkySys");
        Object systems = skySys.getMethod("getKnownSystems", boolean.class).invoke(null, false);
        List<Object> order = new ArrayList<>();
        order.add(skySys.getField("EQUATORIAL").get(null));
        for (int i = 0; i < Array.getLength(systems); i++) {
            if (!order.contains(Array.get(systems, i))) {
                order.add(Array.get(systems, i));
            }
        }
        String plot = "plot ra=none dec=none";
        for (Object sys : order) {
            int[] pair = (int[]) skySys.getMethod("getCoordPair", ValueInfo[].class)
                .invoke(sys, (Object) infos.toArray(new ValueInfo[0]));
            if (pair != null) {
                plot = "plot ra=" + infos.get(pair[0]).getName() + " dec=" + infos.get(pair[1]).getName()
                    + " system=" + sys;
                break;
            }
        }
        System.out.println(plot);
    }
}
