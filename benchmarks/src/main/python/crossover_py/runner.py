"""Points, repeats and profiles: one repeat per process, one JMH-shaped entry per point.

A point is a benchmark (``SleepBenchmark``, ``CpuBenchmark``, ``MixedBenchmark``,
``FanoutBenchmark``) with the JVM's params and a ``py-...`` model. Each repeat runs in a fresh
interpreter (``python3 -m crossover_py point ...``): the load runs through a warm-up and one
measurement window, then drains, and every index that ran is checked (see ``Books``). The repeats
are the entry's forks: ``rawData`` has a row per repeat with its iterations' tasks per second, and
the 99.9% interval is JMH's over those independent runs.
"""

import json
import math
import re
import os
import platform
import socket
import subprocess
import sys
import time
from datetime import datetime, timezone
from typing import List, NamedTuple, Optional

from crossover_py import models as models_module
from crossover_py.work import Workload, calibrate, parse_nanos, signed, units_for

PACKAGE = "dev.crossover.benchmarks."
BENCHMARKS = {"sleep": "SleepBenchmark", "cpu": "CpuBenchmark", "mixed": "MixedBenchmark", "fanout": "FanoutBenchmark"}
METHOD_VERSION = 2
FULL_CHECK_MICROS = 300_000  # a timed run checks every index when that costs at most 0.3 s of kernel, else a sample


class Point(NamedTuple):
    workload: str
    concurrency: int
    io_millis: int
    cpu_micros: int
    fanout: int = 1

    def params(self, model: str) -> dict:
        p = {"concurrency": str(self.concurrency), "cpuMicros": str(self.cpu_micros), "ioMillis": str(self.io_millis),
             "model": model}
        if self.workload == "fanout":
            p["fanout"] = str(self.fanout)
        return dict(sorted(p.items()))

    def benchmark(self) -> str:
        return PACKAGE + BENCHMARKS[self.workload] + ".run"


class Profile(NamedTuple):
    repeats: int
    warmup: float
    measure: float
    iterations: int
    points: List[Point]
    what: str


def _grid(workloads):
    return [Point(*w) for w in workloads]


PROFILES = {
    "smoke": Profile(2, 0.2, 0.1, 4, _grid([("cpu", 1, 0, 1000), ("cpu", 2, 0, 1000), ("sleep", 100, 10, 0)]),
                     "cpu 1 ms at C = 1 and 2, sleep 10 ms at C = 100; 2 repeats of 0.2 s warm-up + 4 x 0.1 s"),
    "quick": Profile(3, 0.15, 0.1, 4, _grid([("cpu", 1, 0, 1000), ("cpu", 2, 0, 1000), ("sleep", 1, 1, 0),
                                          ("sleep", 3, 1, 0)]),
                     "the JVM quick grid's claim points: cpu 1 ms at C = 1 and 2, sleep 1 ms at C = 1 and 3; "
                     "3 repeats of 0.15 s warm-up + 4 x 0.1 s"),
    "full": Profile(5, 1.0, 0.5, 6, _grid(
        [("sleep", c, 10, 0) for c in (1, 3, 100, 1000, 10000)]
        + [("cpu", c, 0, 1000) for c in (1, 2, 100)]
        + [("mixed", c, 10, cpu) for c in (1, 10, 100) for cpu in (0, 1000, 20000)]
        + [("fanout", 100, 10, 0, 8)]),
        "sleep, cpu, mixed and fanout on the JVM's full grid; 5 repeats of 1 s warm-up + 6 x 0.5 s"),
}


def profile(name: str) -> Profile:
    if name not in PROFILES:
        raise ValueError(f"profile: {name} (expected: smoke, quick or full)")
    return PROFILES[name]


def workload_of(kind: str, seed: int, io_nanos: int, cpu_units: int, cpu_nanos: int, fanout: int,
                fail_rate: float = 0.0) -> Workload:
    return Workload(kind, seed, io_nanos, cpu_units, cpu_nanos, fanout, fail_rate).check()


def run_repeat(model_id: str, workload: Workload, concurrency: int, warmup: float, measure: float,
               iterations: int, units_per_micro: float) -> dict:
    """One repeat in this process: the load through the warm-up and the window, then the check."""
    model = models_module.model(model_id)
    why = model.unavailable() or model.refuses(workload)
    if why:
        raise ValueError(why)
    books = models_module.Books(workload, sampling=True)
    start = time.perf_counter()
    model.run(workload, concurrency, books, models_module.Schedule(warmup, measure, iterations))
    wall = time.perf_counter() - start
    kernel_micros = books.next * workload.cpu_units / units_per_micro if units_per_micro > 0 else math.inf
    verification = books.verification(full=kernel_micros <= FULL_CHECK_MICROS)
    (c0, f0, t0), (c1, f1, t1) = books.marks[0], books.marks[-1]
    its = books.iterations()
    return {"model": model_id, "completed": [c for c, _ in its], "failed": [f for _, f in its],
            "windowSeconds": t1 - t0, "tasksInWindow": c1 - c0 + f1 - f0, "wallSeconds": wall,
            "trial": {"submitted": books.next, "completed": books.completed, "failed": books.failed},
            "maxInFlight": books.max_in_flight, "checksum": signed(books.checksum),
            "failureCauses": dict(books.causes), "verification": verification,
            "latenciesMicros": [round(x * 1e6, 1) for x in books.latencies]}


def run_fixed(model_id: str, workload: Workload, tasks: int, concurrency: int) -> dict:
    """Every one of ``tasks`` once, ramp and drain included; the checksum is the reference's when the model did the work."""
    model = models_module.model(model_id)
    why = model.unavailable() or model.refuses(workload)
    if why:
        raise ValueError(why)
    books = models_module.Books(workload, limit=tasks)
    model.run(workload, concurrency, books, None)
    return {"model": model_id, "tasks": tasks, "completed": books.completed, "failed": books.failed,
            "maxInFlight": books.max_in_flight, "checksum": signed(books.checksum),
            "failureCauses": dict(books.causes), "verification": books.verification(full=True)}


# --- statistics as JMH computes them -------------------------------------------------------------

_T_9995 = [636.619, 31.599, 12.924, 8.610, 6.869, 5.959, 5.408, 5.041, 4.781, 4.587, 4.437, 4.318, 4.221, 4.140,
           4.073, 4.015, 3.965, 3.922, 3.883, 3.850, 3.819, 3.792, 3.768, 3.745, 3.725, 3.707, 3.690, 3.674, 3.659,
           3.646]


def t_quantile(df: int) -> float:
    """Student's t at 0.9995 (JMH's 99.9% two-sided interval) for ``df`` degrees of freedom."""
    if df <= len(_T_9995):
        return _T_9995[df - 1]
    return 3.2905 + (3.646 - 3.2905) * 30 / df  # between the table's end and the normal quantile


def metric(rows: List[List[float]]) -> dict:
    values = [v for row in rows for v in row]
    n = len(values)
    mean = sum(values) / n
    if n > 1:
        sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
        error = t_quantile(n - 1) * sd / math.sqrt(n)
    else:
        error = math.nan
    ordered = sorted(values)

    def percentile(p):
        if n == 1:
            return ordered[0]
        pos = p / 100 * (n - 1)
        lo = math.floor(pos)
        hi = min(lo + 1, n - 1)
        return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)

    pct = {k: percentile(float(k)) for k in ("0.0", "50.0", "90.0", "95.0", "99.0", "99.9", "99.99", "99.999",
                                              "99.9999", "100.0")}
    return {"score": mean, "scoreError": "NaN" if math.isnan(error) else error,
            "scoreConfidence": ["NaN", "NaN"] if math.isnan(error) else [mean - error, mean + error],
            "scorePercentiles": pct, "scoreUnit": "ops/s", "rawData": rows}


def latency_percentiles(micros: List[float]) -> Optional[dict]:
    if not micros:
        return None
    ordered = sorted(micros)

    def at(q):
        return ordered[min(len(ordered) - 1, int(math.ceil(q * len(ordered))) - 1 if q > 0 else 0)]

    return {"p50": at(0.5), "p90": at(0.9), "p99": at(0.99), "p999": at(0.999), "max": ordered[-1]}


def entry(point: Point, model_id: str, repeats: List[dict], prof: Profile, python: str) -> dict:
    rows = [r["completed"] for r in repeats]
    return {
        "jmhVersion": "none (crossover_py)",
        "benchmark": point.benchmark(), "mode": "thrpt", "threads": 1, "forks": len(repeats),
        "jvm": python, "jvmArgs": [],
        "jdkVersion": platform.python_version(), "vmName": platform.python_implementation(),
        "vmVersion": sys.version.replace("\n", " "),
        "warmupIterations": 1, "warmupTime": f"{int(prof.warmup * 1000)} ms", "warmupBatchSize": 1,
        "measurementIterations": prof.iterations, "measurementTime": f"{int(prof.measure * 1000)} ms", "measurementBatchSize": 1,
        "params": point.params(model_id),
        "primaryMetric": metric(rows),
        "secondaryMetrics": {"completed": metric(rows), "failed": metric([r["failed"] for r in repeats]),
                             "rejected": metric([[0.0] * len(r["failed"]) for r in repeats])},
    }


def sidecar(point: Point, model_id: str, repeats: List[dict], cpu_units: int) -> dict:
    latencies = [x for r in repeats for x in r["latenciesMicros"]]
    checks = [r["verification"] for r in repeats]
    methods = {c["method"] for c in checks}
    out = {"benchmark": point.benchmark(), "params": point.params(model_id), "mode": "closed",
           "concurrency": point.concurrency, "maxInFlight": max(r["maxInFlight"] for r in repeats),
           "cpuUnits": cpu_units, "cpuNanosPerTask": point.cpu_micros * 1000, "startupMillis": 0.0,
           "invocations": len(repeats), "tasksMeasured": sum(r["tasksInWindow"] for r in repeats),
           "repeats": [{k: v for k, v in r.items() if k != "latenciesMicros"} for r in repeats],
           "verification": {"method": "full" if methods == {"full"} else "sample",
                            "checked": sum(c["checked"] for c in checks), "passed": all(c["passed"] for c in checks)},
           "methodVersion": METHOD_VERSION}
    lat = latency_percentiles(latencies)
    if lat:
        out["latencyMicros"] = lat
        out["serviceMicros"] = lat
    return out


def environment(prof_name: str, units_per_micro: float, start: str, end: str, python: str, load: dict) -> dict:
    mem = 0
    cpu_model = platform.processor() or ""
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem = int(line.split()[1]) * 1024
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu_model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    avail = {m.id: (m.unavailable() or "available") for m in models_module.MODELS.values()}
    return {"language": "python", "cpuModel": cpu_model, "cores": os.cpu_count() or 1, "memoryBytes": mem,
            "os": f"{platform.system()} {platform.release()} {platform.machine()}",
            "python": python, "pythonVersion": platform.python_version(),
            "pythonImplementation": platform.python_implementation(),
            "hostname": socket.gethostname(), "profile": prof_name, "startTime": start, "endTime": end,
            "modelDefaults": models_module.defaults(), "modelAvailability": avail,
            "calibration": {"unitsPerMicro": units_per_micro}, "methodVersion": str(METHOD_VERSION), **load}


class OtherLoad:
    """What other processes took of the CPU over the sweep, in cores, as the JVM run measures it.

    The machine's busy time from ``/proc/stat`` (user + nice + system + irq + softirq + steal) minus
    this interpreter's and its finished children's (the repeats) CPU time, over the wall time.
    """

    def __init__(self):
        self.start = self._sample()

    @staticmethod
    def _machine() -> float:
        try:
            with open("/proc/stat") as f:
                fields = f.readline().split()[1:]
            ticks = os.sysconf("SC_CLK_TCK")
            user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
            return (user + nice + system + irq + softirq + steal) / ticks
        except (OSError, ValueError):
            return math.nan

    def _sample(self):
        t = os.times()
        return time.monotonic(), self._machine(), t.user + t.system + t.children_user + t.children_system

    def figures(self, threshold: float = 0.25) -> dict:
        wall0, machine0, own0 = self.start
        wall1, machine1, own1 = self._sample()
        wall = max(wall1 - wall0, 1e-9)
        own = (own1 - own0) / wall
        other = max(0.0, (machine1 - machine0) / wall - own)
        if math.isnan(other):
            return {}
        return {"busyThresholdCores": threshold, "otherCpuCores": other, "ownCpuCores": own, "busy": other > threshold}


def now() -> str:
    return datetime.now(timezone.utc).isoformat().replace("+00:00", "Z")


def point_id(point: Point, model_id: str) -> str:
    """The id ``--include`` matches, as the JVM's: ``SleepBenchmark.run@concurrency=100,cpuMicros=0,ioMillis=10,model=py-asyncio``."""
    return BENCHMARKS[point.workload] + ".run@" + ",".join(f"{k}={v}" for k, v in point.params(model_id).items())


def sweep(prof_name: str, out_dir: str, seed: int = 42, progress=sys.stderr, include: Optional[str] = None,
          stdout=sys.stdout) -> int:
    """Runs a profile: every point under every available model, each repeat a process; writes the run directory.

    ``include``, a regular expression, keeps only the points whose :func:`point_id` it matches.
    The last line on ``stdout`` is the results file's path.
    """
    prof = profile(prof_name)
    pattern = re.compile(include) if include else None
    if pattern is not None and not any(pattern.search(point_id(p, m)) for p in prof.points for m in models_module.MODELS):
        raise ValueError(f"include: {include} (expected: a pattern matching a point of profile {prof_name})")
    os.makedirs(os.path.join(out_dir, "points"), exist_ok=True)
    start = now()
    other_load = OtherLoad()
    upm = calibrate()
    python = sys.executable
    runnable = [m for m in models_module.MODELS.values() if m.unavailable() is None]
    unavailable = [m for m in models_module.MODELS.values() if m.unavailable() is not None]
    print(f"crossover python: profile {prof_name} ({prof.what}); Python {platform.python_version()}; "
          f"kernel {upm:.3f} units/us; results in {os.path.abspath(out_dir)}", file=progress, flush=True)
    env = os.environ.copy()
    home = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the directory holding crossover_py
    env["PYTHONPATH"] = home + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    failures = []
    for m in unavailable:
        print(f"  unavailable: {m.id}: {m.unavailable()}", file=progress, flush=True)
    results = []
    failed_points = 0
    for point in prof.points:
        units = units_for(point.cpu_micros, upm)
        wl = workload_of(point.workload, seed, point.io_millis * 1_000_000, units, point.cpu_micros * 1000, point.fanout)
        for m in models_module.MODELS.values():
            if pattern is not None and not pattern.search(point_id(point, m.id)):
                continue
            why = m.unavailable() or m.refuses(wl)
            if why:
                failures.append({"benchmark": point.benchmark(), "model": m.id, "params": point.params(m.id),
                                 "status": "excluded", "message": why})
                continue
            repeats, error = [], None
            for _ in range(prof.repeats):
                cmd = [python, "-m", "crossover_py", "point", "--model", m.id, "--workload", point.workload,
                       "--concurrency", str(point.concurrency), "--io", f"{point.io_millis}ms",
                       "--cpu-units", str(units), "--cpu-nanos", str(point.cpu_micros * 1000),
                       "--fanout", str(point.fanout), "--seed", str(seed), "--warmup", str(prof.warmup),
                       "--measure", str(prof.measure), "--iterations", str(prof.iterations),
                       "--units-per-micro", repr(upm)]
                done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)
                if done.returncode != 0:
                    error = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]
                    break
                r = json.loads(done.stdout)
                if not r["verification"]["passed"]:
                    error = "work check failed: " + r["verification"]["detail"]
                    break
                repeats.append(r)
            label = f"{BENCHMARKS[point.workload]} {' '.join(f'{k}={v}' for k, v in point.params(m.id).items())}"
            if error:
                failed_points += 1
                failures.append({"benchmark": point.benchmark(), "model": m.id, "params": point.params(m.id),
                                 "status": "failed", "message": error})
                print(f"  failed: {label}: {error}", file=progress, flush=True)
                continue
            e = entry(point, m.id, repeats, prof, python)
            results.append(e)
            s = sidecar(point, m.id, repeats, units)
            name = point.benchmark() + "@" + ",".join(f"{k}={v}" for k, v in point.params(m.id).items()) + ".json"
            with open(os.path.join(out_dir, "points", name), "w") as f:
                json.dump(s, f, indent=2)
            score, err = e["secondaryMetrics"]["completed"]["score"], e["secondaryMetrics"]["completed"]["scoreError"]
            print(f"  {label}: {score:,.1f} tasks/s \u00b1 {err if isinstance(err, str) else f'{err:,.1f}'} "
                  f"({len(repeats)} repeats; {s['verification']['method']} check ok)", file=progress, flush=True)
            _write(out_dir, results, failures, prof_name, upm, start, python, other_load)
    _write(out_dir, results, failures, prof_name, upm, start, python, other_load)
    load = other_load.figures()
    if load.get("busy"):
        print(f"crossover python: warning: the machine was busy: other processes took {load['otherCpuCores']:.2f} cores on "
              f"average, above the threshold of {load['busyThresholdCores']:.2f}: results may read low and noisy",
              file=progress, flush=True)
    print(os.path.abspath(os.path.join(out_dir, "results.json")), file=stdout, flush=True)
    return 1 if failed_points else 0


def _write(out_dir, results, failures, prof_name, upm, start, python, other_load):
    for name, value in (("results.json", results), ("failures.json", failures),
                        ("environment.json", environment(prof_name, upm, start, now(), python, other_load.figures()))):
        tmp = os.path.join(out_dir, "." + name + ".tmp")
        with open(tmp, "w") as f:
            json.dump(value, f, indent=2)
        os.replace(tmp, os.path.join(out_dir, name))


def nanos(text: str) -> int:
    return parse_nanos(text)
