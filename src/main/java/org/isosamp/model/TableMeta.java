package org.isosamp.model;

import java.util.List;

/**
 * A table of the archive as the service describes it.
 *
 * @param name        qualified name, e.g. {@code ida.observations}
 * @param description the service's description, may be empty
 * @param columns     its columns, empty when they were not asked for
 */
public record TableMeta(String name, String description, List<ColumnMeta> columns) {
    public TableMeta {
        columns = List.copyOf(columns);
        description = description == null ? "" : description;
    }
}
