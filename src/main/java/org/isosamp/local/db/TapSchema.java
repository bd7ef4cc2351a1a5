package org.isosamp.local.db;

import java.util.ArrayList;
import java.util.List;
import org.isosamp.local.meta.AdqlReserved;
import org.isosamp.local.meta.ArchiveMetadata;
import org.isosamp.local.meta.ArchiveMetadata.ForeignKey;
import org.isosamp.local.meta.ArchiveMetadata.SchemaDef;
import org.isosamp.local.meta.ColumnDef;
import org.isosamp.local.meta.TableDef;

/**
 * TAP_SCHEMA 1.1: its own table definitions, and its rows generated from the
 * archive's metadata model, so that {@code /tables}, TAP_SCHEMA and result
 * FIELDs always agree. Stateless.
 */
public final class TapSchema {

    /** Schema name as published (lower case, as the IDA lists it). */
    public static final String SCHEMA = "tap_schema";

    private TapSchema() {
    }

    /**
     * @param user the archive's own schemas, tables and keys
     * @return the same plus the TAP_SCHEMA schema, its five tables and its five self-referencing keys
     */
    public static ArchiveMetadata withTapSchema(ArchiveMetadata user) {
        List<SchemaDef> schemas = new ArrayList<>(user.schemas());
        // the IDA lists tap_schema right after tap_config; elsewhere it goes last
        int at = schemas.size();
        for (int i = 0; i < schemas.size(); i++) {
            if (schemas.get(i).name().equalsIgnoreCase("tap_config")) {
                at = i + 1;
            }
        }
        schemas.add(at, new SchemaDef(SCHEMA, "Table Access Protocol metadata (TAP 1.1)"));
        List<TableDef> tables = new ArrayList<>(user.tables());
        tables.addAll(tables());
        List<ForeignKey> keys = new ArrayList<>(user.keys());
        keys.addAll(keys());
        return new ArchiveMetadata(schemas, tables, keys);
    }

    private static ColumnDef c(String name, String datatype, String description, boolean principal) {
        return new ColumnDef(name, datatype, null, null, null, null, null, description,
                             principal, false, true);
    }

    static List<TableDef> tables() {
        return List.of(
            new TableDef(SCHEMA, SCHEMA + ".schemas", "table", "Schemas in this service", null, List.of(
                c("schema_name", "char", "schema name for reference to tap_schema.schemas", true),
                c("utype", "char", "lists the utypes of schemas in the tableset", false),
                c("description", "char", "describes schemas in the tableset", true),
                c("schema_index", "int", "recommended sort order when listing schemas", false)), null),
            new TableDef(SCHEMA, SCHEMA + ".tables", "table", "Tables in this service", null, List.of(
                c("schema_name", "char", "the schema this table belongs to", true),
                c("table_name", "char", "the fully qualified table name", true),
                c("table_type", "char", "one of: table view", true),
                c("utype", "char", "lists the utype of tables in the tableset", false),
                c("description", "char", "describes tables in the tableset", true),
                c("table_index", "int", "recommended sort order when listing tables", false)), null),
            new TableDef(SCHEMA, SCHEMA + ".columns", "table", "Columns in this service", null, List.of(
                c("table_name", "char", "the table this column belongs to", true),
                c("column_name", "char", "the column name", true),
                c("utype", "char", "lists the utypes of columns in the tableset", false),
                c("ucd", "char", "lists the UCDs of columns in the tableset", false),
                c("unit", "char", "lists the unit used for column values in the tableset", true),
                c("description", "char", "describes the columns in the tableset", true),
                c("datatype", "char", "lists the ADQL datatype of columns in the tableset", true),
                c("arraysize", "char", "lists the size of variable-length columns in the tableset", false),
                c("xtype", "char", "a DALI or custom extended type annotation", false),
                c("size", "int", "deprecated: use arraysize", false),
                c("principal", "int", "a principal column; 1 means 1, 0 means 0", true),
                c("indexed", "int", "an indexed column; 1 means 1, 0 means 0", false),
                c("std", "int", "a standard column; 1 means 1, 0 means 0", false),
                c("column_index", "int", "recommended sort order when listing columns of a table", false)),
                null),
            new TableDef(SCHEMA, SCHEMA + ".keys", "table", "Foreign keys between tables", null, List.of(
                c("key_id", "char", "unique key identifier", true),
                c("from_table", "char", "fully qualified table name", true),
                c("target_table", "char", "fully qualified table name", true),
                c("utype", "char", "lists the utype of keys in the tableset", false),
                c("description", "char", "describes keys in the tableset", true)), null),
            new TableDef(SCHEMA, SCHEMA + ".key_columns", "table", "Columns of foreign keys", null, List.of(
                c("key_id", "char", "key identifier from tap_schema.keys", true),
                c("from_column", "char", "column in the from_table", true),
                c("target_column", "char", "column in the target_table", true)), null));
    }

    static List<ForeignKey> keys() {
        String s = SCHEMA + ".";
        return List.of(
            new ForeignKey("tap_schema_tables_schema", s + "tables", s + "schemas",
                           List.of("schema_name"), List.of("schema_name"), "tables.schema_name -> schemas"),
            new ForeignKey("tap_schema_columns_table", s + "columns", s + "tables",
                           List.of("table_name"), List.of("table_name"), "columns.table_name -> tables"),
            new ForeignKey("tap_schema_keys_from", s + "keys", s + "tables",
                           List.of("from_table"), List.of("table_name"), "keys.from_table -> tables"),
            new ForeignKey("tap_schema_keys_target", s + "keys", s + "tables",
                           List.of("target_table"), List.of("table_name"), "keys.target_table -> tables"),
            new ForeignKey("tap_schema_key_columns_key", s + "key_columns", s + "keys",
                           List.of("key_id"), List.of("key_id"), "key_columns.key_id -> keys"));
    }

    /** Receives generated rows. */
    public interface Rows {
        void row(String table, Object[] values) throws Exception;
    }

    /**
     * Emits the TAP_SCHEMA rows describing {@code all} (which includes TAP_SCHEMA itself).
     */
    public static void rows(ArchiveMetadata all, Rows out) throws Exception {
        int si = 0;
        for (SchemaDef s : all.schemas()) {
            out.row(SCHEMA + ".schemas", new Object[] { s.name(), null, s.description(), si++ });
        }
        int ti = 0;
        for (TableDef t : all.tables()) {
            out.row(SCHEMA + ".tables",
                    new Object[] { t.schema(), t.name(), t.type(), t.utype(), t.description(), ti++ });
            int ci = 0;
            for (ColumnDef c : t.columns()) {
                out.row(SCHEMA + ".columns", new Object[] {
                    t.name(), c.publishedName(), c.utype(), c.ucd(), c.unit(), c.description(), c.tapType(),
                    c.arraysize(), c.xtype(), legacySize(c.arraysize()),
                    c.principal() ? 1 : 0, c.indexed() ? 1 : 0, c.std() ? 1 : 0, ci++ });
            }
        }
        for (ForeignKey k : all.keys()) {
            out.row(SCHEMA + ".keys",
                    new Object[] { k.keyId(), k.fromTable(), k.targetTable(), null, k.description() });
            for (int i = 0; i < k.fromColumns().size(); i++) {
                out.row(SCHEMA + ".key_columns",
                        new Object[] { k.keyId(), AdqlReserved.publish(k.fromColumns().get(i)),
                                       AdqlReserved.publish(k.targetColumns().get(i)) });
            }
        }
    }

    /** TAP 1.0 "size": the fixed length of an array column, else null (consistent with arraysize). */
    private static Integer legacySize(String arraysize) {
        if (arraysize == null || arraysize.contains("*") || arraysize.contains("x")) {
            return null;
        }
        try {
            return Integer.valueOf(arraysize);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
