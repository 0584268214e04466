/** The Python reference run from the jar: finding a Python, unpacking the {@code crossover_py} package, running it. */
package dev.crossover.benchmarks.python;
