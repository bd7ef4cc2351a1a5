package org.isosamp.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.isosamp.samp.ProductSender;
import org.isosamp.samp.SampSession;
import org.isosamp.samp.SentTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code send-product TDT}: a STANDALONE product to the SAMP clients that take it: a spectrum to SPLAT
 * ({@code spectrum.load.ssa-generic}), an image to Aladin or ds9 ({@code image.load.fits}), a FITS table to TOPCAT
 * ({@code table.load.fits}); what it is is read from the file. Waits for the replies and prints each one.
 */
@Command(name = "send-product", mixinStandardHelpOptions = true,
         description = {"Download a STANDALONE product and send it over SAMP: spectra to SPLAT, images to Aladin, "
                        + "FITS tables to TOPCAT; print each receiver's reply.",
                        "Exits 0 if at least one loaded it."})
public final class SendProductCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TDT", description = "the observation, e.g. 58002102")
    String tdt;

    @Mixin
    SendOptions send;

    @Override
    public Integer call() throws Exception {
        Duration replyTimeout = send.replyTimeout();
        try (var s = send.archive.open(); SampSession bus = send.samp.openConnected();
             ProductSender sender = new ProductSender(bus.client(), bus.server(), s.archive(), new SentTables(),
                                                      replyTimeout, 1)) {
            ProductSender.Sent sent = sender.send(tdt, send.to);
            String file = sent.product().file().getFileName().toString();
            return send.report("sent " + file + " (" + sent.product().found() + ") as " + sent.mtype() + " to "
                + sent.delivery().recipients().size() + " client(s)", sent.delivery(), file);
        }
    }
}
