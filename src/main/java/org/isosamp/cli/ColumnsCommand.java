package org.isosamp.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.isosamp.model.ColumnMeta;
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

    @Option(names = "--full", description = "name, datatype, unit, UCD and description of each column")
    boolean full;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ArchiveOptions.Session s = archive.open()) {
            List<ColumnMeta> cols = s.archive().columns(table);
            for (ColumnMeta c : cols) {
                if (full) {
                    out.println(String.join("\t", c.name(), nz(c.datatype()) + (c.arraysize() == null ? ""
                        : "[" + c.arraysize() + "]"), nz(c.unit()), nz(c.ucd()), nz(c.description())));
                } else {
                    out.println(c.name());
                }
            }
        }
        out.flush();
        return 0;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
