package org.isosamp.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cache clear|dir}: astroquery's {@code clear_cache}, and where the cache lives. */
@Command(name = "cache", mixinStandardHelpOptions = true,
         description = "Manage the product cache: 'clear' empties it, 'dir' prints where it is.")
public final class CacheCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ArchiveOptions archive;

    @Parameters(paramLabel = "ACTION", description = "clear or dir")
    String action;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (archive.noCache) {
            throw new IllegalArgumentException("--no-cache leaves no cache to " + action);
        }
        try (ArchiveOptions.Session s = archive.openForCache()) {
            switch (action) {
                case "clear" -> out.println("removed " + s.archive().clearCache() + " cached products from "
                                            + s.archive().cacheDir());
                case "dir" -> out.println(s.archive().cacheDir());
                default -> throw new IllegalArgumentException("unknown cache action \"" + action + "\" (clear or dir)");
            }
        }
        out.flush();
        return 0;
    }
}
