#!/usr/bin/env bash
# Shared by Brook's launchers: finds Java, builds the distribution on first use, and assembles the
# JVM command line. Sourced, not run.

if [[ -z "${JAVA_HOME:-}" ]] && ! command -v java >/dev/null 2>&1; then
    "$BROOK_HOME/bin/install-prerequisites.sh"
fi
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    JAVA_RUN="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then
    JAVA_RUN="$(command -v java)"
else
    echo "Brook needs Java 17 or newer, but no 'java' was found. Install a JDK (e.g." \
         "'apt-get install openjdk-17-jdk-headless') or set JAVA_HOME." >&2
    exit 1
fi

# JVM warnings go to standard error, so a program's standard out carries only its own output.
BROOK_JVM_LOGGING="-Xlog:disable -Xlog:all=warning:stderr"
# Arrow (Python UDF batches) reads buffers through java.nio internals.
BROOK_JVM_OPENS="--add-opens=java.base/java.nio=ALL-UNNAMED"
BROOK_CLIENT_JVM_OPTS="${BROOK_CLIENT_JVM_OPTS:--XX:+UseParallelGC} $BROOK_JVM_OPENS"

brook_ensure_built() {
    if [[ ! -f "$BROOK_HOME/lib/brook-cli.jar" ]]; then
        echo "Building Brook (first use; this takes a few minutes)..." >&2
        "$BROOK_HOME/bin/install-prerequisites.sh"
        (cd "$BROOK_HOME" && mvn -q -B install -DskipTests -Dspotless.check.skip=true) >&2 || {
            echo "The build failed; see the Maven output above." >&2
            exit 1
        }
    fi
    BROOK_CLASSPATH="$(find "$BROOK_HOME/lib" -maxdepth 1 -name '*.jar' | LC_ALL=C sort | tr '\n' ':')"
}

# Runs a short-lived client JVM with a class-data-sharing archive of Brook's classes, which cuts
# start-up time. The archive is written after a build (and whenever a jar is newer than it) by a
# training run of bin/cds-training.py, a small Python job, so it holds the classes of the engine
# and of the Python path (gateway, Arrow, gRPC) alike; without Brook's .venv, the first client run
# writes it instead. Later runs, and `python job.py`'s gateway JVM, map it.
brook_run_client() {
    local archive="$BROOK_HOME/lib/brook-client.jsa"
    local stale=""
    if [[ -f "$archive" ]]; then
        stale="$(find "$BROOK_HOME/lib" -maxdepth 1 -name '*.jar' -newer "$archive" | head -n 1)"
    fi
    if [[ ! -f "$archive" || -n "$stale" ]]; then
        brook_train_class_archive "$archive" "$@"
    fi
    if [[ -f "$archive" ]]; then
        exec "$JAVA_RUN" $BROOK_JVM_LOGGING -XX:SharedArchiveFile="$archive" $BROOK_CLIENT_JVM_OPTS \
            -cp "$BROOK_CLASSPATH" "$@"
    fi
    local tmp
    tmp="$(mktemp "$BROOK_HOME/lib/.brook-client.jsa.XXXXXX")"
    rm -f "$tmp"
    set +e
    # The dumping run reports every class it cannot archive; that is noise for the user.
    "$JAVA_RUN" -Xlog:disable -XX:ArchiveClassesAtExit="$tmp" $BROOK_CLIENT_JVM_OPTS \
        -cp "$BROOK_CLASSPATH" "$@"
    local rc=$?
    set -e
    if [[ -s "$tmp" ]]; then
        mv -f "$tmp" "$archive"
    else
        rm -f "$tmp"
    fi
    return $rc
}

# Writes the class-data-sharing archive from a training run (see brook_run_client), quietly; does
# nothing when Brook's .venv is missing. Arguments: the archive, then the client's arguments (the
# JVM properties up to the main class are reused).
brook_train_class_archive() {
    local archive="$1"
    shift
    local python="$BROOK_HOME/.venv/bin/python"
    [[ -x "$python" ]] || return 0
    local properties=()
    while [[ $# -gt 0 && "$1" == -D* ]]; do
        properties+=("$1")
        shift
    done
    local tmp
    tmp="$(mktemp "$BROOK_HOME/lib/.brook-client.jsa.XXXXXX")"
    rm -f "$tmp"
    # shellcheck disable=SC2086 # the option strings are word lists
    "$JAVA_RUN" -Xlog:disable -XX:ArchiveClassesAtExit="$tmp" $BROOK_CLIENT_JVM_OPTS \
        -cp "$BROOK_CLASSPATH" "${properties[@]}" dev.brook.client.cli.CliFrontend run \
        -pyclientexec "$python" -pyexec "$python" -py "$BROOK_HOME/bin/cds-training.py" \
        >/dev/null 2>&1 || true
    if [[ -s "$tmp" ]]; then
        mv -f "$tmp" "$archive"
    else
        rm -f "$tmp"
    fi
}
