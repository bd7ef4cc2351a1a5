package org.isosamp.local.meta;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The whole metadata model of the local archive: schemas and tables, in the
 * order in which they are published. {@code /tables}, {@code TAP_SCHEMA} and
 * the FIELDs of query results are all generated from one instance, so they can
 * never disagree. Immutable and thread-safe.
 */
public final class ArchiveMetadata {

    /** A schema and its description. */
    public record SchemaDef(String name, String description) { }

    /** A foreign key, for TAP_SCHEMA.keys/key_columns. */
    public record ForeignKey(String keyId, String fromTable, String targetTable,
                             List<String> fromColumns, List<String> targetColumns,
                             String description) { }

    private final List<SchemaDef> schemas;
    private final Map<String, TableDef> tables;
    private final List<ForeignKey> keys;

    public ArchiveMetadata(List<SchemaDef> schemas, List<TableDef> tables, List<ForeignKey> keys) {
        this.schemas = List.copyOf(schemas);
        Map<String, TableDef> m = new LinkedHashMap<>();
        for (TableDef t : tables) {
            if (m.put(t.name().toLowerCase(Locale.ROOT), t) != null) {
                throw new IllegalArgumentException("table " + t.name() + " declared twice");
            }
            if (this.schemas.stream().noneMatch(s -> s.name().equalsIgnoreCase(t.schema()))) {
                throw new IllegalArgumentException(
                    "table " + t.name() + " is in undeclared schema " + t.schema());
            }
        }
        this.tables = Collections.unmodifiableMap(m);
        this.keys = List.copyOf(keys);
    }

    public List<SchemaDef> schemas() {
        return schemas;
    }

    /** @return all tables, in publication order. */
    public List<TableDef> tables() {
        return new ArrayList<>(tables.values());
    }

    /** @return the tables of one schema, in publication order. */
    public List<TableDef> tables(String schema) {
        return tables.values().stream().filter(t -> t.schema().equalsIgnoreCase(schema)).toList();
    }

    public List<ForeignKey> keys() {
        return keys;
    }

    /**
     * Looks a table up by qualified name, case-insensitively (regular ADQL
     * identifiers are case-insensitive).
     */
    public Optional<TableDef> table(String qualifiedName) {
        return Optional.ofNullable(tables.get(qualifiedName.toLowerCase(Locale.ROOT)));
    }
}
