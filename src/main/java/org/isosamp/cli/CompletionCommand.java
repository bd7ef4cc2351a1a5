package org.isosamp.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code completion}: prints the bash (and zsh) completion script that picocli's {@link AutoComplete} makes
 * from the command registry, so completion never drifts from the commands and options it completes.
 * <pre>
 *   source &lt;(iso-samp completion)        # this shell
 *   iso-samp completion &gt; ~/.local/share/bash-completion/completions/iso-samp
 * </pre>
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
         description = {"Print the bash/zsh completion script of every command and option.",
                        "Use: source <(iso-samp completion), or save it as"
                        + " ~/.local/share/bash-completion/completions/iso-samp"})
public final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // the root knows every command: the launcher registers them all when the first word is "completion"
        CommandSpec root = spec.root();
        PrintWriter out = spec.commandLine().getOut();
        out.print(AutoComplete.bash(root.name(), root.commandLine()));
        out.flush();
        return 0;
    }
}
