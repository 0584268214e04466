package dev.crossover.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.core.Kernel;
import dev.crossover.core.ModelOptions;
import dev.crossover.core.Models;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesLoadGitModelDefaultsAndCalibration(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("environment.json");
        Environment.capture("smoke", new Kernel.Calibration(12.5)).write(file);
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
        boolean linux = Files.exists(Path.of("/proc/loadavg"));
        assertEquals(linux, started.get("loadAverageStart").isNumber(), started.toString());
        assertTrue(started.get("loadAverageEnd").isNull(), "no end load while it runs");

        Environment.capture("smoke", new Kernel.Calibration(12.5)).ended(false).write(file);
        JsonNode ended = JSON.readTree(file.toFile());
        assertEquals(linux, ended.get("loadAverageEnd").isNumber(), ended.toString());
        assertFalse(ended.get("endTime").isNull());
    }

    @Test
    void warnsWhenTheLoadExceedsHalfTheCores() {
        assertEquals(Optional.of("crossover: warning: 1-minute load average 1.50 exceeds half the 2 cores: "
                + "results will be noisy"), RunCommand.loadWarning(1.5, 2));
        assertEquals(Optional.empty(), RunCommand.loadWarning(1.0, 2), "exactly half is not noisy yet");
        assertEquals(Optional.empty(), RunCommand.loadWarning(null, 2), "no load average known");
    }
}
