package org.isosamp.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** Options of the commands that send over SAMP: to whom, and how long each receiver has to reply. */
public final class SendOptions {

    @Option(names = "--to", paramLabel = "NAME|ID", description = "send to this client only (see 'clients')")
    String to;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "how long each receiver has to reply (default: ${DEFAULT-VALUE})")
    int timeout;

    /**
     * @return the reply timeout
     * @throws IllegalArgumentException if it is under a second
     */
    Duration replyTimeout() {
        if (timeout < 1) {
            throw new IllegalArgumentException("--timeout (" + timeout + ") must be at least 1 second");
        }
        return Duration.ofSeconds(timeout);
    }
}
