"""``python3 -m crossover_py COMMAND``: sweep, point, fixed, reference, models, calibrate.

Exit codes as the Java command line's: 0 success, 1 failed tasks or points, 2 bad usage or input
(one line naming the flag).
"""

import argparse
import json
import re
import sys

from crossover_py import models as models_module
from crossover_py import runner
from crossover_py.work import Distribution, Workload, calibrate, parse_nanos, signed


def _workload_args(p):
    p.add_argument("--workload", required=True, help="sleep, cpu, mixed, fanout or null")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--io", default="0", help="each wait, such as 10ms")
    p.add_argument("--cpu-units", type=int, default=0, help="kernel units per task")
    p.add_argument("--cpu-nanos", type=int, default=0, help="what those units stand for (only a cpu spike uses it)")
    p.add_argument("--fanout", type=int, default=1)
    p.add_argument("--fail-rate", type=float, default=0.0)
    p.add_argument("--io-dist", default="fixed")
    p.add_argument("--cpu-dist", default="fixed")


def _workload(a) -> Workload:
    return Workload(a.workload, a.seed, parse_nanos(a.io), a.cpu_units, a.cpu_nanos, a.fanout, a.fail_rate,
                    Distribution.parse(a.io_dist), Distribution.parse(a.cpu_dist)).check()


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="crossover_py", description="Crossover's Python reference run.")
    sub = top.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sweep", help="a profile's points under every available model; writes a run directory")
    s.add_argument("--profile", default="quick", help="smoke, quick or full")
    s.add_argument("--out", default="crossover-python")
    s.add_argument("--seed", type=int, default=42)
    s.add_argument("--include", help="only points whose id (SleepBenchmark.run@concurrency=100,...,model=py-asyncio) matches")
    p = sub.add_parser("point", help="one repeat of one point, as JSON on standard output")
    p.add_argument("--model", required=True)
    p.add_argument("--concurrency", type=int, required=True)
    p.add_argument("--warmup", type=float, default=0.2)
    p.add_argument("--measure", type=float, default=0.1, help="seconds per measured iteration")
    p.add_argument("--iterations", type=int, default=4)
    p.add_argument("--units-per-micro", type=float, default=0.0)
    _workload_args(p)
    f = sub.add_parser("fixed", help="every one of --tasks once under a model; its checksum and check as JSON")
    f.add_argument("--model", required=True)
    f.add_argument("--tasks", type=int, required=True)
    f.add_argument("--concurrency", type=int, default=10)
    _workload_args(f)
    r = sub.add_parser("reference", help="the reference checksum of tasks 0 .. --tasks - 1, computed one after another")
    r.add_argument("--tasks", type=int, required=True)
    _workload_args(r)
    sub.add_parser("models", help="the models, one a line, with why one is unavailable")
    sub.add_parser("calibrate", help="this interpreter's kernel units per microsecond")
    return top


def main(argv) -> int:
    args = parser().parse_args(argv)
    try:
        if args.command == "sweep":
            try:
                re.compile(args.include or "")
            except re.error:
                raise ValueError(f"include: {args.include} (expected: a regular expression)")
            return runner.sweep(args.profile, args.out, args.seed, include=args.include)
        if args.command == "models":
            for m in models_module.MODELS.values():
                why = m.unavailable()
                print(m.id + ("" if why is None else "\tunavailable: " + why))
            return 0
        if args.command == "calibrate":
            print(json.dumps({"unitsPerMicro": calibrate()}))
            return 0
        if args.command == "reference":
            wl = _workload(args)
            print(json.dumps({"checksum": signed(wl.reference(range(args.tasks))),
                              "expectedFailures": wl.expected_failures(args.tasks), "tasks": args.tasks}))
            return 0
        if args.command == "fixed":
            result = runner.run_fixed(args.model, _workload(args), args.tasks, args.concurrency)
            print(json.dumps(result))
            return 0 if result["verification"]["passed"] else 1
        if args.command == "point":
            result = runner.run_repeat(args.model, _workload(args), args.concurrency, args.warmup, args.measure,
                                       args.iterations, args.units_per_micro)
            print(json.dumps(result))
            return 0 if result["verification"]["passed"] else 1
    except ValueError as e:
        print(f"crossover_py: {e}", file=sys.stderr)
        return 2
    return 2
