package org.isosamp.local.adql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One translator serves every HTTP thread: concurrent use gives the same answers. */
class SharedTranslatorTest {

    @Test
    void concurrentTranslationsAgreeWithSequentialOnes() throws Exception {
        List<String> queries = List.of(
            "SELECT COUNT(*) AS nr FROM TAP_SCHEMA.schemas",
            "SELECT TOP 10 * FROM ida.observations AS t",
            "SELECT tdt FROM ida.observations WHERE INTERSECTS(CIRCLE('ICRS', 10, 41, 0.1), s_region_fov) = 1",
            "SELECT o.tdt, s.obs_id FROM ida.observations o JOIN ivoa.obscore s USING (s_ra)");
        List<Translation> expected = new ArrayList<>();
        for (String q : queries) {
            expected.add(TestArchive.TRANSLATOR.translate(q));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Translation>> futures = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String q = queries.get(i % queries.size());
                futures.add(pool.submit(() -> TestArchive.TRANSLATOR.translate(q)));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(expected.get(i % queries.size()), futures.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
