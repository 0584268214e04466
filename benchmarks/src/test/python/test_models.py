"""Every model on fixed counts: each task once, the reference checksum, the injected failures, at most C in flight."""

import unittest

from crossover_py import models, runner
from crossover_py.work import Workload, signed

AVAILABLE = [m for m in models.MODELS.values() if m.unavailable() is None]


class ModelsTest(unittest.TestCase):
    def check_fixed(self, model, workload, tasks, concurrency):
        result = runner.run_fixed(model.id, workload, tasks, concurrency)
        expected_failures = workload.expected_failures(tasks)
        self.assertEqual(tasks, result["completed"] + result["failed"], result)
        self.assertEqual(expected_failures, result["failed"], result)
        self.assertEqual(signed(workload.reference(range(tasks))), result["checksum"], result)
        self.assertTrue(result["verification"]["passed"], result)
        self.assertLessEqual(result["maxInFlight"], concurrency)
        if expected_failures:
            self.assertEqual({"InjectedFailure": expected_failures}, result["failureCauses"])
        return result

    def test_cpu_gives_the_reference_checksum_under_every_model(self):
        wl = Workload("cpu", 7, cpu_units=20).check()
        for m in AVAILABLE:
            with self.subTest(model=m.id):
                self.assertEqual(4, self.check_fixed(m, wl, 120, 4)["maxInFlight"])

    def test_mixed_with_failures_and_uniform_waits_under_every_model(self):
        from crossover_py.work import Distribution
        wl = Workload("mixed", 9, io_nanos=2_000_000, cpu_units=3, fail_rate=0.1,
                      io_dist=Distribution.parse("uniform:50%")).check()
        for m in AVAILABLE:
            with self.subTest(model=m.id):
                self.check_fixed(m, wl, 150, 20)

    def test_sleep_reaches_c_in_flight(self):
        wl = Workload("sleep", 1, io_nanos=20_000_000).check()
        for m in AVAILABLE:
            if m.id == "py-processes":
                continue  # one task per worker process: at most the cores in flight inside, C admitted
            with self.subTest(model=m.id):
                self.assertEqual(50, self.check_fixed(m, wl, 200, 50)["maxInFlight"])

    def test_fanout_fails_fast_as_a_group_on_the_loops(self):
        wl = Workload("fanout", 3, io_nanos=5_000_000, cpu_units=2, fanout=4, fail_rate=0.05).check()
        for m in AVAILABLE:
            with self.subTest(model=m.id):
                if m.fanout:
                    self.check_fixed(m, wl, 200, 25)
                else:
                    self.assertEqual(f"workload: fanout (expected: sleep, cpu, mixed or null: model {m.id} runs no fan-out)",
                                     m.refuses(wl))
                    with self.assertRaises(ValueError):
                        runner.run_fixed(m.id, wl, 10, 2)

    def test_compute_failures_are_booked_as_injected(self):
        wl = Workload("cpu", 4, cpu_units=1, fail_rate=0.2).check()
        for m in AVAILABLE:
            with self.subTest(model=m.id):
                self.assertGreater(self.check_fixed(m, wl, 100, 5)["failed"], 0)

    def test_uvloop_says_why_it_is_unavailable(self):
        try:
            import uvloop  # noqa: F401
            self.assertIsNone(models.model("py-uvloop").unavailable())
        except ImportError:
            self.assertEqual("uvloop is not installed (pip install uvloop)", models.model("py-uvloop").unavailable())

    def test_an_unknown_model_is_named(self):
        with self.assertRaises(ValueError) as e:
            models.model("py-gevent")
        self.assertTrue(str(e.exception).startswith("model: py-gevent (expected: one of py-asyncio, "), str(e.exception))

    def test_a_wrong_result_fails_the_check(self):
        wl = Workload("cpu", 7, cpu_units=2).check()
        books = models.Books(wl, limit=10)
        for _ in range(10):
            i = books.take()
            books.done(i, 12345)
        check = books.verification(full=True)
        self.assertFalse(check["passed"])
        self.assertTrue(check["detail"].startswith("checksum "), check)

    def test_a_lost_or_doubled_task_fails_the_check(self):
        wl = Workload("cpu", 7, cpu_units=1).check()
        books = models.Books(wl, limit=3)
        a, b, _ = books.take(), books.take(), books.take()
        books.done(a, wl.task(a).compute())
        books.done(a, wl.task(a).compute())
        books.done(b, None, RuntimeError("boom"))
        check = books.verification(full=True)
        self.assertFalse(check["passed"])
        self.assertIn("1 tasks without an outcome, 1 with several", check["detail"])
        self.assertIn("failures no injection explains: RuntimeError: boom x1", check["detail"])


if __name__ == "__main__":
    unittest.main()
