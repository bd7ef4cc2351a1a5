package org.isosamp.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.isosamp.model.ColumnMeta;
import org.isosamp.table.TablePrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code columns TABLE}: astroquery's {@code get_columns}, and with {@code --full} its metadata. */
@Command(name = "columns", mixinStandardHelpOptions = true, description = "List the columns of one table.")
public final class ColumnsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ArchiveOptions archive;

    @Parameters(paramLabel = "TABLE", description = "qualified table name, e.g. ida.observations")
    String table;

    @Option(names = "--full", description = "a table of each column's name, datatype, unit, UCD and description")
    boolean full;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (var s = archive.open()) {
            List<ColumnMeta> cols = s.archive().columns(table);
            if (full) {
                List<List<String>> rows = new ArrayList<>();
                for (ColumnMeta c : cols) {
                    String type = c.datatype() == null ? null
                        : c.datatype() + (c.arraysize() == null ? "" : "[" + c.arraysize() + "]");
                    rows.add(Arrays.asList(c.name(), type, c.unit(), c.ucd(), c.description()));
                }
                TablePrinter.printText(out, List.of("name", "datatype", "unit", "ucd", "description"), rows);
            } else {
                for (ColumnMeta c : cols) {
                    out.println(c.name());
                }
            }
        }
        out.flush();
        return 0;
    }
}
