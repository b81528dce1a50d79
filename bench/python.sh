#!/usr/bin/env bash
# Brook vs. PyFlink: the same PyFlink programs (bench/python/*.py), unmodified, run by Brook's
# pyflink package and by Apache Flink's own (apache-flink from PyPI), alternating by round, with a
# table of medians and Brook/PyFlink ratios at the end.
#
#   bench/python.sh                              # everything (about 8-10 minutes on 2 cores)
#   bench/python.sh --bench map --runs 1         # a quick look
#
# Options:
#   --bench LIST          comma-separated subset of: trivial, map, reduce, latency (default: all)
#   --runs N              rounds per throughput and latency benchmark (default: 3)
#   --trivial-runs N      rounds of the trivial job (default: 3; one unmeasured round first)
#   --map-records N       lines through the Python map (default: 500,000)
#   --reduce-records N    records through the keyed reduce (default: 50,000)
#   --keys N              keys of the reduce (default: 1,000)
#   --jvm-flags ".."      JVM flags for both engines' client JVMs (default: "-XX:+UseParallelGC",
#                         which is what Brook's `python job.py` launcher always uses; it takes no
#                         flags, so change this only for `flink run` comparisons)
#
# The engines:
#   Brook    .venv/bin/python prog.py (this repository's pyflink package, installed editable by
#            bin/install-prerequisites.sh) and bin/flink run -py prog.py, with the jars in lib/ as
#            they are (this script builds nothing).
#   PyFlink  apache-flink 2.3.0 (PYFLINK_VERSION below) from PyPI in bench/target/pyflink-venv,
#            created on the first run from the same Python as Brook's .venv (needs PyPI; about
#            850 MB). Its python prog.py, and its own bin/flink (site-packages/pyflink/bin) as
#            `flink run -t local -py prog.py`, i.e. on a MiniCluster in the client JVM like Brook's
#            flink run. Its Python workers are the venv's python (first on PATH).
#   Both get the same JVM flags (Brook: BROOK_CLIENT_JVM_OPTS; PyFlink: JVM_ARGS) and JAVA_HOME.
#
# What is measured:
#   trivial   from_collection([1, 2, 3]).print(): whole-process wall time, once as `python
#             trivial.py` and once as `flink run -py trivial.py`; median over --trivial-runs.
#   map       500,000 lines of 100 bytes from a FileSource, upper-cased by a Python map, to a
#             FileSink, parallelism 1. Each program runs the job on a fifth of the records first
#             (unmeasured: a warm JVM, as in bench/run.sh), then on all. records/s = records / wall
#             time of env.execute() (local cluster start and stop included), and "steady" =
#             records / time between the map's first and last call. The output of both runs must be
#             their records' 100-byte upper-cased lines.
#   reduce    50,000 numbers -> Python map to (n mod 1000, 1) -> key_by -> Python reduce (rolling
#             sum) -> FileSink, parallelism 1; warm-up and figures as for map. Every key's last
#             count must be its number of records, and the counts must add up to the records.
#   latency   a timer every 5 ms in Java (a keyed Python process function registers 2,400 ticks),
#             each emitted in Python, through a Python map, printed; latency = arrival of the line
#             at the harness - timer time. p50/p99 over the 2,000 ticks after 400 warm-up ticks.
#             See bench/python/latency.py for why the records come from timers.
#
# Every line of every run goes to bench/target/results/python-<UTC time>.txt.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"
PROGRAMS="$BENCH_DIR/python"
PYFLINK_VERSION=2.3.0

all_benches="trivial,map,reduce,latency"
benches="$all_benches"
runs=3
trivial_runs=3
map_records=500000
reduce_records=50000
keys=1000
jvm_flags="-XX:+UseParallelGC"

die() {
    echo "python.sh: $*" >&2
    exit 1
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --bench) benches="${2:?--bench needs a value}"; shift 2 ;;
        --runs) runs="${2:?--runs needs a value}"; shift 2 ;;
        --trivial-runs) trivial_runs="${2:?--trivial-runs needs a value}"; shift 2 ;;
        --map-records) map_records="${2:?--map-records needs a value}"; shift 2 ;;
        --reduce-records) reduce_records="${2:?--reduce-records needs a value}"; shift 2 ;;
        --keys) keys="${2:?--keys needs a value}"; shift 2 ;;
        --jvm-flags) jvm_flags="${2:?--jvm-flags needs a value}"; shift 2 ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option '$1' (see --help)" ;;
    esac
done

selected() { # benchmark
    [[ ",$benches," == *",$1,"* ]]
}

for b in ${benches//,/ }; do
    [[ ",$all_benches," == *",$b,"* ]] || die "unknown benchmark '$b'; choose from ${all_benches//,/, }"
done

# --- the two engines ----------------------------------------------------------------------------
BROOK_VENV="$ROOT/.venv"
[[ -x "$BROOK_VENV/bin/python" ]] || die "no $BROOK_VENV; run bin/install-prerequisites.sh"
[[ -f "$ROOT/lib/brook-cli.jar" ]] ||
    die "no Brook distribution in $ROOT/lib; build it (mvn -o install -DskipTests) first"
if [[ -z ${JAVA_HOME:-} ]]; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
fi
export JAVA_HOME
# Nothing from the caller's environment may point either engine at the other's files.
unset FLINK_HOME FLINK_CONF_DIR PYTHONPATH PYFLINK_GATEWAY_PORT PYFLINK_GATEWAY_SECRET

# The interpreter under Brook's .venv: it creates PyFlink's venv and runs the harness (stdlib only).
base_python="$("$BROOK_VENV/bin/python" -c 'import sys; print(sys._base_executable)')"
HARNESS=("$base_python" "$PROGRAMS/harness.py")

PYFLINK_VENV="$BENCH_DIR/target/pyflink-venv"
installed_version() { # distribution
    "$PYFLINK_VENV/bin/python" -c \
        'import importlib.metadata as m, sys; print(m.version(sys.argv[1]))' "$1" 2>/dev/null || true
}
if [[ "$(installed_version apache-flink)" != "$PYFLINK_VERSION" ]]; then
    echo "Installing apache-flink==$PYFLINK_VERSION into $PYFLINK_VENV (about a minute) ..." >&2
    rm -rf "$PYFLINK_VENV"
    "$base_python" -m venv "$PYFLINK_VENV"
    "$PYFLINK_VENV/bin/pip" install -q "apache-flink==$PYFLINK_VERSION" >&2 ||
        die "pip install apache-flink==$PYFLINK_VERSION failed"
fi
PYFLINK_BIN="$("$PYFLINK_VENV/bin/python" -c \
    'import os, pyflink; print(os.path.join(os.path.dirname(pyflink.__file__), "bin"))')"

# Runs a command as one engine would: its venv's python first on PATH, its JVM flags.
as_engine() { # engine command...
    local engine=$1
    shift
    if [[ $engine == brook ]]; then
        PATH="$BROOK_VENV/bin:$PATH" BROOK_CLIENT_JVM_OPTS="$jvm_flags" "$@"
    else
        PATH="$PYFLINK_VENV/bin:$PATH" JVM_ARGS="$jvm_flags" "$@"
    fi
}

# Sets cmd to a PyFlink program's command line on an engine, launched by "python" (python
# prog.py) or "flink-run" (flink run -py prog.py).
program() { # engine launcher prog.py args...
    local engine=$1 launcher=$2
    shift 2
    case "$engine/$launcher" in
        brook/python) cmd=("$BROOK_VENV/bin/python" "$@") ;;
        brook/flink-run) cmd=("$ROOT/bin/flink" run -py "$@") ;;
        pyflink/python) cmd=("$PYFLINK_VENV/bin/python" "$@") ;;
        pyflink/flink-run) cmd=("$PYFLINK_BIN/flink" run -t local -py "$@") ;;
    esac
}

# --- run ---------------------------------------------------------------------------------------
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
results_dir="$BENCH_DIR/target/results"
mkdir -p "$results_dir"
results="$results_dir/python-$(date -u +%Y%m%dT%H%M%SZ).txt"
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
versions="Brook $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?') (lib/ of"
versions+=" $(date -u -r "$ROOT/lib/brook-udf-worker.jar" +%FT%TZ)), apache-flink $PYFLINK_VERSION"
versions+=" (apache-beam $(installed_version apache-beam))"
versions+=", $("$BROOK_VENV/bin/python" -V)"
{
    echo "# $(date -u +%FT%TZ) bench/python.sh $*"
    echo "# nproc=$(nproc) jvm_flags=$jvm_flags runs=$runs trivial_runs=$trivial_runs"
    echo "# map_records=$map_records reduce_records=$reduce_records keys=$keys"
    echo "# $versions"
    echo "# load average at start: $load_at_start"
    "$JAVA_HOME/bin/java" -version 2>&1 | sed 's/^/# /'
} >"$results"

BASELINE=pyflink
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

# Runs one program to completion, its standard error into the results file; prints its stdout.
run_program() { # engine label command...
    local engine=$1 label=$2 out err
    shift 2
    err="$work/stderr"
    if ! out="$(as_engine "$engine" timeout 600 "$@" 2>"$err")"; then
        tail -n 30 "$err" >&2
        die "$engine $label failed: $*"
    fi
    grep -v '^\s*at ' "$err" | sed 's/^/# /' >>"$results" || true
    echo "$out"
}

run_trivial() { # engine launcher [unmeasured]
    local engine=$1 launcher=$2 start end out cmd=()
    program "$engine" "$launcher" "$PROGRAMS/trivial.py"
    start=$(date +%s%N)
    out="$(cd "$work" && run_program "$engine" "trivial ($launcher)" "${cmd[@]}")"
    end=$(date +%s%N)
    for n in 1 2 3; do
        grep -qE "(^|> )$n\$" <<<"$out" ||
            die "$engine trivial job ($launcher) did not print $n: $out"
    done
    if [[ -n ${3:-} ]]; then
        return
    fi
    printf 'TRIVIAL engine=%s launcher=%s seconds=%.3f\n' "$engine" "$launcher" \
        "$(ratio "($end - $start)" 1000000000)" | tee -a "$results" >&2
}

run_throughput() { # engine bench
    local engine=$1 bench=$2 out check cmd=()
    rm -rf "$work/out" "$work/out-warmup" "$work/stats"
    if [[ $bench == map ]]; then
        program "$engine" python "$PROGRAMS/map_throughput.py" --input "$work/lines.txt" \
            --records "$map_records" --warmup-input "$work/warmup.txt" \
            --warmup-records "$((map_records / 5))" --output "$work/out" --stats "$work/stats"
    else
        program "$engine" python "$PROGRAMS/keyed_reduce.py" --records "$reduce_records" \
            --warmup-records "$((reduce_records / 5))" --keys "$keys" --output "$work/out" \
            --stats "$work/stats"
    fi
    out="$(cd "$work" && run_program "$engine" "$bench" "${cmd[@]}")"
    if [[ $bench == map ]]; then
        "${HARNESS[@]}" check-map "$work/out-warmup" "$((map_records / 5))" >/dev/null ||
            die "$engine map's warm-up wrote the wrong output"
        check="$("${HARNESS[@]}" check-map "$work/out" "$map_records")" ||
            die "$engine map wrote the wrong output: $check"
    else
        "${HARNESS[@]}" check-reduce "$work/out-warmup" "$((reduce_records / 5))" "$keys" \
            >/dev/null || die "$engine reduce's warm-up wrote the wrong output"
        check="$("${HARNESS[@]}" check-reduce "$work/out" "$reduce_records" "$keys")" ||
            die "$engine reduce wrote the wrong output: $check"
    fi
    grep '^RESULT ' <<<"$out" | awk -v e="$engine" -v b="$bench" -v c="$check" '{
        split($2, r, "="); split($3, s, "="); split($4, u, "=");
        printf "RESULT engine=%s bench=%s %s %s %s recs_per_s=%.0f steady_recs_per_s=%.0f (%s)\n",
            e, b, $2, $3, $4, r[2] / s[2], r[2] / u[2], c }' | tee -a "$results" >&2
}

run_latency() { # engine
    local engine=$1 cmd=()
    rm -rf "$work/trigger"
    program "$engine" python "$PROGRAMS/latency.py" --input-dir "$work/trigger" --ticks 2400 \
        --period-ms 5 --lead-ms 2000
    (cd "$work" && as_engine "$engine" "${HARNESS[@]}" latency \
        --input-dir "$work/trigger" --ticks 2400 --warmup-ticks 400 --log "$work/latency.log" \
        -- "${cmd[@]}") >"$work/latency.out" || {
        cat "$work/latency.out" >&2
        tail -n 30 "$work/latency.log" >&2
        die "$engine latency run failed"
    }
    grep -v '^\s*at ' "$work/latency.log" | sed 's/^/# /' >>"$results" || true
    rm -f "$work/latency.log"
    sed "s/^LATENCY /LATENCY engine=$engine /" "$work/latency.out" | tee -a "$results" >&2
}

declare -a rows=()
if selected trivial; then
    echo "== trivial: 1 unmeasured + $trivial_runs measured round(s)" >&2
    for launcher in python flink-run; do
        for engine in brook pyflink; do
            run_trivial "$engine" "$launcher" unmeasured
        done
    done
    for ((r = 1; r <= trivial_runs; r++)); do
        for launcher in python flink-run; do
            for engine in $(engine_order "$r"); do
                run_trivial "$engine" "$launcher"
            done
        done
    done
    for launcher in python flink-run; do
        read -r b f <<<"$(medians TRIVIAL seconds "launcher=$launcher ")"
        rows+=("$(printf '%-22s %14.2f s %14.2f s %9.2fx   (lower wins)' \
            "trivial ($launcher)" "$b" "$f" "$(ratio "$b" "$f")")")
    done
fi

for bench in map reduce; do
    selected "$bench" || continue
    echo "== $bench: $runs round(s)" >&2
    if [[ $bench == map ]]; then
        "${HARNESS[@]}" lines "$work/lines.txt" "$map_records"
        "${HARNESS[@]}" lines "$work/warmup.txt" "$((map_records / 5))"
    fi
    for ((r = 1; r <= runs; r++)); do
        for engine in $(engine_order "$r"); do
            run_throughput "$engine" "$bench"
        done
    done
    for key in recs_per_s steady_recs_per_s; do
        read -r b f <<<"$(medians RESULT "$key" "bench=$bench ")"
        label="$bench rec/s"
        [[ $key == steady_recs_per_s ]] && label="$bench rec/s (steady)"
        rows+=("$(printf '%-22s %16.0f %16.0f %9.2fx' "$label" "$b" "$f" "$(ratio "$b" "$f")")")
    done
    rm -f "$work/lines.txt" "$work/warmup.txt"
done

if selected latency; then
    echo "== latency: $runs round(s)" >&2
    for ((r = 1; r <= runs; r++)); do
        for engine in $(engine_order "$r"); do
            run_latency "$engine"
        done
    done
    for key in p50_ms p99_ms to_map_p50_ms from_map_p50_ms; do
        read -r b f <<<"$(medians LATENCY "$key" "")"
        rows+=("$(printf '%-22s %13.1f ms %13.1f ms %9.3fx   (lower wins)' \
            "latency ${key%_ms}" "$b" "$f" "$(ratio "$b" "$f")")")
    done
fi

# --- report ------------------------------------------------------------------------------------
{
    echo
    echo "nproc=$(nproc), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), JVM flags: $jvm_flags"
    echo "$versions"
    echo "medians of $runs round(s) (trivial: $trivial_runs after 1 unmeasured)," \
        "engines alternating by round"
    echo "load average (1/5/15 min) at start: $load_at_start, at end: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    printf '%-22s %16s %16s %10s\n' benchmark Brook PyFlink Brook/PyFlink
    printf '%s\n' "${rows[@]}"
    echo
    echo "all runs: $results"
} | tee -a "$results"
