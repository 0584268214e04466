package dev.crossover.reports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies the real JMH files of src/test/resources/jmh into a directory, as a user would pass them. */
final class Fixtures {
    static final String THRPT_PARAMS = "thrpt-params-hollow.json";
    static final String SAMPLE = "sample-pgclient.json";
    static final String SINGLE_SHOT = "ss-params-kvstore.json";
    static final String OLD_THRPT = "thrpt-old-visualizer.json";
    static final String AVGT_GC = "avgt-gc-arrayadd.json";
    static final String AVGT_GC_REAL = "avgt-gc-jmhsamples.json";

    private Fixtures() {
    }

    static Path copy(String name, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        try (InputStream in = Fixtures.class.getResourceAsStream("/jmh/" + name)) {
            if (in == null) {
                throw new IllegalStateException("fixture: " + name + " (expected: in src/test/resources/jmh)");
            }
            Files.copy(in, target);
        }
        return target;
    }
}
