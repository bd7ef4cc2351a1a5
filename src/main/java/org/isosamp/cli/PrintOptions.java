package org.isosamp.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.isosamp.table.TablePrinter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import uk.ac.starlink.table.StarTable;

/**
 * How a result table is shown: which columns ({@code --columns}) and how wide ({@code --max-width}). Without
 * {@code --max-width}, a table printed to a terminal fits it as astropy's {@code pprint} does ({@code $COLUMNS}
 * if set, else the terminal's own width, else 80); printed to a pipe or a file it keeps every column, since
 * eliding columns there would lose data a script asked for.
 */
final class PrintOptions {

    /** The command this is mixed into, for usage errors. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--columns", paramLabel = "NAME,...", split = ",",
            description = "only these columns, in this order")
    List<String> columns = List.of();

    @Option(names = "--max-width", paramLabel = "N",
            description = "most characters a printed line, middle columns elided as '...' (default: the terminal's "
                          + "width; no limit when not printing to a terminal; 0 or -1: no limit)")
    Integer maxWidth;

    /** Refuses a bad {@code --max-width} before anything is asked of the archive. */
    void check() {
        if (maxWidth != null && maxWidth < -1) {
            throw new ParameterException(mixee.commandLine(), "--max-width (" + maxWidth
                                         + ") must be a width, or 0 or -1 for no limit");
        }
    }

    /** @return the table with only the chosen columns; a usage error names an unknown one */
    StarTable select(StarTable table) {
        try {
            return TablePrinter.selectColumns(table, columns == null ? List.of() : columns);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), "--columns: " + e.getMessage());
        }
    }

    /** Prints the table (already {@link #select}ed) in the chosen width. */
    void print(StarTable table, PrintWriter out, int maxRows) throws IOException {
        TablePrinter.print(table, out, maxRows, width(System.console() != null, System.getenv(),
                                                              PrintOptions::sttyColumns));
    }

    /**
     * @param terminal whether stdout is a terminal
     * @param env      the environment ({@code COLUMNS})
     * @param tty      the terminal's width, or &lt;= 0 when unknown
     * @return the most characters a line, 0 for no limit
     */
    int width(boolean terminal, Map<String, String> env, IntSupplier tty) {
        if (maxWidth != null) {
            return Math.max(0, maxWidth);
        }
        if (!terminal) {
            return 0;
        }
        try {
            int c = Integer.parseInt(env.getOrDefault("COLUMNS", "").trim());
            if (c > 0) {
                return c;
            }
        } catch (NumberFormatException notSet) {
            // the shell keeps COLUMNS to itself unless exported: ask the terminal
        }
        int c = tty.getAsInt();
        return c > 0 ? c : 80;
    }

    /** @return the width of the controlling terminal ({@code stty size}), or 0 when it cannot be had */
    static int sttyColumns() {
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String answer = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (!p.waitFor(1, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return 0;
            }
            String[] rowsCols = answer.split("\\s+");
            return rowsCols.length == 2 ? Integer.parseInt(rowsCols[1]) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
