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
     * @return a wrapper whose name and parameters are these, whatever {@code table}'s become
     */
    public static StarTable fixed(StarTable table, String name, List<DescribedValue> params) {
        List<DescribedValue> copy = List.copyOf(params);
        return new WrapperStarTable(table) {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public List<DescribedValue> getParameters() {
                return copy;
            }

            @Override
            public DescribedValue getParameterByName(String parameterName) {
                for (DescribedValue v : copy) {
                    if (v.getInfo().getName().equals(parameterName)) {
                        return v;
                    }
                }
                return null;
            }
        };
    }
}
