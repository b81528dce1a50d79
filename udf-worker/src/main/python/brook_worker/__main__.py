"""Entry point: ``python -m brook_worker`` (started by the TaskManager, see PythonWorkerManager)."""

import os
import sys

from .worker import main

if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # Not sys.exit: interpreter shutdown would wait on the daemon thread blocked reading stdin.
    os._exit(code)
