"""Crossover's Python reference: the JVM suite's workloads under asyncio, threads and processes.

The same task specs from the same seed, the same kernel and the same checksum as the Java core
(``dev.crossover.core``: ``Workload.task``, ``Kernel``, ``Checksum``, ``Distribution``), ported
with 64-bit arithmetic masked, so a Python run and a Java run over the same workload, seed and
kernel units report the same checksum. Standard library only; uvloop is used when installed.

Run it as ``python3 -m crossover_py COMMAND`` (``-h`` lists the commands).
"""

VERSION = "1"
