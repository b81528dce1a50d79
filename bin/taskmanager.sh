#!/usr/bin/env bash
# Starts or stops a TaskManager on this host, as Flink's taskmanager.sh; several may run on one
# host (each start adds one, stop ends the last started, stop-all all of them):
#   bin/taskmanager.sh start [-D key=value]...             in the background (log/ has its output)
#   bin/taskmanager.sh start-foreground [-D key=value]...  in this terminal, logging to it
#   bin/taskmanager.sh stop | stop-all
set -euo pipefail

BROOK_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bin/config.sh
source "$BROOK_HOME/bin/config.sh"

USAGE="Usage: taskmanager.sh (start|start-foreground) [-D key=value]... | stop | stop-all"
if [[ $# -lt 1 ]]; then
    echo "$USAGE" >&2
    exit 1
fi
brook_ensure_built
brook_daemon "$1" taskexecutor "${@:2}"
