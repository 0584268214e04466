"""The ported work: the same values from the same inputs, and the rules the Java side enforces."""

import unittest

from crossover_py import work
from crossover_py.work import Distribution, MASK, Workload


class WorkTest(unittest.TestCase):
    def test_values_stay_in_64_bits(self):
        for x in (0, 1, MASK, 1 << 63, 0x123456789ABCDEF):
            self.assertTrue(0 <= work.mix64(x) <= MASK)
            self.assertTrue(0 <= work.compute(x, 3) <= MASK)
            self.assertTrue(0 <= work.term(7, x) <= MASK)

    def test_signed_is_javas_long(self):
        self.assertEqual(-1, work.signed(MASK))
        self.assertEqual(-(1 << 63), work.signed(1 << 63))
        self.assertEqual(5, work.signed(5))

    def test_kernel_depends_on_every_unit(self):
        results = {work.compute(99, u) for u in range(6)}
        self.assertEqual(6, len(results))
        self.assertEqual(99 | 1, work.compute(99, 0))

    def test_reference_is_the_sum_of_terms_modulo_2_64(self):
        wl = Workload("cpu", 3, cpu_units=2).check()
        expected = sum(work.term(i, work.compute(wl.task(i).token, 2)) for i in range(50)) & MASK
        self.assertEqual(expected, wl.reference(range(50)))
        self.assertEqual(wl.reference(range(50)), wl.reference(reversed(range(50))), "order-independent")

    def test_tasks_are_a_function_of_seed_and_index(self):
        a = Workload("mixed", 11, io_nanos=1_000_000, cpu_units=5).check()
        b = Workload("mixed", 12, io_nanos=1_000_000, cpu_units=5).check()
        self.assertEqual(a.task(17), a.task(17))
        self.assertNotEqual(a.task(17).token, b.task(17).token)
        self.assertEqual(1, a.task(0).waits)
        self.assertEqual(0, Workload("cpu", 1, cpu_units=1).check().task(0).waits)

    def test_fail_rate_fails_about_its_share_and_only_one_wait_per_task(self):
        wl = Workload("fanout", 5, io_nanos=1_000_000, fanout=4, fail_rate=0.1).check()
        specs = [wl.task(i) for i in range(2000)]
        failing = [s for s in specs if s.injects_failure()]
        self.assertTrue(0 < len(failing) < len(specs))
        self.assertTrue(all(0 <= s.failing_wait < 4 for s in failing))
        self.assertTrue(all(s.wait_nanos(s.failing_wait) == 500_000 for s in failing))
        self.assertEqual(len(failing), wl.expected_failures(2000))

    def test_uniform_stays_within_its_share(self):
        d = Distribution.parse("uniform:20%")
        draws = [d.draw(1000, 1000, work.mix64(i), work.CPU_SALT) for i in range(500)]
        self.assertTrue(all(800 <= x <= 1200 for x in draws), (min(draws), max(draws)))
        self.assertGreater(len(set(draws)), 100)

    def test_spike_takes_its_duration_for_its_share(self):
        d = Distribution.parse("spike:10%:50ms")
        draws = [d.draw(10_000_000, 10_000_000, work.mix64(i), work.IO_SALT) for i in range(1000)]
        self.assertEqual({10_000_000, 50_000_000}, set(draws))
        token = next(t for t in range(1000) if work.mix64(t ^ work.CPU_SALT) % 10_000 < 1000)
        self.assertEqual(250, d.draw(5, 1_000_000, token, work.CPU_SALT),
                         "a CPU spike scales the units by the durations: 5 units of 1 ms, spiking to 50 ms")

    def test_distributions_parse_as_the_command_line_writes_them(self):
        self.assertEqual(Distribution("uniform", 2000), Distribution.parse("uniform:20%"))
        self.assertEqual(Distribution("lognormal", 0, 0.5), Distribution.parse("lognormal:0.5"))
        with self.assertRaises(ValueError) as e:
            Distribution.parse("gauss")
        self.assertEqual("distribution: gauss (expected: fixed, uniform:P%, exp, lognormal:SIGMA or spike:P%:DURATION)",
                         str(e.exception))

    def test_workload_rules_name_the_value(self):
        with self.assertRaises(ValueError) as e:
            Workload("cpu", io_nanos=5).check()
        self.assertEqual("io: 5ns (expected: 0 for workload cpu)", str(e.exception))
        with self.assertRaises(ValueError) as e:
            Workload("sleep", fanout=3).check()
        self.assertEqual("fanout: 3 (expected: 1 unless the workload is fanout)", str(e.exception))
        with self.assertRaises(ValueError):
            Workload("http").check()

    def test_sample_is_about_one_in_64(self):
        n = sum(1 for i in range(64_000) if work.sampled(42, i))
        self.assertTrue(500 < n < 1500, n)

    def test_units_for_rounds_as_the_java_calibration(self):
        self.assertEqual(0, work.units_for(0, 0.05))
        self.assertEqual(1, work.units_for(1, 0.05))
        self.assertEqual(50, work.units_for(1000, 0.05))
        self.assertGreater(work.calibrate(0.002, 3), 0)


if __name__ == "__main__":
    unittest.main()
