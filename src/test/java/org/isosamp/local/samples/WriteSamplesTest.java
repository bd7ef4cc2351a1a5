package org.isosamp.local.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteSamplesTest {

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".csv"))
                .map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void mainReproducesTheCommittedCsvsByteForByte(@TempDir Path out) throws Exception {
        WriteSamples.main(new String[] { out.toString() });
        List<String> committed = files(Samples.DIR);
        assertEquals(committed, files(out));
        assertEquals(3 + 48, committed.size());
        for (String f : committed) {
            assertArrayEquals(Files.readAllBytes(Samples.DIR.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
    }
}
