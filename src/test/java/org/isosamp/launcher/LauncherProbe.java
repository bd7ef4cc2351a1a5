package org.isosamp.launcher;

import java.lang.management.ManagementFactory;

/**
 * The main class of the stand-in jar {@link LauncherScriptTest} runs the launcher script with: prints its
 * arguments one per line, then the JVM's own options on a line starting "vm:", and exits with the status the
 * first argument names ("exit=N"). Loads a few picocli classes (class file version 49, which the JDK's CDS
 * cannot archive and warns about) so that the test sees whether such warnings reach standard output.
 */
public final class LauncherProbe {
    private LauncherProbe() {
    }

    public static void main(String[] args) {
        picocli.CommandLine.Help.defaultColorScheme(picocli.CommandLine.Help.Ansi.OFF);
        for (String a : args) {
            System.out.println(a);
        }
        System.out.println("vm: " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        System.out.flush();
        if (args.length > 0 && args[0].startsWith("exit=")) {
            System.exit(Integer.parseInt(args[0].substring(5)));
        }
    }
}
