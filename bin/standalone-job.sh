#!/usr/bin/env bash
# Starts or stops the JobManager of an application cluster, which runs one job, as Flink's
# standalone-job.sh. The job's classes must be on the class path (lib/) or given with --jars;
# TaskManagers join it as in a session cluster (bin/taskmanager.sh start).
#   bin/standalone-job.sh start --job-classname <class> [--jars <jar>] [-D key=value]... [job args]
#   bin/standalone-job.sh start-foreground ...   the same in this terminal
#   bin/standalone-job.sh stop | stop-all
set -euo pipefail

BROOK_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bin/config.sh
source "$BROOK_HOME/bin/config.sh"

USAGE="Usage: standalone-job.sh (start|start-foreground) --job-classname <class> [--jars <jar>]"
USAGE+=" [-D key=value]... [job arguments] | stop | stop-all"
if [[ $# -lt 1 ]]; then
    echo "$USAGE" >&2
    exit 1
fi
if [[ "$1" == start* && " ${*:2} " != *" --job-classname "* && " ${*:2} " != *" -j "* ]]; then
    echo "[ERROR] Name the job's main class with --job-classname <class>." >&2
    echo "$USAGE" >&2
    exit 1
fi
brook_ensure_built
brook_daemon "$1" standalonejob "${@:2}"
