#!/usr/bin/env bash
# Starts a standalone session cluster, as Flink's start-cluster.sh: a JobManager on every host of
# conf/masters (lines 'host[:webui-port]') and a TaskManager for every line of conf/workers (one
# host per line; a host listed twice gets two). Hosts that name this machine (localhost,
# 127.0.0.1, its host name) are started here, others over ssh (FLINK_SSH_OPTS or env.ssh.opts),
# which needs Brook at the same path there.
set -euo pipefail

BROOK_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bin/config.sh
source "$BROOK_HOME/bin/config.sh"
brook_ensure_built
brook_load_env_options || exit 1

masters="$(brook_read_hosts masters)"
workers="$(brook_read_hosts workers)"
status=0

while IFS= read -r master; do
    [[ -n "$master" ]] || continue
    host="${master%%:*}"
    args=(-D "jobmanager.rpc.address=$host")
    if [[ "$master" == *:* ]]; then
        args+=(-D "rest.port=${master#*:}")
    fi
    brook_run_on_host "$host" jobmanager.sh start "${args[@]}" || status=1
    export BROOK_CONFIG_WARNINGS=off
done <<<"$masters"

while IFS= read -r worker; do
    [[ -n "$worker" ]] || continue
    brook_run_on_host "$worker" taskmanager.sh start || status=1
    export BROOK_CONFIG_WARNINGS=off
done <<<"$workers"

exit "$status"
