#!/bin/sh
# Runs the Python reference's unit tests (benchmarks/src/test/python) with the python3 on the PATH,
# or says in one line why they are skipped: no python3, or one older than 3.11. Called by
# `mvn verify` (exec-maven-plugin, phase verify) from the benchmarks module's directory.
if ! command -v python3 >/dev/null 2>&1; then
  echo "[python tests] skipped: no python3 on the PATH (the JVM tests ran; the Python reference needs python3 >= 3.11)"
  exit 0
fi
if ! python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
  echo "[python tests] skipped: $(python3 --version 2>&1) is older than 3.11"
  exit 0
fi
echo "[python tests] $(command -v python3) ($(python3 --version 2>&1)): src/test/python"
PYTHONPATH=src/main/python PYTHONDONTWRITEBYTECODE=1 exec python3 -m unittest discover -s src/test/python -t src/test/python
