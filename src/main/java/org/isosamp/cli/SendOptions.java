package org.isosamp.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.astrogrid.samp.client.SampException;
import org.isosamp.samp.Delivery;
import org.isosamp.samp.SampPeer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the commands that send over SAMP share: the archive and hub options, to whom ({@code --to}), how long each
 * receiver has to reply ({@code --timeout}), and the report of what each receiver said.
 */
public final class SendOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Mixin
    ArchiveOptions archive;

    @Mixin
    SampOptions samp;

    @Option(names = "--to", paramLabel = "NAME|ID", description = "send to this client only (see 'clients')")
    String to;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", converter = OptionChecks.Positive.class,
            description = "how long each receiver has to reply (default: ${DEFAULT-VALUE})")
    int timeout;

    /**
     * @return the reply timeout
     */
    Duration replyTimeout() {
        return Duration.ofSeconds(timeout);   // at least 1: checked as the command line is read
    }

    /**
     * Says what was sent on stderr (unless {@code --quiet}), then each receiver's reply on stdout, one line each in
     * the order they were called: {@code <name> (<id>): samp.ok}, {@code ...: samp.error: <text>} or
     * {@code ...: no reply in N s} ({@link Delivery#outcome}).
     *
     * @param summary one line, e.g. {@code sent "ssap" (7 rows) as iso-samp-1-... to 3 client(s)}
     * @param delivery who was sent it and what each replied
     * @param what what was sent, for the failure, e.g. "the table"
     * @return 0 if at least one receiver loaded it ({@code samp.ok}, or {@code samp.warning}: loaded with problems)
     * @throws SampException saying that nobody loaded it, and why, otherwise ({@link Delivery#requireLoaded})
     */
    int report(String summary, Delivery delivery, String what) throws SampException {
        if (!archive.quiet) {
            PrintWriter err = command.commandLine().getErr();
            err.println(summary);
            err.flush();
        }
        PrintWriter out = command.commandLine().getOut();
        for (SampPeer p : delivery.recipients()) {
            out.println(p + ": " + delivery.outcome(p, replyTimeout()));
        }
        out.flush();
        delivery.requireLoaded(what, replyTimeout());
        return 0;
    }
}
