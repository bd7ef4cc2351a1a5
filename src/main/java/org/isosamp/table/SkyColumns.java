package org.isosamp.table;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import uk.ac.starlink.table.ColumnData;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.ColumnPermutedStarTable;
import uk.ac.starlink.table.ColumnStarTable;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.JoinStarTable;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.Tables;
import uk.ac.starlink.table.WrapperStarTable;

/**
 * Makes TOPCAT choose a table's sky position in degrees. ISO's {@code ida.observations.ra} is in hours (unit
 * {@code h}, UCD {@code pos.eq.ra}); TOPCAT 4.8.7 reads whatever column it picks as an RA in degrees, and it picks:
 * <ul>
 * <li>for its row actions ("Send Sky Coordinates", every {@code SkyPosConfigurator}), in
 *     {@code ColumnSelectorModel}: the <em>first</em> column, in column order, whose UCD contains {@code pos.eq.ra}
 *     ({@code pos.eq.dec} for Dec), else the first whose name starts with {@code ra} ({@code dec}); its unit
 *     converter follows the column's unit only for {@code deg*}, {@code rad*}, {@code hour*}, {@code hr},
 *     {@code hrs}, {@code arcmin}, {@code arcsec}: VOUnit's {@code h} is not among them, so hours are read as
 *     degrees;</li>
 * <li>for sky plots, in {@code SkySys.getCoordPair}: the <em>last</em> pair whose UCDs are exactly
 *     {@code pos.eq.ra;meta.main} and {@code pos.eq.dec;meta.main}, else exactly {@code pos.eq.ra} and
 *     {@code pos.eq.dec}, else columns named {@code ra} and {@code dec}. No unit is looked at.</li>
 * </ul>
 * So, for a table with an RA column in hours (and only then), {@link #forTopcat} returns a view in which:
 * <ol>
 * <li>an RA in degrees exists: the table's own (the {@code meta.main} one, else {@code ra_deg}, else the first),
 *     or, beside a lone hours column, an added {@code ra_deg} ({@code = ra * 15}, unit {@code deg});</li>
 * <li>that RA in degrees and the main Dec come first among the RA and Dec columns (the rest keep their order);</li>
 * <li>they are the only pair marked {@code meta.main}, with exactly the UCDs the plot guesser wants.</li>
 * </ol>
 * The hours column stays, with its name, unit, UCD and description: nothing the user asked for is lost. A table
 * without an hours RA is returned as it is. The rows are not copied; the view reads the table given.
 *
 * <p>Stateless; thread-safe. The view is as thread-safe as the table it reads.
 */
public final class SkyColumns {

    /** The name given to an RA in degrees added beside a lone hours column (made unique if taken). */
    public static final String ADDED_RA = "ra_deg";

    private static final Logger LOG = Logger.getLogger(SkyColumns.class.getName());
    private static final String RA_MAIN = "pos.eq.ra;meta.main";
    private static final String DEC_MAIN = "pos.eq.dec;meta.main";

    private SkyColumns() {
    }

    /**
     * @param table a table (random access is needed only when a degrees column is added; it is then made so)
     * @return {@code table} itself when it has no RA column in hours, else the view the class describes
     * @throws IOException if the table cannot be made random access
     */
    public static StarTable forTopcat(StarTable table) throws IOException {
        int n = table.getColumnCount();
        List<ColumnInfo> infos = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            infos.add(new ColumnInfo(table.getColumnInfo(i)));
        }
        int hours = -1;
        for (int i = 0; i < n && hours < 0; i++) {
            if (isRa(infos.get(i)) && isHours(infos.get(i).getUnitString())) {
                hours = i;
            }
        }
        if (hours < 0) {
            return table;
        }
        int degRa = pick(infos, SkyColumns::isRa, ADDED_RA, true);
        int dec = pick(infos, SkyColumns::isDec, "dec", false);
        StarTable base = table;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        if (degRa < 0) {
            // a lone hours RA: add the degrees beside it, so that no TOPCAT guesser is left with only hours
            base = withDegrees(Tables.randomTable(table), hours, infos);
            degRa = n;
            order.add(order.indexOf(hours), degRa);
        }
        moveFirst(order, infos, degRa, SkyColumns::isRa);
        infos.get(degRa).setUCD(RA_MAIN);
        if (dec >= 0) {
            moveFirst(order, infos, dec, SkyColumns::isDec);
            infos.get(dec).setUCD(DEC_MAIN);
        }
        // another main pair would compete in the plot guesser (which takes the last one): only ours stays main
        for (int i = 0; i < infos.size(); i++) {
            ColumnInfo info = infos.get(i);
            if (i != degRa && i != dec && (isRa(info) || isDec(info)) && info.getUCD().contains(";meta.main")) {
                info.setUCD(info.getUCD().replace(";meta.main", ""));
            }
        }
        int[] map = order.stream().mapToInt(Integer::intValue).toArray();
        ColumnInfo[] viewInfos = new ColumnInfo[map.length];
        for (int i = 0; i < map.length; i++) {
            viewInfos[i] = infos.get(map[i]);
        }
        String raName = infos.get(degRa).getName();
        String decName = dec < 0 ? "none" : infos.get(dec).getName();
        String hoursName = infos.get(hours).getName();
        LOG.fine(() -> "sky position for TOPCAT: " + raName + ", " + decName + " (" + hoursName + " is in hours)");
        return new Relabelled(new ColumnPermutedStarTable(base, map), table, viewInfos);
    }

    /** @return the index of the preferred degrees column of one axis: meta.main, else the name, else the first */
    private static int pick(List<ColumnInfo> infos, java.util.function.Predicate<ColumnInfo> axis, String name,
                            boolean degreesOnly) {
        int byName = -1;
        int first = -1;
        for (int i = 0; i < infos.size(); i++) {
            ColumnInfo info = infos.get(i);
            if (!axis.test(info) || isHours(info.getUnitString())
                || degreesOnly && !isDegrees(info.getUnitString())) {
                continue;
            }
            if (norm(info.getUCD()).contains("meta.main")) {
                return i;
            }
            if (byName < 0 && name.equalsIgnoreCase(info.getName())) {
                byName = i;
            }
            if (first < 0) {
                first = i;
            }
        }
        return byName >= 0 ? byName : first;
    }

    /** Moves {@code col} in {@code order} to just before the first column of its axis. */
    private static void moveFirst(List<Integer> order, List<ColumnInfo> infos, int col,
                                  java.util.function.Predicate<ColumnInfo> axis) {
        order.remove(Integer.valueOf(col));
        int at = 0;
        while (at < order.size() && !axis.test(infos.get(order.get(at)))) {
            at++;
        }
        order.add(Math.min(at, order.size()), col);
    }

    /** @return {@code table} with one more column: the hours column times 15, its info appended to {@code infos} */
    private static StarTable withDegrees(StarTable table, int hours, List<ColumnInfo> infos) {
        String hoursName = infos.get(hours).getName();
        String name = ADDED_RA;
        for (int k = 1; hasName(infos, name); k++) {
            name = ADDED_RA + "_" + k;
        }
        ColumnInfo info = new ColumnInfo(name, Double.class, "Right ascension in degrees (= " + hoursName
            + " * 15), added by iso-samp beside " + hoursName + ", which is in hours");
        info.setUnitString("deg");
        info.setUCD(RA_MAIN);
        infos.add(info);
        ColumnStarTable degrees = ColumnStarTable.makeTableWithRows(table.getRowCount());
        degrees.addColumn(new ColumnData(new ColumnInfo(info)) {
            @Override
            public Object readValue(long row) throws IOException {
                Object h = table.getCell(row, hours);
                return h instanceof Number num && !Double.isNaN(num.doubleValue()) ? num.doubleValue() * 15 : null;
            }
        });
        return new JoinStarTable(new StarTable[] {table, degrees});
    }

    private static boolean hasName(List<ColumnInfo> infos, String name) {
        return infos.stream().anyMatch(i -> name.equalsIgnoreCase(i.getName()));
    }

    /** @return the UCD as TOPCAT compares it: lower case, UCD1's underscores as dots */
    private static String norm(String ucd) {
        return ucd == null ? "" : ucd.replace('_', '.').toLowerCase(Locale.ROOT);
    }

    static boolean isRa(ColumnInfo info) {
        return norm(info.getUCD()).contains("pos.eq.ra");
    }

    static boolean isDec(ColumnInfo info) {
        return norm(info.getUCD()).contains("pos.eq.dec");
    }

    /**
     * @param unit a unit string, or null
     * @return true for an hour: VOUnit's {@code h} (case matters: {@code H} is the henry), or a spelling TOPCAT knows
     */
    static boolean isHours(String unit) {
        String u = unit == null ? "" : unit.trim();
        String l = u.toLowerCase(Locale.ROOT);
        return u.equals("h") || l.equals("hr") || l.equals("hrs") || l.equals("hour") || l.equals("hours");
    }

    private static boolean isDegrees(String unit) {
        return unit != null && unit.trim().toLowerCase(Locale.ROOT).startsWith("deg");
    }

    /** The permuted rows with the adjusted column metadata and the original table's name and parameters. */
    private static final class Relabelled extends WrapperStarTable {
        private final StarTable original;
        private final ColumnInfo[] infos;

        Relabelled(StarTable rows, StarTable original, ColumnInfo[] infos) {
            super(rows);
            this.original = original;
            this.infos = infos;
        }

        @Override
        public ColumnInfo getColumnInfo(int icol) {
            return infos[icol];
        }

        @Override
        public String getName() {
            return original.getName();
        }

        @Override
        public java.net.URL getURL() {
            return original.getURL();
        }

        @Override
        public List<DescribedValue> getParameters() {
            return original.getParameters();
        }

        @Override
        public DescribedValue getParameterByName(String name) {
            return original.getParameterByName(name);
        }
    }
}
