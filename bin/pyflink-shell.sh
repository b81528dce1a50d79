#!/usr/bin/env bash
# Brook's interactive Python shell, with the name and modes of Flink's:
#   bin/pyflink-shell.sh local               jobs run on a MiniCluster inside the shell
#   bin/pyflink-shell.sh remote HOST PORT    jobs go to the running cluster's REST endpoint HOST:PORT
# The shell itself is the pyflink package's module pyflink.shell; this script picks its interpreter:
# $PYFLINK_CLIENT_EXECUTABLE, else this distribution's .venv/bin/python, else python3.
set -euo pipefail

BROOK_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export FLINK_HOME="$BROOK_HOME"
export FLINK_CONF_DIR="${FLINK_CONF_DIR:-$BROOK_HOME/conf}"

# Usage errors come from the shell at once; a build on first use only for a real start.
case "${1:-}" in
    local | remote)
        # shellcheck source=bin/brook-env.sh
        source "$BROOK_HOME/bin/brook-env.sh"
        brook_ensure_built
        ;;
esac

if [[ -n "${PYFLINK_CLIENT_EXECUTABLE:-}" ]]; then
    PYTHON="$PYFLINK_CLIENT_EXECUTABLE"
elif [[ -x "$BROOK_HOME/.venv/bin/python" ]]; then
    PYTHON="$BROOK_HOME/.venv/bin/python"
else
    PYTHON=python3
fi
# The pyflink package of this distribution, also for an interpreter that has none installed.
export PYTHONPATH="$BROOK_HOME/python${PYTHONPATH:+:$PYTHONPATH}"

exec "$PYTHON" -m pyflink.shell "$@"
