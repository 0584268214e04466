package dev.crossover.reports.footprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.reports.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code footprint.json} as the {@code footprint} command (and {@code run}'s footprint section)
 * writes it: per model the fits over N and each task count's outcome.
 *
 * @param file          where it was read from
 * @param methodVersion how its numbers were measured; files of different versions never compare
 * @param command       the command that wrote it
 * @param jvmArgs       the probe JVMs' flags, the same for every model
 * @param memoryMeasure how memory was measured, in words
 * @param loadStart     the machine's load averages when it started
 * @param models        one per model, in the file's order
 */
public record FootprintFile(Path file, int methodVersion, String command, List<String> jvmArgs, String memoryMeasure,
                            List<Double> loadStart, List<Model> models) {
    /** The file's name in a run directory. */
    public static final String FILE_NAME = "footprint.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public FootprintFile {
        jvmArgs = List.copyOf(jvmArgs);
        loadStart = List.copyOf(loadStart);
        models = List.copyOf(models);
    }

    /**
     * One model's footprint.
     *
     * @param model                the model's id
     * @param parallelism          the most tasks it holds waiting at once, -1 for no limit but N
     * @param largestTasks         the largest N measured, 0 when none was
     * @param bytesPerTask         the slope of the process tree's Pss growth over N, NaN without a fit
     * @param r2                   that fit's R², NaN when unknown
     * @param fitPoints            how many N that fit rests on (2: the line is exact through them, R² says nothing)
     * @param liveHeapBytesPerTask the slope of the live heap (after full GCs) over N, NaN without a fit
     * @param spawnMicrosPerTask   the slope of the time to get N waiting over N, NaN without a fit
     * @param points               each task count's outcome, ascending
     */
    public record Model(String model, long parallelism, int largestTasks, double bytesPerTask, double r2, int fitPoints,
                       double liveHeapBytesPerTask, double spawnMicrosPerTask, List<Point> points) {
        public Model {
            points = List.copyOf(points);
        }
    }

    /**
     * One task count.
     *
     * @param tasks          N
     * @param status         {@code measured}, {@code refused}, {@code skipped} or {@code failed}
     * @param reason         why it was not measured; empty when it was
     * @param pssGrowthBytes the tree's Pss grown by the tasks, NaN unless measured
     * @param pssAfterBytes  the tree's Pss with the tasks waiting, NaN unless measured
     * @param waiting        the tasks waiting at once
     * @param queued         the tasks held but not begun
     * @param spawnMicrosPerTask the spawn time divided by N at this N, NaN unless measured
     */
    public record Point(int tasks, String status, String reason, double pssGrowthBytes, double pssAfterBytes, long waiting,
                        long queued, double spawnMicrosPerTask) {
        /** {@return whether the count was measured} */
        public boolean measured() {
            return status.equals("measured");
        }
    }

    /** {@return the footprint file beside a run's results.json (or in a run directory), if there is one} */
    public static Optional<Path> near(Path resultsFileOrDir) {
        Path dir = Files.isDirectory(resultsFileOrDir) ? resultsFileOrDir : resultsFileOrDir.toAbsolutePath().getParent();
        if (dir == null) {
            return Optional.empty();
        }
        Path file = dir.resolve(FILE_NAME);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** {@return the file read} @throws BadInputException naming it when it is not a footprint file's JSON */
    public static FootprintFile read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file, "not JSON (expected: a footprint.json): " + e.getMessage(), e);
        }
        if (root == null || !"crossover-footprint".equals(root.path("kind").asText()) || !root.path("models").isArray()) {
            throw new BadInputException(file, "kind: " + (root == null ? "none" : root.path("kind").asText("none"))
                    + " (expected: crossover-footprint, with models)");
        }
        List<Model> models = new ArrayList<>();
        for (JsonNode m : root.path("models")) {
            List<Point> points = new ArrayList<>();
            for (JsonNode p : m.path("points")) {
                points.add(new Point(p.path("tasks").asInt(), p.path("status").asText("?"), p.path("reason").asText(""),
                        number(p.path("pssGrowthBytes")), number(p.path("after").path("pssBytes")), p.path("waiting").asLong(),
                        p.path("queued").asLong(), number(p.path("spawnMicrosPerTask"))));
            }
            JsonNode fits = m.path("fits");
            models.add(new Model(m.path("model").asText("?"), m.path("parallelism").asLong(-1), m.path("largestTasks").asInt(),
                    number(fits.path("pss").path("bytesPerTask")), number(fits.path("pss").path("r2")),
                    fits.path("pss").path("points").asInt(0),
                    number(fits.path("liveHeap").path("bytesPerTask")), number(fits.path("spawn").path("microsPerTask")),
                    points));
        }
        List<String> args = new ArrayList<>();
        root.path("probeJvmArgs").forEach(a -> args.add(a.asText()));
        List<Double> load = new ArrayList<>();
        root.path("loadAverageStart").forEach(a -> load.add(a.asDouble()));
        return new FootprintFile(file, root.path("methodVersion").asInt(1), root.path("command").asText(""), args,
                root.path("memoryMeasure").asText(""), load, models);
    }

    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }
}
