# Helpers shared by bench/run.sh and bench/python.sh, sourced after they set BASELINE (the engine
# Brook is compared with) and with $results naming the results file.

# Engines in alternating order per round, so slow drift on a shared machine hits both alike.
engine_order() { # round
    if (($1 % 2 == 1)); then echo "brook $BASELINE"; else echo "$BASELINE brook"; fi
}

median() { # numbers on stdin
    sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan"; exit }
        if (NR % 2) printf "%.6f\n", v[(NR + 1) / 2]; else printf "%.6f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

value_of() { # key, lines on stdin
    sed -nE "s/.* $1=([^ ]+).*/\1/p"
}

ratio() { # a b
    echo "$1 / $2" | bc -l
}

medians() { # line-prefix key [filter] -> "<brook median> <baseline median>"
    local b f
    b=$(grep "^$1 engine=brook ${3:-}" "$results" | value_of "$2" | median)
    f=$(grep "^$1 engine=$BASELINE ${3:-}" "$results" | value_of "$2" | median)
    echo "$b $f"
}
