package org.isosamp.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.isosamp.archive.JobListener;
import org.isosamp.archive.QueryFiles;
import org.isosamp.archive.QueryRequest;
import org.isosamp.archive.QueryResult;
import org.isosamp.io.FileErrors;
import org.isosamp.io.IfExists;
import org.isosamp.io.OutputTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code query ADQL}: astroquery's {@code query_ida_tap}, with MAXREC and overflow made explicit. The result is
 * printed as a table, or written in {@code --output-format} to {@code --output-file} (an existing file only with
 * {@code --overwrite}; {@code -} or no file: standard output), as {@link OutputTarget} says.
 */
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

    @Option(names = "--output-file", paramLabel = "FILE",
            description = "save the result here, under exactly this name ('-': standard output); an existing file"
                          + " is refused unless --overwrite is given; a symbolic link is written through")
    Path outputFile;

    @Option(names = "--output-format", paramLabel = "FORMAT",
            description = "votable, csv, fits, ecsv, ascii, text, ... (default: from the file's extension);"
                          + " without --output-file, written to standard output")
    String outputFormat;

    @Option(names = "--overwrite", description = "replace an existing --output-file (if it may be written)")
    boolean overwrite;

    @Option(names = "--maxrec", paramLabel = "N", converter = OptionChecks.MaxRec.class, description = "most rows (default: ${DEFAULT-VALUE}); a warning says if more exist")
    long maxrec = 100_000;

    @Option(names = "--async", description = "run as an asynchronous (UWS) job, reporting its phases")
    boolean async;

    @Option(names = "--max-lines", paramLabel = "N", converter = OptionChecks.NonNegative.class, description = "rows printed before eliding the middle (default: ${DEFAULT-VALUE}; 0 = all)")
    int maxLines = 20;

    /** Exit code after standard output's reader went away ({@code | head}): 128 + SIGPIPE, as a shell tool's. */
    static final int BROKEN_PIPE = 141;

    /** @return whether the result goes to standard output in a file format ({@code --output-file -}, or a format alone) */
    private boolean toStdout() {
        return outputFile == null ? outputFormat != null : outputFile.toString().equals("-");
    }

    /**
     * Where the result goes, checked before the query is sent: the format is known, an existing file is refused
     * without --overwrite, a file we may not write is refused.
     *
     * @return the target, or null to print a table
     */
    private OutputTarget target() throws IOException {
        if (!toStdout()) {
            if (outputFile == null) {
                return null;
            }
            QueryFiles.checkFormat(outputFormat, outputFile.toString());
            return OutputTarget.file(outputFile, IfExists.overwrite(overwrite));
        }
        if (outputFormat == null || outputFormat.isBlank()) {
            throw new ParameterException(spec.commandLine(),
                "--output-file - (standard output) needs --output-format, e.g. --output-format csv");
        }
        QueryFiles.checkFormat(outputFormat, "-");
        System.out.flush();
        // the bytes of file formats (FITS is binary) go to the descriptor, not through a Writer
        return OutputTarget.stream(new FileOutputStream(FileDescriptor.out), "standard output");
    }

    @Override
    public Integer call() throws Exception {
        OutputTarget target = target();
        try {
            return run(target);
        } catch (IOException e) {
            if (target != null && target.path() == null && FileErrors.isBrokenPipe(e)) {
                return BROKEN_PIPE; // the reader has all it wanted: no message, as a shell tool stops quietly
            }
            throw e;
        }
    }

    private int run(OutputTarget target) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        print.check();
        if (target != null && !print.columns.isEmpty()) {
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
        try (var s = archive.open()) {
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
            QueryResult r = null;
            QueryFiles.Saved saved = null;
            try {
                QueryRequest request = QueryRequest.builder(adql).maxrec(maxrec).async(async)
                        .jobListener(phases).progress(received).build();
                if (target != null) {
                    // the core decides how: the archive's VOTable as it came, or rows streamed into a table file
                    saved = s.archive().queryToFile(request, target, outputFormat);
                } else {
                    r = s.archive().query(request);
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
            boolean overflow = saved != null ? saved.overflow() : r.overflow();
            if (overflow) {
                err.println("warning: result truncated at MAXREC=" + maxrec + " rows; more rows exist (raise --maxrec)");
                err.flush();
            }
            if (target == null) {
                print.print(print.select(r.table()), out, maxLines);
            } else if (!archive.quiet && target.path() != null) {
                err.println(saved.rows() >= 0 ? "wrote " + rows(saved.rows()) + " to " + outputFile : "wrote " + outputFile);
                err.flush();
            }
            if (target == null) {
                LocalLinks.note(s, print.select(r.table()), err, archive.quiet);
            } else if (target.path() != null) {
                LocalLinks.noteFile(s, target.path(), err, archive.quiet);
            }
        }
        return 0;
    }

    /** @return "1 row", "2 rows" */
    static String rows(long n) {
        return n + (n == 1 ? " row" : " rows");
    }
}
