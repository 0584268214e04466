"""The work itself, ported exactly from the Java core: tokens, faults, distributions, the kernel, the checksum.

Every value is a Python int kept in [0, 2**64) by masking after each step, which is what Java's
``long`` arithmetic does modulo 2**64; ``signed`` turns a value into the ``long`` Java prints.
The Java sources are named beside each function; a change there must be made here too (the
Maven build checks both sides against each other, ``PythonChecksumTest``).
"""

import math
import time
from typing import NamedTuple

MASK = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15          # Mix.GOLDEN
ROUNDS_PER_UNIT = 32                 # Kernel.ROUNDS_PER_UNIT
IO_SALT = 0x10D157A17E5E             # Workload.IO_SALT
CPU_SALT = 0xC0DE57A17E5E            # Workload.CPU_SALT
FAULT = 0x5DEECE66D                  # Workload.task's fault constant
SAMPLE_SALT = 0x51A37E5D0C4B         # Books' sample salt


def signed(x: int) -> int:
    """The Java ``long`` with the same 64 bits as ``x``."""
    x &= MASK
    return x - (1 << 64) if x >= (1 << 63) else x


def mix64(z: int) -> int:
    """Mix.mix64: SplitMix64's finaliser."""
    z &= MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def unit(h: int) -> float:
    """Mix.unit: a uniform double in [0, 1) from a hash."""
    return (h >> 11) * (2.0 ** -53)


def compute(seed: int, units: int) -> int:
    """Kernel.compute: ``units`` units of xorshift-multiply from ``seed``."""
    x = (seed | 1) & MASK
    for _ in range(units * ROUNDS_PER_UNIT):
        x ^= (x << 13) & MASK
        x ^= x >> 7
        x ^= (x << 17) & MASK
        x = (x * GOLDEN) & MASK
    return x


def term(index: int, result: int) -> int:
    """Checksum.term: what the result of task ``index`` adds to a checksum (sums are modulo 2**64)."""
    return mix64((result ^ (index * GOLDEN)) & MASK)


class InjectedFailure(Exception):
    """The failure a task spec asks for (``--fail-rate``)."""


def java_round(x: float) -> int:
    """Java's Math.round: floor(x + 0.5)."""
    return math.floor(x + 0.5)


class Distribution(NamedTuple):
    """Distribution: how a task's wait or work varies around its nominal value."""
    kind: str = "fixed"
    basis_points: int = 0
    sigma: float = 0.0
    spike_nanos: int = 0

    @staticmethod
    def parse(text: str) -> "Distribution":
        parts = text.strip().lower().split(":")
        rule = "fixed, uniform:P%, exp, lognormal:SIGMA or spike:P%:DURATION"
        try:
            if parts[0] in ("fixed", "exp") and len(parts) == 1:
                return Distribution(parts[0])
            if parts[0] == "uniform" and len(parts) == 2:
                return Distribution("uniform", _percent(parts[1]))
            if parts[0] == "lognormal" and len(parts) == 2:
                return Distribution("lognormal", 0, float(parts[1]))
            if parts[0] == "spike" and len(parts) == 3:
                return Distribution("spike", _percent(parts[1]), 0.0, parse_nanos(parts[2]))
        except ValueError:
            pass
        raise ValueError(f"distribution: {text} (expected: {rule})")

    def draw(self, nominal: int, nominal_nanos: int, token: int, salt: int) -> int:
        """Distribution.draw. exp and lognormal use the platform's libm, which matches Java's fdlibm on almost all inputs."""
        if self.kind == "fixed" or (nominal == 0 and self.kind != "spike"):
            return nominal
        h = mix64(token ^ salt)
        if self.kind == "uniform":
            d = nominal * self.basis_points // 10_000
            return nominal - d + h % (2 * d + 1)
        if self.kind == "spike":
            return self._spike_value(nominal, nominal_nanos) if h % 10_000 < self.basis_points else nominal
        if self.kind == "exp":
            return int(nominal * -math.log1p(-unit(h)))
        u1 = unit(h)
        u2 = unit(mix64(h))
        z = math.sqrt(-2 * math.log1p(-u1)) * math.cos(2 * math.pi * u2)
        return int(nominal * math.exp(self.sigma * z - self.sigma * self.sigma / 2))

    def mean(self, nominal: int, nominal_nanos: int) -> float:
        if self.kind == "spike":
            share = self.basis_points / 10_000.0
            return nominal * (1 - share) + self._spike_value(nominal, nominal_nanos) * share
        return float(nominal)

    def _spike_value(self, nominal: int, nominal_nanos: int) -> int:
        if nominal_nanos <= 0 or nominal == nominal_nanos:
            return self.spike_nanos
        return java_round(float(nominal) * float(self.spike_nanos) / float(nominal_nanos))


FIXED = Distribution()


def _percent(text: str) -> int:
    if not text.endswith("%"):
        raise ValueError(text)
    return java_round(float(text[:-1]) * 100)


def parse_nanos(text: str) -> int:
    """``50ms``, ``200us``, ``2s``, ``10ns`` or ``0`` as nanoseconds."""
    t = text.strip()
    for suffix, scale in (("ns", 1), ("us", 1_000), ("ms", 1_000_000), ("s", 1_000_000_000)):
        if t.endswith(suffix):
            return java_round(float(t[: -len(suffix)]) * scale)
    if t == "0":
        return 0
    raise ValueError(t)


class TaskSpec(NamedTuple):
    """TaskSpec: one task as data."""
    index: int
    token: int
    waits: int
    io_nanos: int
    cpu_units: int
    failing_wait: int
    compute_fails: bool

    def injects_failure(self) -> bool:
        return self.failing_wait >= 0 or self.compute_fails

    def wait_nanos(self, wait: int) -> int:
        return self.io_nanos // 2 if wait == self.failing_wait else self.io_nanos

    def compute(self) -> int:
        """Runs the CPU phase; raises InjectedFailure when the spec says so."""
        if self.compute_fails:
            raise InjectedFailure(f"task {self.index}: computation failed (injected)")
        return compute(self.token, self.cpu_units)


KINDS = {  # WorkloadKind: id -> (waits, computes)
    "sleep": (True, False),
    "cpu": (False, True),
    "mixed": (True, True),
    "fanout": (True, True),
    "null": (False, False),
}


class Workload(NamedTuple):
    """Workload: a seeded set of tasks; ``task(i)`` is a pure function of it."""
    kind: str
    seed: int = 42
    io_nanos: int = 0
    cpu_units: int = 0
    cpu_nanos: int = 0
    fanout: int = 1
    fail_rate: float = 0.0
    io_dist: Distribution = FIXED
    cpu_dist: Distribution = FIXED

    def check(self) -> "Workload":
        if self.kind not in KINDS:
            raise ValueError(f"workload: {self.kind} (expected: one of {', '.join(KINDS)})")
        waits, computes = KINDS[self.kind]
        if not waits and self.io_nanos:
            raise ValueError(f"io: {self.io_nanos}ns (expected: 0 for workload {self.kind})")
        if not computes and self.cpu_units:
            raise ValueError(f"cpu-units: {self.cpu_units} (expected: 0 for workload {self.kind})")
        if self.kind != "fanout" and self.fanout != 1:
            raise ValueError(f"fanout: {self.fanout} (expected: 1 unless the workload is fanout)")
        if not 0 <= self.fail_rate <= 1:
            raise ValueError(f"fail-rate: {self.fail_rate} (expected: between 0 and 1)")
        return self

    def waits_per_task(self) -> int:
        return self.fanout if KINDS[self.kind][0] else 0

    def task(self, index: int) -> TaskSpec:
        """Workload.task(index)."""
        token = mix64((self.seed * GOLDEN + index) & MASK)
        waits = self.waits_per_task()
        failing_wait = -1
        compute_fails = False
        if self.fail_rate > 0:
            if waits == 0:
                compute_fails = unit(mix64(token ^ FAULT)) < self.fail_rate
            else:
                for w in range(waits):
                    if unit(mix64((token + FAULT * (w + 1)) & MASK)) < self.fail_rate:
                        failing_wait = w
                        break
        io = self.io_dist.draw(self.io_nanos, self.io_nanos, token, IO_SALT)
        units = self.cpu_dist.draw(self.cpu_units, self.cpu_nanos, token, CPU_SALT)
        return TaskSpec(index, token, waits, io, units, failing_wait, compute_fails)

    def reference(self, indices) -> int:
        """The checksum of ``indices`` computed one after another here (Verifier.full's reference)."""
        total = 0
        for i in indices:
            spec = self.task(i)
            if not spec.injects_failure():
                total += term(i, spec.compute())
        return total & MASK

    def expected_failures(self, tasks: int) -> int:
        return sum(1 for i in range(tasks) if self.task(i).injects_failure())

    def ideal(self, concurrency: int, cores: int, cpu_seconds: float) -> float:
        """Workload.idealThroughput with the nominal CPU seconds of a task."""
        w = self.io_dist.mean(self.io_nanos, self.io_nanos) / 1e9 if self.waits_per_task() else 0.0
        c = cpu_seconds
        if w + c == 0:
            return math.inf
        by_concurrency = concurrency / (w + c)
        return by_concurrency if c == 0 else min(by_concurrency, cores / c)


def sampled(seed: int, index: int) -> bool:
    """Books.sampled: whether task ``index`` is in the seeded sample (one in 64)."""
    salt = mix64(seed ^ SAMPLE_SALT)
    return (mix64(index ^ salt) & 63) == 0


def calibrate(target_seconds: float = 0.02, rounds: int = 9) -> float:
    """{units per microsecond} of this interpreter: after a 0.1 s warm-up, the median of ``rounds`` timed rounds of about ``target_seconds``."""
    end = time.perf_counter() + 0.1
    while time.perf_counter() < end:
        compute(1, 16)
    units = 16
    while True:
        start = time.perf_counter()
        compute(12345, units)
        elapsed = time.perf_counter() - start
        if elapsed >= target_seconds / 4:
            break
        units *= 2
    units = max(1, int(units * target_seconds / max(elapsed, 1e-9)))
    rates = []
    for _ in range(rounds):
        start = time.perf_counter()
        compute(12345, units)
        rates.append(units / ((time.perf_counter() - start) * 1e6))
    rates.sort()
    return rates[len(rates) // 2]


def units_for(micros: float, units_per_micro: float) -> int:
    """Kernel.Calibration.unitsFor: 0 for no work, else at least 1."""
    return 0 if micros == 0 else max(1, java_round(micros * units_per_micro))
