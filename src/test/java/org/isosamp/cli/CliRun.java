package org.isosamp.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.isosamp.IsoSamp;
import org.isosamp.testing.SharedArchive;
import picocli.CommandLine;

/** Runs one iso-samp command line in-process against the shared local archive, capturing its output. */
record CliRun(int exit, String out, String err) {

    /** A product cache private to this test run (never the user's). */
    static final java.nio.file.Path CACHE;

    static {
        try {
            CACHE = java.nio.file.Files.createTempDirectory("iso-samp-test-cache");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static CliRun run(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (all.size() > 0 && !all.contains("--archive") && !all.get(0).equals("serve-local")
            && takesArchive(all.get(0))) {
            all.add(1, "--archive");
            all.add(2, SharedArchive.get().baseUrl().toString());
            all.add(3, "--quiet");
            if (!all.contains("--no-cache") && !all.contains("--cache-dir")) {
                all.add(4, "--cache-dir");
                all.add(5, CACHE.toString());
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = IsoSamp.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(all.toArray(String[]::new));
        return new CliRun(code, out.toString(), err.toString());
    }

    private static boolean takesArchive(String command) {
        CommandLine sub = IsoSamp.commandLine().getSubcommands().get(command);
        return sub != null && sub.getCommandSpec().findOption("--archive") != null;
    }

    List<String> lines() {
        return out.lines().toList();
    }
}
