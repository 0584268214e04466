"""Repeats, JMH-shaped entries and a sweep's run directory."""

import io
import json
import os
import tempfile
import unittest
from unittest import mock

from crossover_py import runner
from crossover_py.work import Workload


class RunnerTest(unittest.TestCase):
    def test_metric_is_jmhs_shape_over_every_iteration_of_every_repeat(self):
        m = runner.metric([[10.0, 12.0], [11.0, 13.0]])
        self.assertEqual(11.5, m["score"])
        self.assertEqual([[10.0, 12.0], [11.0, 13.0]], m["rawData"])
        self.assertAlmostEqual(runner.t_quantile(3) * (1.6666666 ** 0.5) / 2, m["scoreError"], places=4)
        self.assertEqual([m["score"] - m["scoreError"], m["score"] + m["scoreError"]], m["scoreConfidence"])
        self.assertEqual(10.0, m["scorePercentiles"]["0.0"])
        self.assertEqual(13.0, m["scorePercentiles"]["100.0"])
        self.assertEqual("ops/s", m["scoreUnit"])

    def test_one_value_has_no_interval(self):
        m = runner.metric([[5.0]])
        self.assertEqual("NaN", m["scoreError"])
        self.assertEqual(["NaN", "NaN"], m["scoreConfidence"])

    def test_t_quantiles_fall_towards_the_normal(self):
        self.assertEqual(636.619, runner.t_quantile(1))
        values = [runner.t_quantile(df) for df in range(1, 200)]
        self.assertEqual(values, sorted(values, reverse=True))
        self.assertGreater(values[-1], 3.2905)

    def test_a_repeat_measures_its_iterations_and_checks_every_index(self):
        wl = Workload("sleep", 42, io_nanos=2_000_000).check()
        r = runner.run_repeat("py-asyncio", wl, 10, 0.05, 0.05, 3, 0.05)
        self.assertEqual(3, len(r["completed"]))
        self.assertTrue(all(x > 0 for x in r["completed"]), r["completed"])
        self.assertEqual([0.0, 0.0, 0.0], r["failed"])
        self.assertEqual("full", r["verification"]["method"])
        self.assertTrue(r["verification"]["passed"], r["verification"])
        self.assertEqual(r["trial"]["submitted"], r["trial"]["completed"])
        self.assertEqual(10, r["maxInFlight"])

    def test_an_entry_has_the_jvms_benchmark_name_and_params(self):
        point = runner.Point("fanout", 100, 10, 0, 8)
        repeats = [{"completed": [1.0, 2.0], "failed": [0.0, 0.0]}, {"completed": [3.0, 4.0], "failed": [0.0, 0.0]}]
        e = runner.entry(point, "py-asyncio", repeats, runner.profile("smoke"), "/usr/bin/python3")
        self.assertEqual("dev.crossover.benchmarks.FanoutBenchmark.run", e["benchmark"])
        self.assertEqual({"concurrency": "100", "cpuMicros": "0", "fanout": "8", "ioMillis": "10", "model": "py-asyncio"},
                         e["params"])
        self.assertEqual(list(e["params"]), sorted(e["params"]), "sorted, as JMH writes them")
        self.assertEqual(2, e["forks"])
        self.assertEqual("thrpt", e["mode"])
        self.assertEqual({"completed", "failed", "rejected"}, set(e["secondaryMetrics"]))
        self.assertEqual([[1.0, 2.0], [3.0, 4.0]], e["secondaryMetrics"]["completed"]["rawData"])

    def test_include_keeps_the_points_it_matches(self):
        tiny = runner.Profile(1, 0.02, 0.02, 2, [runner.Point("sleep", 2, 1, 0), runner.Point("cpu", 1, 0, 10)], "tiny")
        with tempfile.TemporaryDirectory() as out, mock.patch.dict(runner.PROFILES, {"tiny": tiny}):
            code = runner.sweep("tiny", out, progress=io.StringIO(), include=r"SleepBenchmark.*model=py-asyncio$",
                                stdout=io.StringIO())
            self.assertEqual(0, code)
            with open(os.path.join(out, "results.json")) as f:
                self.assertEqual([{"concurrency": "2", "cpuMicros": "0", "ioMillis": "1", "model": "py-asyncio"}],
                                 [r["params"] for r in json.load(f)])

    def test_an_unknown_profile_is_named(self):
        with self.assertRaises(ValueError) as e:
            runner.profile("huge")
        self.assertEqual("profile: huge (expected: smoke, quick or full)", str(e.exception))

    def test_a_sweep_writes_a_run_directory_the_report_reads(self):
        tiny = runner.Profile(2, 0.05, 0.05, 2, [runner.Point("sleep", 5, 2, 0), runner.Point("fanout", 5, 2, 0, 2)], "tiny")
        with tempfile.TemporaryDirectory() as out, mock.patch.dict(runner.PROFILES, {"tiny": tiny}):
            progress, stdout = io.StringIO(), io.StringIO()
            code = runner.sweep("tiny", out, progress=progress, stdout=stdout)
            self.assertEqual(os.path.join(os.path.abspath(out), "results.json"), stdout.getvalue().strip())
            self.assertEqual(0, code, progress.getvalue())
            with open(os.path.join(out, "results.json")) as f:
                results = json.load(f)
            with open(os.path.join(out, "environment.json")) as f:
                env = json.load(f)
            with open(os.path.join(out, "failures.json")) as f:
                failures = json.load(f)
            runs = {(r["benchmark"].split(".")[-2], r["params"]["model"]) for r in results}
            available = [m for m in runner.models_module.MODELS.values() if m.unavailable() is None]
            self.assertEqual({("SleepBenchmark", m.id) for m in available}
                             | {("FanoutBenchmark", m.id) for m in available if m.fanout}, runs)
            self.assertTrue(all(len(r["secondaryMetrics"]["completed"]["rawData"]) == 2 for r in results))
            self.assertTrue(all(len(row) == 2 for r in results for row in r["secondaryMetrics"]["completed"]["rawData"]))
            self.assertEqual("python", env["language"])
            self.assertEqual("2", env["methodVersion"])
            self.assertGreaterEqual(env["otherCpuCores"], 0)
            self.assertGreater(env["ownCpuCores"], 0)
            self.assertEqual(env["otherCpuCores"] > 0.25, env["busy"])
            self.assertGreater(env["calibration"]["unitsPerMicro"], 0)
            excluded = {(f["benchmark"].split(".")[-2], f["model"]) for f in failures}
            self.assertIn(("FanoutBenchmark", "py-threads"), excluded)
            self.assertTrue(all(f["status"] == "excluded" for f in failures), failures)
            points = os.listdir(os.path.join(out, "points"))
            self.assertEqual(len(results), len(points))
            self.assertIn("unavailable: py-uvloop" if runner.models_module.model("py-uvloop").unavailable() else "py-uvloop",
                          progress.getvalue())


if __name__ == "__main__":
    unittest.main()
