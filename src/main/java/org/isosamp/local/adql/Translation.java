package org.isosamp.local.adql;

import java.util.List;
import org.isosamp.local.meta.ColumnDef;

/**
 * An ADQL query translated for H2.
 *
 * @param sql    the H2 SQL (a single SELECT, identifiers quoted, geometry as adql_* UDFs, TOP as LIMIT)
 * @param fields one entry per output column, in order: the FIELD metadata of the result
 *               (name = output label; unit/UCD/utype/xtype copied from the source column when the
 *               output is a plain column reference)
 */
public record Translation(String sql, List<ColumnDef> fields) {
    public Translation {
        fields = List.copyOf(fields);
    }
}
