"""The Python models and the one closed-loop driver they share.

A model is a mechanism: it is handed one task at a time (the next index, as soon as one of the C
in flight finished) and runs it its own way. What is measured (the window's outcomes, the check of
every index that ran) is :class:`Books`', the same for every model, as the Java core's driver is.

Models (ids as the report uses them):

* ``py-asyncio``: one event loop; a Task per task; waits are ``asyncio.sleep``; fan-out is a
  ``TaskGroup`` (fails fast, cancels the siblings); the CPU work runs on the loop and blocks it.
* ``py-asyncio-offload``: the same loop; the CPU work goes to ``asyncio.to_thread``.
* ``py-uvloop``: ``py-asyncio`` on uvloop's loop, when uvloop is installed.
* ``py-threads``: a ``ThreadPoolExecutor`` of 200 threads (as threads-fixed); waits are ``time.sleep``.
* ``py-processes``: a ``ProcessPoolExecutor`` with one worker per core (as processes).

The thread and process pools are fed by one driver thread that submits the next task when one
finished (a semaphore of C permits): submitting from a done-callback could recurse without bound
when a task finishes before its callback is added, which the GIL makes likely.
"""

import asyncio
import collections
import concurrent.futures
import os
import threading
import time
from typing import Optional

from crossover_py.work import InjectedFailure, MASK, TaskSpec, Workload, sampled, term

DRAIN_TIMEOUT = 120.0
THREADS = 200


def cause_name(error: BaseException) -> str:
    """Books.causeName: ``InjectedFailure``, or the type and first line of the message."""
    if isinstance(error, BaseExceptionGroup) and error.exceptions:
        error = error.exceptions[0]
    if isinstance(error, InjectedFailure):
        return "InjectedFailure"
    message = str(error).splitlines()
    return type(error).__name__ + (": " + message[0] if message else "")


class Books:
    """The outcomes of one run: the next index, counters, the checksum, the window.

    Threading: every method may be called from any thread (one lock; the event-loop models call
    it from the loop thread only).
    """

    def __init__(self, workload: Workload, limit: Optional[int] = None, sampling: bool = False):
        self.workload = workload
        self.limit = limit
        self.sampling = sampling
        self.lock = threading.Condition()
        self.next = 0
        self.stopped = False
        self.in_flight = 0
        self.max_in_flight = 0
        self.completed = 0
        self.failed = 0
        self.checksum = 0
        self.outcomes = bytearray()
        self.started = []
        self.latencies = []
        self.measuring = False
        self.unexpected = collections.Counter()
        self.causes = collections.Counter()
        self.samples = {}
        self.marks = []

    def take(self) -> Optional[int]:
        """{the next index to run}, or None once the run stopped (or reached its limit)."""
        with self.lock:
            if self.stopped or (self.limit is not None and self.next >= self.limit):
                return None
            i = self.next
            self.next += 1
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            self.outcomes.append(0)
            self.started.append(time.perf_counter())
            return i

    def done(self, index: int, result: Optional[int], error: Optional[BaseException] = None) -> None:
        """Books task ``index``'s outcome: its result, or the error it failed with."""
        with self.lock:
            self.in_flight -= 1
            if self.measuring:
                self.latencies.append(time.perf_counter() - self.started[index])
            if self.outcomes[index] < 255:
                self.outcomes[index] += 1
            if error is None:
                self.completed += 1
                self.checksum = (self.checksum + term(index, result)) & MASK
                if self.sampling and sampled(self.workload.seed, index):
                    self.samples[index] = result
            else:
                self.failed += 1
                name = cause_name(error)
                self.causes[name] += 1
                if not self.workload.task(index).injects_failure():
                    self.unexpected[name] += 1
            if self.in_flight == 0:
                self.lock.notify_all()

    def snapshot(self):
        with self.lock:
            return self.completed, self.failed, time.perf_counter()

    def mark(self, measuring: bool) -> None:
        """Ends an iteration (or, the first time, the warm-up): its outcomes and time; latencies are kept while measuring."""
        with self.lock:
            self.measuring = measuring
            self.marks.append((self.completed, self.failed, time.perf_counter()))

    def iterations(self):
        """{(completed/s, failed/s) of each measured iteration}"""
        out = []
        for (c0, f0, t0), (c1, f1, t1) in zip(self.marks, self.marks[1:]):
            out.append(((c1 - c0) / (t1 - t0), (f1 - f0) / (t1 - t0)))
        return out

    def stop(self) -> None:
        with self.lock:
            self.stopped = True
            self.lock.notify_all()

    def drained(self) -> bool:
        with self.lock:
            return self.in_flight == 0 and (self.stopped or (self.limit is not None and self.next >= self.limit))

    def await_drained(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self.lock:
            while not (self.in_flight == 0 and (self.stopped or (self.limit is not None and self.next >= self.limit))):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self.lock.wait(min(left, 0.5))
            return True

    def verification(self, full: bool) -> dict:
        """Verifier.full or .sample: each index that ran had exactly one outcome, results are the reference's."""
        problems = []
        missing = sum(1 for c in self.outcomes if c == 0)
        doubled = sum(1 for c in self.outcomes if c > 1)
        if missing or doubled:
            problems.append(f"{missing} tasks without an outcome, {doubled} with several (expected: exactly one each)")
        if self.unexpected:
            problems.append("failures no injection explains: " + ", ".join(f"{k} x{v}" for k, v in self.unexpected.items()))
        ran = range(self.next)
        if full:
            expected = self.workload.reference(ran)
            checked = self.next
            if expected != self.checksum:
                problems.append(f"checksum {self.checksum:x} (expected: {expected:x}, the reference over the "
                                f"{self.next} indices that ran)")
            method = "full"
        else:
            checked = wrong = lost = 0
            for i in ran:
                if not sampled(self.workload.seed, i):
                    continue
                spec = self.workload.task(i)
                if spec.injects_failure():
                    continue
                checked += 1
                if i not in self.samples:
                    lost += 1
                elif self.samples[i] != spec.compute():
                    wrong += 1
            if wrong or lost:
                problems.append(f"sampled tasks: {wrong} wrong results, {lost} without a result (expected: none)")
            method = "sample"
        return {"method": method, "checked": checked, "passed": not problems,
                "detail": "; ".join(problems) if problems else "ok"}


class Schedule:
    """A timed run: a warm-up, then ``iterations`` measured iterations of ``measure`` seconds; the load runs through all."""

    def __init__(self, warmup: float, measure: float, iterations: int = 1):
        self.warmup = warmup
        self.measure = measure
        self.iterations = iterations

    def blocking(self, books: Books) -> None:
        time.sleep(self.warmup)
        books.mark(True)
        for k in range(self.iterations):
            time.sleep(self.measure)
            books.mark(k + 1 < self.iterations)
        books.stop()

    async def on_loop(self, books: Books) -> None:
        await asyncio.sleep(self.warmup)
        books.mark(True)
        for k in range(self.iterations):
            await asyncio.sleep(self.measure)
            books.mark(k + 1 < self.iterations)
        books.stop()


def run_blocking(spec: TaskSpec) -> int:
    """A task on a thread or in a worker process: its one wait as a sleep, then its work."""
    if spec.waits > 1:
        raise ValueError(f"waits: {spec.waits} (expected: at most 1: this model runs no fan-out)")
    if spec.waits == 1:
        nanos = spec.wait_nanos(0)
        if nanos:
            time.sleep(nanos / 1e9)
        if spec.failing_wait == 0:
            raise InjectedFailure(f"task {spec.index}: wait 0 failed (injected)")
    return spec.compute()


async def _wait(spec: TaskSpec, wait: int) -> None:
    nanos = spec.wait_nanos(wait)
    await asyncio.sleep(nanos / 1e9)
    if wait == spec.failing_wait:
        raise InjectedFailure(f"task {spec.index}: wait {wait} failed (injected)")


class Model:
    """One mechanism; ``run`` drives ``books`` with at most ``concurrency`` tasks in flight."""
    id = ""
    fanout = True

    def unavailable(self) -> Optional[str]:
        """{why the model cannot run here}, or None."""
        return None

    def refuses(self, workload: Workload) -> Optional[str]:
        """{why the model does not run this workload}, or None."""
        if workload.kind == "fanout" and not self.fanout:
            return f"workload: fanout (expected: sleep, cpu, mixed or null: model {self.id} runs no fan-out)"
        return None

    def run(self, workload: Workload, concurrency: int, books: Books, schedule: Optional[Schedule]) -> None:
        raise NotImplementedError


class AsyncioModel(Model):
    id = "py-asyncio"
    offload = False

    def loop_factory(self):
        return asyncio.new_event_loop

    def run(self, workload, concurrency, books, schedule):
        with asyncio.Runner(loop_factory=self.loop_factory()) as runner:
            runner.run(self._closed(workload, concurrency, books, schedule))

    async def _one(self, spec: TaskSpec) -> int:
        if spec.waits == 1:
            await _wait(spec, 0)
        elif spec.waits > 1:
            async with asyncio.TaskGroup() as group:
                for w in range(spec.waits):
                    group.create_task(_wait(spec, w))
        if self.offload and spec.cpu_units:
            return await asyncio.to_thread(spec.compute)
        return spec.compute()

    async def _closed(self, workload, concurrency, books, schedule):
        loop = asyncio.get_running_loop()
        finished = loop.create_future()

        def start():
            i = books.take()
            if i is None:
                if books.drained() and not finished.done():
                    finished.set_result(None)
                return
            task = loop.create_task(self._one(workload.task(i)))
            task.add_done_callback(lambda t, i=i: outcome(t, i))

        def outcome(task, i):
            error = task.exception()
            books.done(i, None if error else task.result(), error)
            start()

        for _ in range(concurrency):
            start()
        if schedule is not None:
            await schedule.on_loop(books)
            if books.drained() and not finished.done():
                finished.set_result(None)
        await asyncio.wait_for(finished, DRAIN_TIMEOUT)


class AsyncioOffloadModel(AsyncioModel):
    id = "py-asyncio-offload"
    offload = True


class UvloopModel(AsyncioModel):
    id = "py-uvloop"

    def unavailable(self):
        try:
            import uvloop  # noqa: F401
            return None
        except ImportError:
            return "uvloop is not installed (pip install uvloop)"

    def loop_factory(self):
        import uvloop
        return uvloop.new_event_loop


class PoolModel(Model):
    """A pool fed by one driver thread: a permit per task in flight, given back by its outcome."""
    fanout = False

    def pool(self):
        raise NotImplementedError

    def run(self, workload, concurrency, books, schedule):
        permits = threading.Semaphore(concurrency)
        with self.pool() as pool:
            def outcome(future, i):
                error = future.exception()
                books.done(i, None if error else future.result(), error)
                permits.release()

            def drive():
                while True:
                    permits.acquire()
                    i = books.take()
                    if i is None:
                        return
                    future = pool.submit(run_blocking, workload.task(i))
                    future.add_done_callback(lambda f, i=i: outcome(f, i))

            driver = threading.Thread(target=drive, name="crossover-driver", daemon=True)
            driver.start()
            if schedule is not None:
                schedule.blocking(books)
                permits.release()  # the driver may be waiting for a permit: let it see the stop
            if not books.await_drained(DRAIN_TIMEOUT):
                raise TimeoutError(f"drain: {books.in_flight} tasks in flight after {DRAIN_TIMEOUT:.0f} s (expected: none)")
            permits.release()
            driver.join(DRAIN_TIMEOUT)


class ThreadsModel(PoolModel):
    id = "py-threads"

    def pool(self):
        return concurrent.futures.ThreadPoolExecutor(THREADS, thread_name_prefix="py-threads")


class ProcessesModel(PoolModel):
    id = "py-processes"

    def pool(self):
        return concurrent.futures.ProcessPoolExecutor(os.cpu_count() or 1)


MODELS = {m.id: m for m in (AsyncioModel(), AsyncioOffloadModel(), UvloopModel(), ThreadsModel(), ProcessesModel())}


def model(model_id: str) -> Model:
    if model_id not in MODELS:
        raise ValueError(f"model: {model_id} (expected: one of {', '.join(MODELS)})")
    return MODELS[model_id]


def defaults() -> dict:
    """Each model's settings, as environment.json's modelDefaults."""
    return {"py-asyncio": "", "py-asyncio-offload": f"to_thread (default executor: {min(32, (os.cpu_count() or 1) + 4)} threads)",
            "py-uvloop": "", "py-threads": f"threads={THREADS}", "py-processes": f"workers={os.cpu_count() or 1}"}
