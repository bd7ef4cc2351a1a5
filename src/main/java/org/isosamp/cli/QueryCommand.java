package org.isosamp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.isosamp.archive.JobListener;
import org.isosamp.archive.QueryResult;
import org.isosamp.table.TableFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code query ADQL}: astroquery's {@code query_ida_tap}, with MAXREC and overflow made explicit. */
@Command(name = "query", mixinStandardHelpOptions = true,
         description = "Run an ADQL query on the IDA TAP service; print the result or save it.")
public final class QueryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ArchiveOptions archive;

    @Mixin
    PrintOptions print;

    @Parameters(paramLabel = "ADQL", description = "the query, e.g. \"SELECT TOP 10 * FROM ida.observations\"")
    String adql;

    @Option(names = "--output-file", paramLabel = "FILE", description = "save the result here, under exactly this name")
    Path outputFile;

    @Option(names = "--output-format", paramLabel = "FORMAT",
            description = "votable, csv, fits, ecsv, ascii, text, ... (default: from the file's extension)")
    String outputFormat;

    @Option(names = "--maxrec", paramLabel = "N", converter = OptionChecks.MaxRec.class, description = "most rows (default: ${DEFAULT-VALUE}); a warning says if more exist")
    long maxrec = 100_000;

    @Option(names = "--async", description = "run as an asynchronous (UWS) job, reporting its phases")
    boolean async;

    @Option(names = "--max-lines", paramLabel = "N", converter = OptionChecks.NonNegative.class, description = "rows printed before eliding the middle (default: ${DEFAULT-VALUE}; 0 = all)")
    int maxLines = 20;

    /** @return true when the output is a VOTable: format votable, or none and a .vot/.votable/.xml name */
    static boolean isVotable(String format, Path file) {
        if (format != null && !format.isBlank()) {
            return format.trim().equalsIgnoreCase("votable");
        }
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.(vot|votable|xml)");
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        print.check();
        if (outputFile != null && !print.columns.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--columns chooses the printed columns; for a saved "
                                         + "file, name them in the ADQL SELECT");
        }
        // Ctrl-C during an async job: interrupt the query, which aborts and deletes the job
        Thread caller = Thread.currentThread();
        CountDownLatch finished = new CountDownLatch(1);
        Thread abort = new Thread(() -> {
            caller.interrupt();
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "iso-samp-abort-job");
        try (ArchiveOptions.Session s = archive.open();
             // a table file is started (format resolved, folder checked) before the query is sent
             TableFiles.Output table = outputFile != null && !isVotable(outputFormat, outputFile)
                     ? TableFiles.open(outputFile, outputFormat) : null) {
            if (async) {
                Runtime.getRuntime().addShutdownHook(abort);
            }
            JobListener phases = new JobListener() {
                @Override
                public void created(String jobUrl) {
                    if (!archive.quiet) {
                        err.println("job: " + jobUrl);
                        err.flush();
                    }
                }

                @Override
                public void accept(String phase) {
                    if (!archive.quiet) {
                        err.println("job phase: " + phase);
                        err.flush();
                    }
                }
            };
            Progress received = new Progress(System.err, "query", archive.quiet);
            QueryResult r;
            try {
                if (table != null) {
                    // the rows go into the file as the answer is parsed: one pass, nothing parsed twice
                    r = s.archive().queryToSink(adql, maxrec, async, phases, table, received);
                } else if (outputFile != null) {
                    // the archive's own VOTable, checked, saved as it came: no parse, no rewrite
                    r = new QueryResult(null, s.archive().queryToVotable(adql, maxrec, async, phases, outputFile,
                                                                         received), maxrec);
                } else {
                    r = s.archive().query(adql, maxrec, async, phases, received);
                }
            } finally {
                received.finish();
                finished.countDown();
                if (async) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(abort);
                    } catch (IllegalStateException shuttingDown) {
                        // the hook is running: it waits for us
                    }
                }
            }
            if (table != null) {
                // with the INFOs that followed the rows (QUERY_STATUS=OVERFLOW), as a whole-document reader has them
                table.commit(r.trailingParameters());
            }
            if (r.overflow()) {
                err.println("warning: result truncated at MAXREC=" + maxrec + " rows; more rows exist (raise --maxrec)");
                err.flush();
            }
            if (outputFile == null) {
                print.print(print.select(r.table()), out, maxLines);
            } else if (!archive.quiet) {
                err.println(table != null ? "wrote " + table.rows() + " rows to " + outputFile : "wrote " + outputFile);
                err.flush();
            }
            if (outputFile == null) {
                LocalLinks.note(s, print.select(r.table()), err, archive.quiet);
            } else {
                LocalLinks.noteFile(s, outputFile, err, archive.quiet);
            }
        }
        return 0;
    }
}
