package org.isosamp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.isosamp.local.LocalArchive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve-local}: runs the embedded local archive until interrupted.
 */
@Command(name = "serve-local", mixinStandardHelpOptions = true,
         description = {"Serve the embedded local ISO Data Archive (synthetic sample data) on 127.0.0.1.",
                        "TAP at /nida-sl-tap/tap (ESA flavour) and /tap (strict), data at /nida-sl-tap/data."})
public final class ServeLocalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port; 0 = any free port (default: ${DEFAULT-VALUE})")
    int port = 0;

    @Option(names = "--data", paramLabel = "DIR",
            description = "sample folder (metadata CSVs, data/, products/); default: samples/")
    Path data;

    @Option(names = "--synthetic", paramLabel = "N",
            description = "add N synthetic observations (e.g. 40000, 1000000) for scale work")
    long synthetic;

    @Option(names = "--seed", paramLabel = "SEED", description = "seed of the synthetic generator (default: ${DEFAULT-VALUE})")
    long seed = 1995;

    @Option(names = "--large-product", paramLabel = "TDT=BYTES",
            description = {"serve TDT's OBSERVATION tar as a synthetic tar of about BYTES bytes, made as it is sent"
                           + " (e.g. 80000203=1073741824; repeatable): for download benchmarks and tests"})
    java.util.Map<String, Long> largeProducts = new java.util.LinkedHashMap<>();

    @Option(names = "--exit-when-ready", hidden = true,
            description = "start, print the URLs, then stop (for start-up checks and benchmarks)")
    boolean exitWhenReady;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        LocalArchive.Builder b = LocalArchive.builder().port(port).dataDir(data).synthetic(synthetic).seed(seed);
        largeProducts.forEach(b::largeProduct);
        LocalArchive archive = b.start();
        out.println("iso-samp local archive (synthetic sample data) started in " + archive.startMillis() + " ms");
        out.println("TAP (ESA flavour, astroquery): " + archive.tapUrl());
        out.println("TAP (strict IVOA, taplint):    " + archive.strictTapUrl());
        out.println("Data:                          " + archive.dataUrl() + "?");
        out.flush();
        if (exitWhenReady) {
            archive.close();
            return 0;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            archive.close();
            stop.countDown();
        }, "local-archive-shutdown"));
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stop.await();
        return 0;
    }
}
