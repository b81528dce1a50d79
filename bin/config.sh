#!/usr/bin/env bash
# Shared by the cluster launchers (jobmanager.sh, taskmanager.sh, standalone-job.sh,
# start-cluster.sh, stop-cluster.sh). Sourced, not run; the sourcing script sets BROOK_HOME and
# runs with 'set -euo pipefail'.
#
# Honours Flink's environment variables, which win over the configuration's env.* options:
#   FLINK_CONF_DIR       configuration directory (default: conf/ of this distribution)
#   FLINK_LOG_DIR        log files (env.log.dir; default: log/ of this distribution)
#   FLINK_PID_DIR        pid files (env.pid.dir; default: log/ of this distribution, unlike
#                        Flink's /tmp, so that distributions side by side do not share them)
#   FLINK_ENV_JAVA_OPTS  JVM options of every daemon (env.java.opts.all)
#   FLINK_JM_JAVA_OPTS   JVM options of JobManagers (also FLINK_ENV_JAVA_OPTS_JM;
#                        env.java.opts.jobmanager)
#   FLINK_TM_JAVA_OPTS   JVM options of TaskManagers (also FLINK_ENV_JAVA_OPTS_TM;
#                        env.java.opts.taskmanager)
#   FLINK_SSH_OPTS       options of ssh for other hosts (env.ssh.opts)
#   FLINK_IDENT_STRING   the name in log and pid file names (default: the user name)
#   MAX_LOG_FILE_NUMBER  old log files kept per daemon (env.log.max; default 10)

# shellcheck source=bin/brook-env.sh
source "$BROOK_HOME/bin/brook-env.sh"

export FLINK_CONF_DIR="${FLINK_CONF_DIR:-$BROOK_HOME/conf}"
FLINK_IDENT_STRING="${FLINK_IDENT_STRING:-$(id -un)}"
BROOK_HOSTNAME="${HOSTNAME:-$(hostname)}"
FLINK_ENV_JAVA_OPTS_JM="${FLINK_ENV_JAVA_OPTS_JM:-${FLINK_JM_JAVA_OPTS:-}}"
FLINK_ENV_JAVA_OPTS_TM="${FLINK_ENV_JAVA_OPTS_TM:-${FLINK_TM_JAVA_OPTS:-}}"
read -ra BROOK_JVM_LOGGING_ARGS <<<"$BROOK_JVM_LOGGING $BROOK_JVM_OPENS"

# Runs BashJavaUtils: brook_java_utils <command> [-D key=value]...
# The result goes to standard out, errors to standard error, and so do warnings about the
# configuration (unknown keys) unless BROOK_CONFIG_WARNINGS=off: start-cluster.sh sets that once
# the first daemon has shown them.
brook_java_utils() {
    local command="$1" level=WARN
    shift
    if [[ "${BROOK_CONFIG_WARNINGS:-on}" == off ]]; then
        level=ERROR
    fi
    "$JAVA_RUN" "${BROOK_JVM_LOGGING_ARGS[@]}" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
        -Dlog4j2.configurationFile=classpath:dev/brook/runtime/util/bash/log4j-bash-utils.properties \
        -Dbrook.bash-utils.log-level="$level" \
        -cp "${BROOK_CLASSPATH%:}" dev.brook.runtime.util.bash.BashJavaUtils \
        "$command" --configDir "$FLINK_CONF_DIR" "$@"
}

# Sets the FLINK_* variables that the environment leaves unset from the configuration's env.*
# options (with the given -D overrides), then the defaults. Fails if the configuration cannot be
# read; the caller decides whether the defaults will do.
brook_load_env_options() {
    local output line key value status=0
    # Quiet: the memory settings, read next with the same configuration, show the warnings.
    if output="$(BROOK_CONFIG_WARNINGS=off brook_java_utils GET_ENV_OPTIONS "$@")"; then
        while IFS= read -r line; do
            key="${line%%: *}"
            value="${line#*: }"
            case "$key" in
                env.java.opts.all) FLINK_ENV_JAVA_OPTS="${FLINK_ENV_JAVA_OPTS:-$value}" ;;
                env.java.opts.jobmanager) FLINK_ENV_JAVA_OPTS_JM="${FLINK_ENV_JAVA_OPTS_JM:-$value}" ;;
                env.java.opts.taskmanager) FLINK_ENV_JAVA_OPTS_TM="${FLINK_ENV_JAVA_OPTS_TM:-$value}" ;;
                env.log.dir) FLINK_LOG_DIR="${FLINK_LOG_DIR:-$value}" ;;
                env.log.max) MAX_LOG_FILE_NUMBER="${MAX_LOG_FILE_NUMBER:-$value}" ;;
                env.pid.dir) FLINK_PID_DIR="${FLINK_PID_DIR:-$value}" ;;
                env.ssh.opts) FLINK_SSH_OPTS="${FLINK_SSH_OPTS:-$value}" ;;
            esac
        done <<<"$output"
    else
        status=1
    fi
    FLINK_ENV_JAVA_OPTS="${FLINK_ENV_JAVA_OPTS:-}"
    FLINK_LOG_DIR="${FLINK_LOG_DIR:-$BROOK_HOME/log}"
    FLINK_PID_DIR="${FLINK_PID_DIR:-$BROOK_HOME/log}"
    FLINK_SSH_OPTS="${FLINK_SSH_OPTS:-}"
    export MAX_LOG_FILE_NUMBER="${MAX_LOG_FILE_NUMBER:-10}"
    return "$status"
}

# The -D properties among a daemon's arguments ('-D key=value' or '-Dkey=value'), into the array
# BROOK_DYNAMIC_PROPERTIES as '-D' 'key=value' pairs, for BashJavaUtils.
brook_dynamic_properties() {
    BROOK_DYNAMIC_PROPERTIES=()
    while [[ $# -gt 0 ]]; do
        case "$1" in
            -D)
                if [[ $# -gt 1 ]]; then
                    BROOK_DYNAMIC_PROPERTIES+=(-D "$2")
                    shift
                fi
                ;;
            -D*) BROOK_DYNAMIC_PROPERTIES+=(-D "${1#-D}") ;;
        esac
        shift
    done
}

# Whether a host name means this host: then daemons start here, otherwise over ssh.
brook_is_local_host() {
    case "$1" in
        localhost | 127.0.0.1 | ::1 | "$BROOK_HOSTNAME" | "$(hostname -s 2>/dev/null)") return 0 ;;
        "$(hostname -f 2>/dev/null)") return 0 ;;
    esac
    return 1
}

# The host lines of conf/masters or conf/workers, without comments and blank lines.
brook_read_hosts() {
    local file="$FLINK_CONF_DIR/$1" line
    if [[ ! -f "$file" ]]; then
        echo "[ERROR] No $1 file: list one host per line in '$file'." >&2
        return 1
    fi
    while IFS= read -r line || [[ -n "$line" ]]; do
        line="${line%%#*}"
        line="${line//[[:space:]]/}"
        if [[ -n "$line" ]]; then
            echo "$line"
        fi
    done <"$file"
}

# Runs bin/<script> <args...> on a host: here, or over ssh (same installation path there).
brook_run_on_host() {
    local host="$1" script="$2"
    shift 2
    if brook_is_local_host "$host"; then
        "$BROOK_HOME/bin/$script" "$@"
    else
        local -a ssh_opts
        read -ra ssh_opts <<<"$FLINK_SSH_OPTS"
        local remote
        remote="$(printf '%q ' "$BROOK_HOME/bin/$script" "$@")"
        ssh -n "${ssh_opts[@]}" "$host" -- "nohup /bin/bash -l $remote"
    fi
}

# The main class of each kind of daemon (Flink's names for the kinds).
brook_daemon_main_class() {
    case "$1" in
        standalonesession) echo dev.brook.runtime.entrypoint.StandaloneSessionClusterEntrypoint ;;
        standalonejob) echo dev.brook.container.entrypoint.StandaloneApplicationClusterEntryPoint ;;
        taskexecutor) echo dev.brook.runtime.taskexecutor.TaskManagerRunner ;;
        *)
            echo "[ERROR] Unknown daemon type '$1'." >&2
            return 1
            ;;
    esac
}

brook_pid_file() {
    echo "$FLINK_PID_DIR/flink-$FLINK_IDENT_STRING-$1.pid"
}

# Whether pid is a live (not zombie) process running the main class of the daemon type, so a pid
# reused by another process is not taken for the daemon.
brook_daemon_alive() {
    local pid="$1" main_class info
    main_class="$(brook_daemon_main_class "$2")"
    kill -0 "$pid" 2>/dev/null || return 1
    if ! command -v ps >/dev/null 2>&1; then
        return 0
    fi
    info="$(ps -o stat= -o args= -p "$pid" 2>/dev/null)" || return 1
    info="${info#"${info%%[![:space:]]*}"}"
    [[ "$info" != Z* && "$info" == *"$main_class"* ]]
}

# The pids of a daemon type whose processes run, in the pid file's order.
brook_live_pids() {
    local pid_file
    pid_file="$(brook_pid_file "$1")"
    [[ -f "$pid_file" ]] || return 0
    local pid
    while IFS= read -r pid || [[ -n "$pid" ]]; do
        if [[ -n "$pid" ]] && brook_daemon_alive "$pid" "$1"; then
            echo "$pid"
        fi
    done <"$pid_file"
}

# Drops the pids of processes that no longer run from a daemon type's pid file, saying so.
brook_remove_stale_pids() {
    local type="$1" pid_file pid
    pid_file="$(brook_pid_file "$type")"
    [[ -f "$pid_file" ]] || return 0
    local -a live=()
    while IFS= read -r pid || [[ -n "$pid" ]]; do
        [[ -n "$pid" ]] || continue
        if brook_daemon_alive "$pid" "$type"; then
            live+=("$pid")
        else
            echo "Removed stale pid $pid from $pid_file: no $type daemon runs with it on host $BROOK_HOSTNAME."
        fi
    done <"$pid_file"
    if [[ ${#live[@]} -eq 0 ]]; then
        rm -f "$pid_file"
    else
        printf '%s\n' "${live[@]}" >"$pid_file"
    fi
}

# Sends SIGTERM to the daemons, waits up to 10 s for them to shut down cleanly, then SIGKILLs
# those left.
brook_terminate() {
    local type="$1" pid
    shift
    kill "$@" 2>/dev/null || true
    local deadline=$((SECONDS + 10))
    while true; do
        local -a left=()
        for pid in "$@"; do
            if brook_daemon_alive "$pid" "$type"; then
                left+=("$pid")
            fi
        done
        if [[ ${#left[@]} -eq 0 ]]; then
            return 0
        fi
        if [[ $SECONDS -ge $deadline ]]; then
            echo "The $type daemon (pid: ${left[*]}) did not stop within 10 seconds; killing it."
            kill -9 "${left[@]}" 2>/dev/null || true
            return 0
        fi
        sleep 0.1
    done
}

# Keeps the previous .out file of a daemon as .out.1 (older ones as .out.2, ...).
brook_rotate_out_file() {
    local file="$1" i
    [[ -s "$file" ]] || return 0
    for ((i = MAX_LOG_FILE_NUMBER - 1; i >= 1; i--)); do
        if [[ -f "$file.$i" ]]; then
            mv -f "$file.$i" "$file.$((i + 1))"
        fi
    done
    mv -f "$file" "$file.1"
}

# brook_daemon (start|start-foreground|stop|stop-all) <type> [args...]
#   type: standalonesession (JobManager), taskexecutor (TaskManager), standalonejob (JobManager
#   of one application). Like Flink's flink-daemon.sh: every start appends its pid to
#   $FLINK_PID_DIR/flink-<user>-<type>.pid, and the daemon's position there numbers its log files
#   $FLINK_LOG_DIR/flink-<user>-<type>-<index>-<host>.{log,out}; stop ends the last one, stop-all
#   all. Only one JobManager (session or application) may run per host: its ports are fixed.
brook_daemon() {
    local action="$1" type="$2"
    shift 2
    local main_class
    main_class="$(brook_daemon_main_class "$type")"
    brook_dynamic_properties "$@"

    case "$action" in
        start | start-foreground)
            brook_load_env_options "${BROOK_DYNAMIC_PROPERTIES[@]}" || {
                echo "[ERROR] Cannot start the $type daemon: the configuration in" \
                    "'$FLINK_CONF_DIR' is unusable (see above)." >&2
                exit 1
            }
            ;;
        stop | stop-all)
            brook_load_env_options ||
                echo "[WARN] Cannot read the configuration in '$FLINK_CONF_DIR'; looking for" \
                    "pid files in '$FLINK_PID_DIR'." >&2
            ;;
        *)
            echo "[ERROR] Unknown action '$action': expected start, start-foreground, stop or" \
                "stop-all." >&2
            exit 1
            ;;
    esac

    mkdir -p "$FLINK_PID_DIR"
    local pid_file
    pid_file="$(brook_pid_file "$type")"
    # Daemons starting and stopping at once on this host take turns: the index of a daemon's log
    # files comes from the pid file, which they all read and write. The lock is released when this
    # script exits; the daemon itself does not inherit it.
    exec 200<"$FLINK_PID_DIR"
    flock 200

    case "$action" in
        start | start-foreground) brook_start_daemon "$action" "$type" "$main_class" "$pid_file" "$@" ;;
        stop) brook_stop_daemon "$type" "$pid_file" ;;
        stop-all) brook_stop_all_daemons "$type" "$pid_file" ;;
    esac
}

brook_start_daemon() {
    local action="$1" type="$2" main_class="$3" pid_file="$4"
    shift 4

    if [[ "$type" == standalonesession || "$type" == standalonejob ]]; then
        local other running
        for other in standalonesession standalonejob; do
            running="$(brook_live_pids "$other" | tail -n 1)"
            if [[ -n "$running" ]]; then
                echo "[ERROR] A JobManager ($other daemon, pid $running) is already running on host" \
                    "$BROOK_HOSTNAME. Stop it first (bin/jobmanager.sh stop or" \
                    "bin/standalone-job.sh stop)." >&2
                exit 1
            fi
        done
    fi
    if [[ -f "$pid_file" && -z "$(brook_live_pids "$type")" ]]; then
        brook_remove_stale_pids "$type"
    fi

    local memory_command java_opts_role
    if [[ "$type" == taskexecutor ]]; then
        memory_command=GET_TM_JVM_PARAMS
        java_opts_role="$FLINK_ENV_JAVA_OPTS_TM"
    else
        memory_command=GET_JM_JVM_PARAMS
        java_opts_role="$FLINK_ENV_JAVA_OPTS_JM"
    fi
    local jvm_params
    jvm_params="$(brook_java_utils "$memory_command" "${BROOK_DYNAMIC_PROPERTIES[@]}")" || {
        echo "[ERROR] Cannot start the $type daemon: its memory settings are unusable (see above)." >&2
        exit 1
    }

    mkdir -p "$FLINK_LOG_DIR"
    local index=0
    if [[ -f "$pid_file" ]]; then
        index="$(wc -l <"$pid_file")"
        index=$((index))
    fi
    local prefix="$FLINK_LOG_DIR/flink-$FLINK_IDENT_STRING-$type-$index-$BROOK_HOSTNAME"
    # As in Flink, JVM options may name this daemon's files, e.g. -Xlog:gc:file=${FLINK_LOG_PREFIX}.gc
    local java_opts="$FLINK_ENV_JAVA_OPTS $java_opts_role"
    java_opts="${java_opts//\$\{FLINK_LOG_PREFIX\}/$prefix}"
    java_opts="${java_opts//\$FLINK_LOG_PREFIX/$prefix}"
    local -a jvm_args java_opts_args
    read -ra jvm_args <<<"$jvm_params"
    read -ra java_opts_args <<<"$java_opts"

    if [[ "$action" == start-foreground ]]; then
        echo "$$" >>"$pid_file"
        exec 200<&-
        exec "$JAVA_RUN" "${BROOK_JVM_LOGGING_ARGS[@]}" "${jvm_args[@]}" \
            "${java_opts_args[@]}" \
            -Dbrook.home="$BROOK_HOME" -Dlog.file="$prefix.log" \
            -Dlog4j2.configurationFile="$FLINK_CONF_DIR/log4j-console.properties" \
            -cp "${BROOK_CLASSPATH%:}" "$main_class" --configDir "$FLINK_CONF_DIR" "$@"
    fi

    brook_rotate_out_file "$prefix.out"
    echo "Starting $type daemon on host $BROOK_HOSTNAME."
    nohup "$JAVA_RUN" "${BROOK_JVM_LOGGING_ARGS[@]}" "${jvm_args[@]}" \
        "${java_opts_args[@]}" \
        -Dbrook.home="$BROOK_HOME" -Dlog.file="$prefix.log" \
        -Dlog4j2.configurationFile="$FLINK_CONF_DIR/log4j.properties" \
        -cp "${BROOK_CLASSPATH%:}" "$main_class" --configDir "$FLINK_CONF_DIR" "$@" \
        >"$prefix.out" 2>&1 </dev/null 200<&- &
    local pid=$!
    if kill -0 "$pid" 2>/dev/null; then
        echo "$pid" >>"$pid_file"
    else
        echo "[ERROR] The $type daemon ended right after its start; see $prefix.out." >&2
        exit 1
    fi
}

brook_stop_daemon() {
    local type="$1" pid_file="$2"
    brook_remove_stale_pids "$type"
    if [[ ! -f "$pid_file" ]]; then
        echo "No $type daemon to stop on host $BROOK_HOSTNAME."
        return 0
    fi
    local pid
    pid="$(tail -n 1 "$pid_file")"
    sed '$d' "$pid_file" >"$pid_file.tmp"
    if [[ -s "$pid_file.tmp" ]]; then
        mv -f "$pid_file.tmp" "$pid_file"
    else
        rm -f "$pid_file" "$pid_file.tmp"
    fi
    echo "Stopping $type daemon (pid: $pid) on host $BROOK_HOSTNAME."
    brook_terminate "$type" "$pid"
}

brook_stop_all_daemons() {
    local type="$1" pid_file="$2"
    brook_remove_stale_pids "$type"
    if [[ ! -f "$pid_file" ]]; then
        echo "No $type daemon to stop on host $BROOK_HOSTNAME."
        return 0
    fi
    local -a pids=()
    local pid
    while IFS= read -r pid || [[ -n "$pid" ]]; do
        pids+=("$pid")
        echo "Stopping $type daemon (pid: $pid) on host $BROOK_HOSTNAME."
    done <"$pid_file"
    rm -f "$pid_file"
    brook_terminate "$type" "${pids[@]}"
}
