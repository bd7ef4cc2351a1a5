package org.isosamp.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Run by {@link OutputTargetTest} as another user: asks whether {@code args[0]} may be replaced and prints
 * {@code refused: MESSAGE} or {@code accepted}. Depends on {@code io} and the JDK only, so that its class path
 * needs no jars from root's Maven repository.
 */
public final class OutputTargetProbe {

    private OutputTargetProbe() {
    }

    public static void main(String[] args) {
        try {
            OutputTarget.file(Path.of(args[0]), IfExists.REPLACE);
            System.out.println("accepted");
        } catch (IOException e) {
            System.out.println("refused: " + e.getMessage());
        }
    }
}
