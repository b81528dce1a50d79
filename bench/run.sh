#!/usr/bin/env bash
# Brook vs. Apache Flink: builds the benchmark jobs, runs each on both engines in separate JVMs
# with identical JVM flags, and prints a table of median throughput and start-up times.
#
#   bench/run.sh                                  # everything (about 8-12 minutes on 2 cores)
#   bench/run.sh --bench wordcount --parallelism 1 --runs 1   # a quick look
#
# Options:
#   --bench LIST         comma-separated subset of: wordcount, keyed-reduce, window-count,
#                        window-count-checkpointed, window-count-rocksdb, batch-wordcount,
#                        trivial, execute-overhead (default: all eight)
#   --parallelism LIST   comma-separated parallelisms for the throughput benchmarks (default: 1,2)
#   --runs N             JVMs per engine and setting, alternating engines (default: 3)
#   --warmups N          unmeasured runs inside each JVM before the measured one (default: 1)
#   --records N          input records per throughput run (default: 10,000,000)
#   --checkpoint-records N
#                        input records per window-count-checkpointed run (default: 20,000,000, so
#                        that a run spans several checkpoints; --records does not change it)
#   --rocksdb-records N  input records per window-count-rocksdb run (default: 2,000,000, since
#                        Flink's RocksDB runs are slow; --records does not change it)
#   --warmup-records N   input records per warm-up run (default: records / 5)
#   --trivial-runs N     processes per engine for the trivial job (default: 5)
#   --no-build           use what the last build left in bench/*/target
#   --jvm-flags "..."    JVM flags for both engines (default: "-Xmx2g -XX:+UseParallelGC";
#                        also read from BENCH_JVM_FLAGS)
#
# What is measured:
#   wordcount, keyed-reduce, window-count, window-count-*, batch-wordcount
#                        input records / wall time of env.execute() of the measured run, which
#                        for both engines includes starting and stopping their local cluster. Each
#                        measured run happens in a fresh JVM after --warmups warm-up executions in
#                        that JVM; the table shows the median over --runs JVMs. The "(CPU)" column
#                        compares records per CPU-second of the whole JVM during the same call,
#                        which is steadier when other work shares the machine.
#   window-count-checkpointed
#                        window-count with the hashmap backend and an exactly-once checkpoint every
#                        second into a fresh temporary directory, on both engines, over
#                        --checkpoint-records events. Each JVM runs the job without and with
#                        checkpoints, twice each in turns, after a warm-up of each over half as many
#                        events (long enough to take checkpoints); medians are over 2 x --runs runs.
#                        A second table shows what checkpoints cost each engine (1 - with/without).
#   window-count-rocksdb window-count with state.backend.type: rocksdb on both engines (no
#                        checkpoints), over --rocksdb-records events.
#   trivial              fromElements(1, 2, 3).print(): the whole process, JVM start to exit (wall;
#                        CPU = user + system), median over --trivial-runs processes.
#   execute-overhead     wall time of env.execute() of a 10-word WordCount in a warm JVM (after 3
#                        warm-ups): the fixed cost per job that the throughput figures include.
#
# Every line of every run goes to bench/target/results/<UTC time>.txt.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"

all_benches="wordcount,keyed-reduce,window-count,window-count-checkpointed,window-count-rocksdb"
all_benches+=",batch-wordcount,trivial,execute-overhead"
benches="$all_benches"
parallelisms="1,2"
runs=3
warmups=1
records=""
checkpoint_records=20000000
rocksdb_records=2000000
warmup_records=""
trivial_runs=5
build=1
jvm_flags="${BENCH_JVM_FLAGS:--Xmx2g -XX:+UseParallelGC}"

die() {
    echo "run.sh: $*" >&2
    exit 1
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --bench) benches="${2:?--bench needs a value}"; shift 2 ;;
        --parallelism) parallelisms="${2:?--parallelism needs a value}"; shift 2 ;;
        --runs) runs="${2:?--runs needs a value}"; shift 2 ;;
        --warmups) warmups="${2:?--warmups needs a value}"; shift 2 ;;
        --records) records="${2:?--records needs a value}"; shift 2 ;;
        --checkpoint-records)
            checkpoint_records="${2:?--checkpoint-records needs a value}"
            shift 2
            ;;
        --rocksdb-records) rocksdb_records="${2:?--rocksdb-records needs a value}"; shift 2 ;;
        --warmup-records) warmup_records="${2:?--warmup-records needs a value}"; shift 2 ;;
        --trivial-runs) trivial_runs="${2:?--trivial-runs needs a value}"; shift 2 ;;
        --no-build) build=0; shift ;;
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

# --- build -----------------------------------------------------------------------------------
if [[ $build == 1 ]]; then
    echo "Building (mvn -Pbench -pl bench -am package) ..." >&2
    mvn_cmd=(mvn -q -Pbench -pl bench -am package -DskipTests -Dspotless.check.skip=true)
    # Builds on a shared machine queue behind one lock so they never overlap.
    if command -v flock >/dev/null; then
        mvn_cmd=(flock /tmp/brook-mvn.lock "${mvn_cmd[@]}")
    fi
    build_log="$(mktemp)"
    if ! (cd "$ROOT" && "${mvn_cmd[@]}") >"$build_log" 2>&1; then
        cat "$build_log" >&2
        rm -f "$build_log"
        die "build failed: (cd $ROOT && ${mvn_cmd[*]})"
    fi
    rm -f "$build_log"
fi

classpath() { # engine
    local dir="$BENCH_DIR/$1/target"
    [[ -f "$dir/bench-$1.jar" && -d "$dir/lib" ]] || die "no build in $dir; run without --no-build"
    echo "$dir/bench-$1.jar:$dir/lib/*"
}
BROOK_CP="$(classpath brook)"
FLINK_CP="$(classpath flink)"

# The two sides of every benchmark must be the same code: compare them without package and
# import lines (the only lines allowed to differ).
for src in "$BENCH_DIR"/brook/src/main/java/dev/brook/bench/brook/*.java; do
    other="$BENCH_DIR/flink/src/main/java/dev/brook/bench/flink/$(basename "$src")"
    [[ -f "$other" ]] || die "$(basename "$src") has no Flink counterpart at $other"
    if ! diff -q <(grep -vE '^(package|import) ' "$src") <(grep -vE '^(package|import) ' "$other") >/dev/null; then
        die "the Brook and Flink versions of $(basename "$src") differ beyond package and imports"
    fi
done

# --- run ---------------------------------------------------------------------------------------
results_dir="$BENCH_DIR/target/results"
mkdir -p "$results_dir"
results="$results_dir/$(date -u +%Y%m%dT%H%M%SZ).txt"
read -r -a jvm <<<"$jvm_flags"
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
{
    echo "# $(date -u +%FT%TZ) bench/run.sh"
    echo "# nproc=$(nproc) jvm_flags=$jvm_flags runs=$runs warmups=$warmups"
    echo "# load average at start: $load_at_start"
    java -version 2>&1 | sed 's/^/# /'
} >"$results"

engine_cp() {
    if [[ $1 == brook ]]; then echo "$BROOK_CP"; else echo "$FLINK_CP"; fi
}

BASELINE=flink
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

run_jvm() { # engine class label args...
    local engine=$1 class=$2 label=$3 out err
    shift 3
    err="$(mktemp)"
    if ! out="$(java "${jvm[@]}" -cp "$(engine_cp "$engine")" "dev.brook.bench.$engine.$class" \
        "$@" 2>"$err")"; then
        cat "$err" >&2
        rm -f "$err"
        die "$engine $label failed: java ${jvm[*]} -cp $(engine_cp "$engine") dev.brook.bench.$engine.$class $*"
    fi
    sed 's/^/# /' "$err" >>"$results"
    rm -f "$err"
    # Runs comparing two settings in one JVM label the base setting "<label>:off".
    grep '^RESULT ' <<<"$out" | sed -E -e "s/ bench=[^ ]+/ bench=$label/" \
        -e 's/ bench=([^ ]+)(.*) variant=base$/ bench=\1:off\2 variant=base/' |
        tee -a "$results" >&2
}

# One throughput JVM.
run_throughput() { # engine benchmark parallelism
    local engine=$1 label=$2 p=$3 class n=$records warmup_n=$warmup_records checkpoints=""
    local args=(--parallelism "$p" --warmups "$warmups" --runs 1)
    case "$label" in
        wordcount) class=WordCountBench ;;
        keyed-reduce) class=KeyedReduceBench ;;
        window-count) class=WindowCountBench ;;
        window-count-checkpointed)
            # Without and with checkpoints in the same JVM, twice each; the warm-ups are long
            # enough to take checkpoints too.
            class=WindowCountBench
            checkpoints="$(mktemp -d)"
            n=$checkpoint_records
            args=(--parallelism "$p" --warmups "$warmups" --runs 2
                --alternate execution.checkpointing.interval=1s
                --alternate execution.checkpointing.mode=EXACTLY_ONCE
                --alternate "execution.checkpointing.dir=file://$checkpoints")
            [[ -n $warmup_n ]] || warmup_n=$((n / 2))
            ;;
        window-count-rocksdb)
            class=WindowCountBench
            n=$rocksdb_records
            args+=(--conf state.backend.type=rocksdb)
            ;;
        batch-wordcount) class=BatchWordCountBench ;;
    esac
    [[ -n $n ]] && args+=(--records "$n")
    [[ -n $warmup_n ]] && args+=(--warmup-records "$warmup_n")
    run_jvm "$engine" "$class" "$label" "${args[@]}"
    [[ -z $checkpoints ]] || rm -rf "$checkpoints"
}

run_trivial() { # engine
    local engine=$1 start end out cpu
    cpu="$(mktemp)"
    start=$(date +%s%N)
    if ! out="$(timeout 300 /usr/bin/time -o "$cpu" -f '%U %S' java "${jvm[@]}" \
        -cp "$(engine_cp "$engine")" "dev.brook.bench.$engine.TrivialJob" 2>&1)"; then
        echo "$out" >&2
        die "$engine trivial job failed (or did not exit within 300 s)"
    fi
    end=$(date +%s%N)
    # Both print "<subtask>> <n>"; all three numbers must be there.
    for n in 1 2 3; do
        grep -qE "(^|> )$n\$" <<<"$out" || die "$engine trivial job did not print $n: $out"
    done
    printf 'TRIVIAL engine=%s seconds=%.3f cpu_seconds=%.2f\n' "$engine" \
        "$(ratio "($end - $start)" 1000000000)" "$(awk '{ print $1 + $2 }' "$cpu")" |
        tee -a "$results" >&2
    rm -f "$cpu"
}

# 1 - with / without, in percent.
cost() { # with without
    echo "(1 - $1 / $2) * 100" | bc -l
}

declare -a throughput_rows=() checkpoint_rows=() time_rows=()
for bench in wordcount keyed-reduce window-count window-count-checkpointed window-count-rocksdb \
    batch-wordcount; do
    selected "$bench" || continue
    for p in ${parallelisms//,/ }; do
        echo "== $bench p=$p: $runs JVM(s) per engine and setting" >&2
        for ((r = 1; r <= runs; r++)); do
            for engine in $(engine_order "$r"); do
                run_throughput "$engine" "$bench" "$p"
            done
        done
        read -r b f <<<"$(medians RESULT recs_per_s "bench=$bench p=$p ")"
        read -r bc_ fc <<<"$(medians RESULT recs_per_cpu_s "bench=$bench p=$p ")"
        throughput_rows+=("$(printf '%-25s %3s %15.0f %15.0f %10.2fx %10.2fx' "$bench" "$p" \
            "$b" "$f" "$(ratio "$b" "$f")" "$(ratio "$bc_" "$fc")")")
        if [[ $bench == window-count-checkpointed ]]; then
            read -r b0 f0 <<<"$(medians RESULT recs_per_s "bench=$bench:off p=$p ")"
            read -r bc0 fc0 <<<"$(medians RESULT recs_per_cpu_s "bench=$bench:off p=$p ")"
            checkpoint_rows+=("$(printf '%-13s %3s %12.0f %12.0f %7.1f%% %7.1f%% %12.0f %12.0f %7.1f%% %7.1f%%' \
                "window-count" "$p" "$b0" "$b" "$(cost "$b" "$b0")" "$(cost "$bc_" "$bc0")" \
                "$f0" "$f" "$(cost "$f" "$f0")" "$(cost "$fc" "$fc0")")")
        fi
    done
done

if selected trivial; then
    echo "== trivial job: $trivial_runs process(es) per engine" >&2
    for ((r = 1; r <= trivial_runs; r++)); do
        for engine in $(engine_order "$r"); do
            run_trivial "$engine"
        done
    done
    read -r b f <<<"$(medians TRIVIAL seconds)"
    read -r bc_ fc <<<"$(medians TRIVIAL cpu_seconds)"
    time_rows+=("$(printf '%-18s %13.3f s %13.3f s %10.2fx %10.2fx   CPU %.2f s vs %.2f s' \
        "trivial (process)" "$b" "$f" "$(ratio "$b" "$f")" "$(ratio "$bc_" "$fc")" "$bc_" "$fc")")
fi

if selected execute-overhead; then
    echo "== execute-overhead: $runs JVM(s) per engine" >&2
    for ((r = 1; r <= runs; r++)); do
        for engine in $(engine_order "$r"); do
            run_jvm "$engine" WordCountBench execute-overhead \
                --parallelism 1 --records 10 --warmup-records 10 --warmups 3 --runs 1
        done
    done
    read -r b f <<<"$(medians RESULT millis "bench=execute-overhead ")"
    read -r bc_ fc <<<"$(medians RESULT cpu_millis "bench=execute-overhead ")"
    time_rows+=("$(printf '%-18s %13.3f s %13.3f s %10.2fx %10.2fx   CPU %.2f s vs %.2f s' \
        "execute-overhead" "$(ratio "$b" 1000)" "$(ratio "$f" 1000)" "$(ratio "$b" "$f")" \
        "$(ratio "$bc_" "$fc")" "$(ratio "$bc_" 1000)" "$(ratio "$fc" 1000)")")
fi

# --- report ------------------------------------------------------------------------------------
{
    echo
    echo "nproc=$(nproc), $(java -version 2>&1 | head -1), JVM flags: $jvm_flags"
    echo "median of $runs JVM(s) per engine (trivial: $trivial_runs); warm-ups per JVM: $warmups"
    if selected window-count-checkpointed; then
        echo "window-count-checkpointed: 2 runs per setting in each JVM, medians of $((2 * runs))"
    fi
    echo "load average (1/5/15 min) at start: $load_at_start, at end: $(cut -d' ' -f1-3 /proc/loadavg)"
    if ((${#throughput_rows[@]})); then
        echo
        printf '%-25s %3s %15s %15s %11s %11s\n' benchmark p "Brook rec/s" "Flink rec/s" \
            Brook/Flink "(CPU)"
        printf '%s\n' "${throughput_rows[@]}"
    fi
    if ((${#checkpoint_rows[@]})); then
        echo
        echo "checkpoint cost: 1 - with / without checkpoints every 1 s (events/s medians; CPU: events per CPU-second)"
        printf '%-13s %3s %12s %12s %8s %8s %12s %12s %8s %8s\n' benchmark p "Brook off" \
            "Brook on" cost "(CPU)" "Flink off" "Flink on" cost "(CPU)"
        printf '%s\n' "${checkpoint_rows[@]}"
    fi
    if ((${#time_rows[@]})); then
        echo
        printf '%-18s %15s %15s %11s %11s\n' "time (lower wins)" Brook Flink Brook/Flink "(CPU)"
        printf '%s\n' "${time_rows[@]}"
    fi
    echo
    echo "all runs: $results"
} | tee -a "$results"
