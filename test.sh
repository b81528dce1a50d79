#!/usr/bin/env bash
# Runs all of Brook's tests: unit tests (*Test), integration tests on the MiniCluster (*ITCase),
# formatting checks, and the end-to-end tests in tests/ that run bin/flink and the examples as real
# processes, and the Python package's pytest suite. Installs missing prerequisites first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

bin/install-prerequisites.sh
mvn -B -ntp verify "$@"
.venv/bin/python -m pytest -q python/tests
