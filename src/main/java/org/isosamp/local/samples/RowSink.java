package org.isosamp.local.samples;

/**
 * Receives generated or loaded rows, one call per row.
 */
public interface RowSink {

    /**
     * @param tableName qualified table name, e.g. {@code ida.observations}
     * @param values    one value per declared column of that table, in declared order;
     *                  Java types as {@code ColumnDef.javaClass()}, null for NULL
     * @throws Exception to abort generation or loading
     */
    void row(String tableName, Object[] values) throws Exception;
}
