package org.isosamp.table;

import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.Tables;
import uk.ac.starlink.table.WrapperStarTable;

/**
 * Column metadata whose {@code formatValue} gives exactly what STIL's
 * {@link uk.ac.starlink.table.DefaultValueInfo#formatValue} gives, faster for
 * the common case: a scalar string, number or boolean that fits is its
 * {@code toString()}; STIL builds it in a synchronized {@code StringBuffer}
 * first, which is most of the time of writing CSV (1.8 million cells for the
 * 40k-row query). Anything else (arrays, values too long, column metadata of
 * another class, which might format differently) goes to STIL's own method.
 * Stateless.
 */
final class FastFormat extends ColumnInfo {

    private FastFormat(ColumnInfo base) {
        super(base);
    }

    /** @return the table, its plain {@link ColumnInfo}s formatting as described above */
    static StarTable wrap(StarTable table) {
        int n = table.getColumnCount();
        ColumnInfo[] infos = new ColumnInfo[n];
        for (int i = 0; i < n; i++) {
            ColumnInfo info = table.getColumnInfo(i);
            infos[i] = info.getClass() == ColumnInfo.class ? new FastFormat(info) : info;
        }
        return new WrapperStarTable(table) {
            @Override
            public ColumnInfo getColumnInfo(int icol) {
                return infos[icol];
            }
        };
    }

    @Override
    public String formatValue(Object value, int maxLength) {
        if (maxLength > 0 && !isArray()
            && (value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Character)) {
            if (Tables.isBlank(value)) {
                return "";
            }
            String s = value.toString();
            if (s.length() <= maxLength) {
                return s;
            }
        }
        return super.formatValue(value, maxLength);
    }
}
