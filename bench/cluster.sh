#!/usr/bin/env bash
# WordCount at parallelism 2 on a standalone cluster (one JobManager and two TaskManager
# processes with one slot each, so every keyed record whose key hashes to the other TaskManager
# crosses the Netty shuffle) against the same job on the embedded MiniCluster. Both are submitted
# with bin/flink run from the same jar, with the same JVM flags for the JVMs that run the tasks.
#
#   bench/cluster.sh                       # 5 rounds of 20,000,000 words (about 4 minutes)
#   bench/cluster.sh --runs 1 --records 2000000 --no-build
#
# Options:
#   --runs N        rounds; each runs the job once on each side, alternating which goes first
#                   (default: 5)
#   --records N     words per measured run (default: 20,000,000)
#   --warmups N     unmeasured runs before the measured one in each embedded client (default: 1)
#   --cluster-warmups N
#                   unmeasured cluster jobs of --records words before the rounds (default: 5)
#   --no-build      use what the last build left in bench/*/target and lib/
#   --jvm-flags ".." JVM flags of the embedded client and of the cluster's daemons
#                   (default: "-Xmx2g -XX:+UseParallelGC"; also read from BENCH_JVM_FLAGS)
#
# What is measured: the benchmark's WordCountBench (bench/brook), lines generated from a sequence
# source, tokenized, keyBy(word).sum(1) into a discarding sink. millis is the wall time of
# env.execute() in the client: for the cluster it includes submitting the job over REST and
# deploying its tasks into the running TaskManagers; for the embedded run it includes starting and
# stopping the MiniCluster. The TaskManagers live through all rounds, as in a session cluster that
# has run jobs before: --cluster-warmups unmeasured jobs first bring the engine's code in their JVMs
# to steady state (each job's own classes are loaded afresh, as in Flink, and compiled anew). The
# embedded side gets --warmups runs in each of its JVMs, where the job's classes stay loaded. CPU: the embedded client JVM's, and the JobManager's plus TaskManagers' during
# the cluster job (from /proc). Sink totals are checked on both sides.
#
# Every line goes to bench/target/results/cluster-<UTC time>.txt.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"

runs=5
records=20000000
warmups=1
cluster_warmups=5
build=1
jvm_flags="${BENCH_JVM_FLAGS:--Xmx2g -XX:+UseParallelGC}"

die() {
    echo "cluster.sh: $*" >&2
    exit 1
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) runs="${2:?--runs needs a value}"; shift 2 ;;
        --records) records="${2:?--records needs a value}"; shift 2 ;;
        --warmups) warmups="${2:?--warmups needs a value}"; shift 2 ;;
        --cluster-warmups) cluster_warmups="${2:?--cluster-warmups needs a value}"; shift 2 ;;
        --no-build) build=0; shift ;;
        --jvm-flags) jvm_flags="${2:?--jvm-flags needs a value}"; shift 2 ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option '$1' (see --help)" ;;
    esac
done

# --- build: the benchmark jobs and the distribution's lib/ -------------------------------------
if [[ $build == 1 ]]; then
    echo "Building (mvn -Pbench -pl bench -am package) ..." >&2
    mvn_cmd=(mvn -q -Pbench -pl bench -am package -DskipTests -Dspotless.check.skip=true)
    if command -v flock >/dev/null; then
        mvn_cmd=(flock /tmp/brook-mvn.lock "${mvn_cmd[@]}")
    fi
    (cd "$ROOT" && "${mvn_cmd[@]}") >&2 || die "build failed: (cd $ROOT && ${mvn_cmd[*]})"
fi
brook_target="$BENCH_DIR/brook/target"
[[ -f "$brook_target/bench-brook.jar" ]] || die "no build in $brook_target; run without --no-build"
[[ -f "$ROOT/lib/brook-cli.jar" ]] || die "no distribution in $ROOT/lib; run without --no-build"

work="$(mktemp -d)"
export FLINK_CONF_DIR="$work/conf" FLINK_LOG_DIR="$work/log" FLINK_PID_DIR="$work/log"
cleanup() {
    "$ROOT/bin/stop-cluster.sh" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

# The job jar bin/flink submits: the benchmark classes with the harness they share with Flink's.
mkdir -p "$work/classes"
(cd "$work/classes" && unzip -qo "$brook_target/bench-brook.jar" &&
    for common in "$brook_target"/lib/brook-bench-common-*.jar; do unzip -qo "$common"; done &&
    rm -f META-INF/MANIFEST.MF && jar cf "$work/job.jar" .)

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
rest_port="$(free_port)"
mkdir -p "$FLINK_CONF_DIR" "$FLINK_LOG_DIR"
cp "$ROOT"/conf/* "$FLINK_CONF_DIR/"
cat >"$FLINK_CONF_DIR/config.yaml" <<YAML
jobmanager.rpc.address: localhost
jobmanager.rpc.port: $(free_port)
rest.address: localhost
rest.port: $rest_port
taskmanager.numberOfTaskSlots: 1
parallelism.default: 2
YAML
printf 'localhost:%s\n' "$rest_port" >"$FLINK_CONF_DIR/masters"
printf 'localhost\nlocalhost\n' >"$FLINK_CONF_DIR/workers"

# Same flags for the JVMs that run the tasks: the embedded client and the TaskManagers (given
# after the memory-derived flags, so an -Xmx here wins).
export FLINK_ENV_JAVA_OPTS="$jvm_flags" BROOK_CLIENT_JVM_OPTS="$jvm_flags"

results_dir="$BENCH_DIR/target/results"
mkdir -p "$results_dir"
results="$results_dir/cluster-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
    echo "# $(date -u +%FT%TZ) bench/cluster.sh"
    echo "# nproc=$(nproc) jvm_flags=$jvm_flags runs=$runs warmups=$warmups cluster_warmups=$cluster_warmups records=$records"
    echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    java -version 2>&1 | sed 's/^/# /'
} >"$results"

"$ROOT/bin/start-cluster.sh" >>"$results"
for _ in $(seq 1 600); do
    tms="$(curl -sf "http://localhost:$rest_port/overview" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["taskmanagers"])' 2>/dev/null || true)"
    [[ "$tms" == 2 ]] && break
    sleep 0.1
done
[[ "${tms:-}" == 2 ]] || die "the two TaskManagers did not register; logs in $FLINK_LOG_DIR"

# CPU time (ms) the cluster's daemons have used so far: JobManager and both TaskManagers.
daemon_cpu_millis() {
    local ticks=0 pid
    for pid in $(cat "$FLINK_PID_DIR"/flink-*-standalonesession.pid "$FLINK_PID_DIR"/flink-*-taskexecutor.pid); do
        # Fields 14 and 15 of /proc/PID/stat (after the command in parentheses): user and system.
        ticks=$((ticks + $(sed -E 's/.*\) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }')))
    done
    echo $((ticks * 1000 / $(getconf CLK_TCK)))
}

run_side() { # side round warmups
    local side=$1 round=$2 totals="$work/totals-$1-$2" out target=() cpu_before line
    [[ $side == cluster ]] && target=(-m "localhost:$rest_port")
    mkdir -p "$totals"
    cpu_before="$(daemon_cpu_millis)"
    out="$("$ROOT/bin/flink" run "${target[@]}" -p 2 -c dev.brook.bench.brook.WordCountBench \
        "$work/job.jar" --parallelism 2 --records "$records" --warmups "$3" --runs 1 \
        --totals-dir "$totals" 2>>"$results")" || die "the $side run failed; see $results"
    line="$(grep '^RESULT ' <<<"$out" | sed -E "s/ bench=[^ ]+/ bench=wordcount-$side/")"
    if [[ $side == cluster ]]; then
        # The tasks ran in the daemons: their CPU time is the job's, the client's is negligible.
        local cpu=$(($(daemon_cpu_millis) - cpu_before)) n
        n="$(sed -nE 's/.* records=([0-9]+).*/\1/p' <<<"$line")"
        line="$(sed -E -e "s/ cpu_millis=[^ ]+/ cpu_millis=$cpu/" \
            -e "s/ recs_per_cpu_s=[^ ]+/ recs_per_cpu_s=$((n * 1000 / (cpu > 0 ? cpu : 1)))/" <<<"$line")"
    fi
    echo "$line" | tee -a "$results" >&2
}

for _ in $(seq 1 "$cluster_warmups"); do
    run_side cluster 0 0 >/dev/null 2>&1
done
for round in $(seq 1 "$runs"); do
    if ((round % 2 == 1)); then
        run_side cluster "$round" 0
        run_side embedded "$round" "$warmups"
    else
        run_side embedded "$round" "$warmups"
        run_side cluster "$round" 0
    fi
done

median() {
    sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.0f\n", v[(NR + 1) / 2];
        else printf "%.0f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
side_median() { # side field
    grep "^RESULT .* bench=wordcount-$1 " "$results" | sed -nE "s/.* $2=([^ ]+).*/\1/p" | median
}
cluster="$(side_median cluster recs_per_s)"
embedded="$(side_median embedded recs_per_s)"
cluster_cpu="$(side_median cluster recs_per_cpu_s)"
embedded_cpu="$(side_median embedded recs_per_cpu_s)"
{
    echo
    echo "| WordCount p=2, $records words, median of $runs | records/s | records per CPU-second |"
    echo "| --- | --- | --- |"
    echo "| embedded MiniCluster | $embedded | $embedded_cpu |"
    echo "| two TaskManager processes | $cluster | $cluster_cpu |"
    echo "| cluster / embedded | $(echo "$cluster / $embedded" | bc -l | cut -c1-5) |" \
        "$(echo "$cluster_cpu / $embedded_cpu" | bc -l | cut -c1-5) |"
} | tee -a "$results"
echo "Results: $results" >&2
