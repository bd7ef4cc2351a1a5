package org.isosamp.local.tap;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import uk.ac.starlink.table.AbstractStarTable;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;
import org.isosamp.local.meta.ColumnDef;

/**
 * A one-pass STIL view of a JDBC result, with FIELD metadata from the archive
 * model rather than from JDBC, stopping after {@code maxrec} rows and noting
 * whether more were there. Values are coerced to the declared types. URLs of
 * the production archive are rewritten to this server's, so that a result's
 * access URLs point where the result came from. Not thread-safe; one row sequence only.
 */
final class ResultSetTable extends AbstractStarTable {

    private final ResultSet rs;
    private final ColumnInfo[] infos;
    private final Class<?>[] types;
    private final long maxrec;
    private final List<String> urlFrom;
    /** the first characters of {@link #urlFrom} */
    private final String urlStarts;
    private final String urlTo;
    private final Execution execution;
    private boolean used;
    private boolean overflow;

    /**
     * @param urlFrom   prefixes rewritten to {@code urlTo} in string values (empty: none)
     * @param execution the query's run, asked every 1024 rows whether it was cancelled; null: never
     */
    ResultSetTable(ResultSet rs, List<ColumnDef> fields, long maxrec, List<String> urlFrom, String urlTo,
                   Execution execution) {
        this.rs = rs;
        this.execution = execution;
        this.maxrec = maxrec;
        this.urlFrom = urlFrom;
        StringBuilder starts = new StringBuilder();
        for (String from : urlFrom) {
            if (from.isEmpty()) {
                throw new IllegalArgumentException("empty URL prefix");
            }
            starts.append(from.charAt(0));
        }
        this.urlStarts = starts.toString();
        this.urlTo = urlTo;
        this.infos = new ColumnInfo[fields.size()];
        this.types = new Class<?>[fields.size()];
        for (int i = 0; i < infos.length; i++) {
            infos[i] = columnInfo(fields.get(i));
            types[i] = fields.get(i).javaClass();
        }
    }

    static ColumnInfo columnInfo(ColumnDef c) {
        ColumnInfo info = new ColumnInfo(c.name(), c.javaClass(), c.description().isEmpty() ? null
                                                                 : c.description());
        info.setUnitString(c.unit());
        info.setUCD(c.ucd());
        info.setUtype(c.utype());
        info.setXtype(c.xtype());
        return info;
    }

    /** @return true once the row sequence has met a row beyond maxrec */
    boolean overflowed() {
        return overflow;
    }

    @Override
    public int getColumnCount() {
        return infos.length;
    }

    @Override
    public ColumnInfo getColumnInfo(int icol) {
        return infos[icol];
    }

    @Override
    public long getRowCount() {
        return -1;
    }

    @Override
    public RowSequence getRowSequence() throws IOException {
        if (used) {
            throw new IOException("result can be read only once");
        }
        used = true;
        return new RowSequence() {
            private long n;
            private Object[] row;

            @Override
            public boolean next() throws IOException {
                try {
                    if (!rs.next()) {
                        row = null;
                        return false;
                    }
                    if (n >= maxrec) {
                        overflow = true;
                        row = null;
                        return false;
                    }
                    // between rows, as H2 itself checks: a cancelled query stops writing rows already computed
                    if ((++n & 1023) == 0 && execution != null && execution.stopped()) {
                        throw new IOException("Query cancelled: " + execution.cancelReason());
                    }
                    Object[] r = new Object[infos.length];
                    for (int i = 0; i < r.length; i++) {
                        r[i] = coerce(rs.getObject(i + 1), types[i]);
                    }
                    row = r;
                    return true;
                } catch (SQLException e) {
                    throw new IOException(TapService.userMessage(e), e);
                }
            }

            @Override
            public Object getCell(int icol) {
                return row[icol];
            }

            @Override
            public Object[] getRow() {
                return row;
            }

            @Override
            public void close() {
            }
        };
    }

    private Object coerce(Object v, Class<?> type) {
        if (v == null || type.isInstance(v)) {
            // most strings are not URLs: their first character rules them out without a prefix comparison
            if (v instanceof String s && !s.isEmpty() && urlStarts.indexOf(s.charAt(0)) >= 0) {
                for (String from : urlFrom) {
                    if (s.startsWith(from)) {
                        return urlTo + s.substring(from.length());
                    }
                }
            }
            return v;
        }
        if (v instanceof Number num) {
            if (type == Double.class) {
                return num.doubleValue();
            } else if (type == Float.class) {
                return num.floatValue();
            } else if (type == Long.class) {
                return num.longValue();
            } else if (type == Integer.class) {
                return num.intValue();
            } else if (type == Short.class) {
                return num.shortValue();
            } else if (type == Boolean.class) {
                return num.intValue() != 0;
            }
        }
        if (type == String.class) {
            return v.toString();
        }
        if (v instanceof Boolean b && Number.class.isAssignableFrom(type)) {
            return coerce(b ? 1 : 0, type);
        }
        return v.toString();
    }
}
