"""``python -m datapkg``: the same command line as ``datapkg``."""

import sys

from datapkg.cli import run

if __name__ == "__main__":
    sys.exit(run())
