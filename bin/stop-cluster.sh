#!/usr/bin/env bash
# Stops the standalone cluster that start-cluster.sh started: a TaskManager for every line of
# conf/workers, then the JobManager on every host of conf/masters; here or over ssh, as there.
set -euo pipefail

BROOK_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bin/config.sh
source "$BROOK_HOME/bin/config.sh"
brook_ensure_built
brook_load_env_options ||
    echo "[WARN] Cannot read the configuration in '$FLINK_CONF_DIR'; using the defaults." >&2

masters="$(brook_read_hosts masters)"
workers="$(brook_read_hosts workers)"
status=0

while IFS= read -r worker; do
    [[ -n "$worker" ]] || continue
    brook_run_on_host "$worker" taskmanager.sh stop || status=1
done <<<"$workers"

while IFS= read -r master; do
    [[ -n "$master" ]] || continue
    brook_run_on_host "${master%%:*}" jobmanager.sh stop || status=1
done <<<"$masters"

exit "$status"
