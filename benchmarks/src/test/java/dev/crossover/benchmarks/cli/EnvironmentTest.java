package dev.crossover.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.core.Kernel;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.Models;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesGitModelDefaultsCalibrationAndWhatOtherProcessesTook(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("environment.json");
        Environment.capture("smoke", new Kernel.Calibration(12.5), OtherLoad.DEFAULT_THRESHOLD).write(file);
        JsonNode started = JSON.readTree(file.toFile());

        assertEquals(12.5, started.get("calibration").get("unitsPerMicro").asDouble());
        Set<String> ids = new HashSet<>();
        started.get("modelDefaults").fieldNames().forEachRemaining(ids::add);
        assertEquals(Set.copyOf(Models.ids()), ids);
        for (String id : Models.ids()) {
            assertEquals(Models.provider(id).defaults(ModelOptions.defaults()), started.get("modelDefaults").get(id).asText(), id);
        }
        assertEquals(!started.get("gitCommit").isNull(), started.has("gitDirty"), "gitDirty exactly when in a checkout");
        if (started.has("gitDirty")) {
            assertTrue(started.get("gitDirty").isBoolean());
        }
        assertEquals(0.25, started.get("busyThresholdCores").asDouble());
        for (String field : List.of("otherCpuCores", "stealCpuCores", "ownCpuCores", "busy")) {
            assertTrue(started.get(field).isNull(), field + ": unknown while it runs");
        }
        assertFalse(started.has("loadAverageStart"), "the load average is no signal: it counts the run itself");

        Environment.capture("smoke", new Kernel.Calibration(12.5), 0.5)
                .ended(false, new OtherLoad.Figures(30, 0.75, 0.125, 1.5)).write(file);
        JsonNode ended = JSON.readTree(file.toFile());
        assertEquals(0.5, ended.get("busyThresholdCores").asDouble());
        assertEquals(0.75, ended.get("otherCpuCores").asDouble());
        assertEquals(0.125, ended.get("stealCpuCores").asDouble());
        assertEquals(1.5, ended.get("ownCpuCores").asDouble());
        assertTrue(ended.get("busy").asBoolean(), "0.75 cores is above 0.5");
        assertFalse(ended.get("endTime").isNull());
    }
}
