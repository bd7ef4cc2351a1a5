package org.isosamp.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.isosamp.model.TableMeta;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tables}: astroquery's {@code get_tables}. */
@Command(name = "tables", mixinStandardHelpOptions = true, description = "List the tables of the IDA TAP service.")
public final class TablesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ArchiveOptions archive;

    @Option(names = "--describe", description = "also print each table's description")
    boolean describe;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (var s = archive.open()) {
            for (TableMeta t : s.archive().tables(false)) {
                out.println(describe && !t.description().isEmpty() ? t.name() + "\t" + t.description() : t.name());
            }
        }
        out.flush();
        return 0;
    }
}
