package org.isosamp.io;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The child JVM of {@link PartFileTest}: commits {@code args[0]}, then starts a part file for {@code args[1]},
 * writes into it, prints {@code ready} and either blocks until killed ({@code args[2]} = {@code block}) or returns
 * from {@code main} with the part file uncommitted ({@code exit}).
 */
public final class HoldPartFile {

    private HoldPartFile() {
    }

    public static void main(String[] args) throws Exception {
        try (PartFile done = PartFile.beside(Path.of(args[0]))) {
            try (OutputStream out = done.newOutputStream()) {
                out.write("committed".getBytes(StandardCharsets.US_ASCII));
            }
            done.commit();
        }
        PartFile pending = PartFile.beside(Path.of(args[1]));
        OutputStream out = pending.newOutputStream();
        out.write(new byte[100_000]);
        out.flush();
        System.out.println("ready " + pending.path());
        System.out.flush();
        if (args[2].equals("block")) {
            new CountDownLatch(1).await();
        }
    }
}
