package org.isosamp.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.isosamp.samp.SampPeer;
import org.isosamp.samp.SampSession;
import org.isosamp.table.TablePrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clients}: who is on the hub, and which of the MTypes iso-samp sends each one takes. */
@Command(name = "clients", mixinStandardHelpOptions = true,
         description = "List the clients on the SAMP hub and what they subscribe to.")
public final class ClientsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SampOptions samp;

    @Option(names = "--all", description = "list every subscription, not only the MTypes iso-samp sends")
    boolean all;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (SampSession bus = samp.openConnected()) {
            List<String> sends = org.isosamp.samp.SampManifest.load().sends();
            out.println("hub: " + bus.location().lockUrl() + "   iso-samp: " + bus.client().selfId());
            List<List<String>> rows = new ArrayList<>();
            for (SampPeer p : bus.client().peers()) {
                List<String> shown = new ArrayList<>();
                if (all) {
                    shown.addAll(new java.util.TreeSet<>(p.subscriptions()));
                } else {
                    shown.addAll(p.takes(sends));
                }
                rows.add(Arrays.asList(p.id(), p.name(), shown.isEmpty() ? "-" : String.join(" ", shown)));
            }
            TablePrinter.printText(out, List.of("id", "name", all ? "subscriptions" : "takes (of what iso-samp sends)"),
                                   rows);
        }
        out.flush();
        return 0;
    }
}
