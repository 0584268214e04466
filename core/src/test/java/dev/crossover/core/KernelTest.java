package dev.crossover.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KernelTest {

    @Test
    void isDeterministicAndDependsOnEveryUnit() {
        assertEquals(Kernel.compute(9, 100), Kernel.compute(9, 100));
        assertNotEquals(Kernel.compute(9, 100), Kernel.compute(9, 101));
        assertNotEquals(Kernel.compute(9, 100), Kernel.compute(10, 100));
    }

    @Test
    void calibrationTurnsDurationsIntoUnits() {
        Kernel.Calibration calibration = Kernel.calibrate();

        assertTrue(calibration.unitsPerMicro() > 0);
        assertEquals(0, calibration.unitsFor(Duration.ZERO));
        assertTrue(calibration.unitsFor(Duration.ofNanos(1)) >= 1, "any positive duration is some work");
        long units = calibration.unitsFor(Duration.ofMillis(1));
        assertEquals(1_000_000, calibration.nanosFor(units), 1_000_000 * 0.01);
    }
}
