#!/usr/bin/env bash
# Starts or stops the JobManager of a session cluster on this host, as Flink's jobmanager.sh:
#   bin/jobmanager.sh start [-D key=value]...             in the background (log/ has its output)
#   bin/jobmanager.sh start-foreground [-D key=value]...  in this terminal, logging to it
#   bin/jobmanager.sh stop | stop-all
set -euo pipefail

BROOK_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bin/config.sh
source "$BROOK_HOME/bin/config.sh"

USAGE="Usage: jobmanager.sh (start|start-foreground) [-D key=value]... | stop | stop-all"
if [[ $# -lt 1 ]]; then
    echo "$USAGE" >&2
    exit 1
fi
brook_ensure_built
brook_daemon "$1" standalonesession "${@:2}"
