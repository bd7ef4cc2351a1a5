package org.isosamp.local.meta;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One table of the local archive.
 *
 * @param schema      schema name (lower case, e.g. {@code ida})
 * @param name        qualified name (lower case, e.g. {@code ida.observations})
 * @param type        TAP_SCHEMA table_type: {@code table} or {@code view}
 * @param description free text
 * @param utype       table utype or null
 * @param columns     columns in their declared order
 * @param spatial     position/footprint columns, or null when the table has none
 */
public record TableDef(String schema, String name, String type, String description, String utype,
                       List<ColumnDef> columns, SpatialDef spatial) {

    public TableDef {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        if (!name.startsWith(schema + ".")) {
            throw new IllegalArgumentException(
                "table " + name + " is not qualified by its schema " + schema);
        }
        columns = List.copyOf(columns);
        type = type == null || type.isBlank() ? "table" : type;
        description = description == null ? "" : description;
        utype = utype == null || utype.isBlank() ? null : utype;
    }

    /** @return the unqualified table name, e.g. {@code observations}. */
    public String simpleName() {
        return name.substring(schema.length() + 1);
    }

    /** @return the column of that name (case-insensitive), if any. */
    public Optional<ColumnDef> column(String columnName) {
        String k = columnName.toLowerCase(Locale.ROOT);
        return columns.stream().filter(c -> c.key().equals(k)).findFirst();
    }

    /** Hidden H2 schema of the spatial index tables; unknown to ADQL. */
    public static final String INDEX_SCHEMA = "_idx";

    /**
     * @return the quoted H2 name of this table's spatial index ({@code "cell"}, {@code "row_id"} →
     *         the table's hidden {@code "_rowid"}): {@code "_idx"."ida__observations"}
     */
    public String cellIndexSqlName() {
        return '"' + INDEX_SCHEMA + "\".\"" + schema + "__" + simpleName() + '"';
    }

    /** @return the quoted H2 identifier of this table: {@code "ida"."observations"}. */
    public String sqlName() {
        return '"' + schema + "\".\"" + simpleName() + '"';
    }
}
