"""``python3 -m crossover_py``: the command line (see :mod:`crossover_py.cli`)."""

import sys

from crossover_py.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
