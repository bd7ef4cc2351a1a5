package org.isosamp.table;

import java.util.ArrayList;
import java.util.List;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.WrapperStarTable;

/**
 * A table seen with other parameters (and perhaps another name), its rows and columns untouched: for the INFOs
 * a TAP answer carries after its rows ({@code QUERY_STATUS=OVERFLOW}), which STIL's streamed table does not show
 * as parameters, and for pinning down parameters STIL would otherwise read lazily. Stateless; the wrappers are
 * as thread-safe as the tables they wrap.
 */
public final class TableParameters {

    private TableParameters() {
    }

    /**
     * @param table the table
     * @param extra parameters to show after the table's own
     * @return {@code table} itself when {@code extra} is empty, else a wrapper with both lists of parameters
     */
    public static StarTable appended(StarTable table, List<DescribedValue> extra) {
        if (extra.isEmpty()) {
            return table;
        }
        List<DescribedValue> params = new ArrayList<>(table.getParameters());
        params.addAll(extra);
        return fixed(table, table.getName(), params);
    }

    /**
     * @param table  the table
     * @param name   the name to show
     * @param params the parameters to show, in order (copied)
     * @return a wrapper whose name and parameters are these, whatever {@code table}'s become; like any STIL table
     *         it takes {@link StarTable#setName} and {@link StarTable#setParameter} (TOPCAT's command-line loader
     *         sets a parameter on every table it loads), which change the wrapper only
     */
    public static StarTable fixed(StarTable table, String name, List<DescribedValue> params) {
        return new Fixed(table, name, params);
    }

    /** The wrapper {@link #fixed} gives: its own name and parameter list. */
    private static final class Fixed extends WrapperStarTable {

        private final List<DescribedValue> params;
        private String name;

        Fixed(StarTable base, String name, List<DescribedValue> params) {
            super(base);
            this.name = name;
            this.params = new ArrayList<>(params);
        }

        @Override
        public synchronized String getName() {
            return name;
        }

        @Override
        public synchronized void setName(String name) {
            this.name = name;
        }

        @Override
        public synchronized List<DescribedValue> getParameters() {
            return params;
        }

        @Override
        public synchronized DescribedValue getParameterByName(String parameterName) {
            for (DescribedValue v : params) {
                if (v.getInfo().getName().equals(parameterName)) {
                    return v;
                }
            }
            return null;
        }

        @Override
        public synchronized void setParameter(DescribedValue value) {
            // as STIL's AbstractStarTable: a parameter of the same name is replaced
            params.removeIf(p -> p.getInfo().getName().equals(value.getInfo().getName()));
            params.add(value);
        }
    }
}
