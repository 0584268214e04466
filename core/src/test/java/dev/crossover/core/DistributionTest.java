package dev.crossover.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DistributionTest {

    @Test
    void parsesEveryShapeAndWritesItBack() {
        for (String text : new String[] {"fixed", "uniform:20.0%", "exp", "lognormal:0.5", "spike:1.0%:50ms"}) {
            assertEquals(text, Distribution.parse(text).toString());
        }
    }

    @Test
    void rejectsWhatItCannotReadWithOneLineNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Distribution.parse("spike:1%"));
        assertEquals("distribution: spike:1% (expected: fixed, uniform:P%, exp, lognormal:SIGMA or spike:P%:DURATION)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Distribution.parse("uniform:120%"));
    }

    @Test
    void uniformStaysWithinItsBandAndSpikesHitTheirShare() {
        Distribution uniform = Distribution.parse("uniform:10%");
        Distribution spike = Distribution.parse("spike:1%:50ms");
        int spikes = 0;
        for (long token = 0; token < 100_000; token++) {
            long u = uniform.draw(1_000_000, 1_000_000, Mix.mix64(token), 7);
            assertTrue(u >= 900_000 && u <= 1_100_000, "uniform draw " + u);
            long s = spike.draw(10_000_000, 10_000_000, Mix.mix64(token), 7);
            assertTrue(s == 10_000_000 || s == 50_000_000, "spike draw " + s);
            spikes += s == 50_000_000 ? 1 : 0;
        }
        assertTrue(spikes > 850 && spikes < 1_150, "spikes in 100,000: " + spikes);
    }

    @Test
    void exponentialAndLognormalKeepTheirMean() {
        for (String text : new String[] {"exp", "lognormal:0.5"}) {
            Distribution d = Distribution.parse(text);
            double sum = 0;
            for (long token = 0; token < 200_000; token++) {
                sum += d.draw(1_000_000, 1_000_000, Mix.mix64(token), 3);
            }
            double mean = sum / 200_000;
            assertTrue(Math.abs(mean - 1_000_000) < 20_000, text + " mean " + mean);
        }
    }

    @Test
    void everyModelGetsTheSameDrawsBecauseTheyComeFromTheWorkload() {
        Workload a = Workload.builder(WorkloadKind.MIXED).seed(3).io(Duration.ofMillis(10)).cpuUnits(100)
                .ioDist(Distribution.parse("exp")).cpuDist(Distribution.parse("spike:5%:1ms")).build();
        Workload b = Workload.builder(WorkloadKind.MIXED).seed(3).io(Duration.ofMillis(10)).cpuUnits(100)
                .ioDist(Distribution.parse("exp")).cpuDist(Distribution.parse("spike:5%:1ms")).build();
        boolean varied = false;
        for (int i = 0; i < 200; i++) {
            assertEquals(a.task(i), b.task(i));
            varied |= a.task(i).ioNanos() != a.task(0).ioNanos();
        }
        assertTrue(varied, "waits vary from task to task");
    }

    @Test
    void spikesRaiseTheIdealBoundsMeanTime() {
        Workload fixed = Workload.builder(WorkloadKind.SLEEP).concurrency(10).io(Duration.ofMillis(10)).build();
        Workload spiky = Workload.builder(WorkloadKind.SLEEP).concurrency(10).io(Duration.ofMillis(10))
                .ioDist(Distribution.parse("spike:10%:110ms")).build();
        assertEquals(1_000, fixed.idealThroughput(2), 1e-6);
        assertEquals(10 / 0.020, spiky.idealThroughput(2), 1e-6);  // mean wait 0.9 * 10 + 0.1 * 110 = 20 ms
    }
}
