#!/usr/bin/env bash
# Times bitimger on a synthetic regional directory, and Hugo on the same
# texts when `hugo` is installed, in the same run; prints medians and ratios.
# See docs/performance.md for what is measured and the figures.
#
#   bench/run.sh                      5,000 clubs, 5 runs, tmpfs and disk
#   bench/run.sh --clubs 7500         the national case
#   bench/run.sh --runs 3 --only tmpfs --no-hugo
#
# Needs: hyperfine, GNU time (/usr/bin/time), jq; hugo for the comparison
# (Debian: apt-get install hyperfine time jq hugo). Corpus and outputs go to
# target/bench/ (disk) and /dev/shm/bitimger-bench/ (tmpfs); nothing in git.
set -euo pipefail

CLUBS=5000
RUNS=5
PLACES="tmpfs disk"
USE_HUGO=auto
while [ $# -gt 0 ]; do
    case "$1" in
        --clubs) CLUBS=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --only) PLACES=$2; shift 2 ;;
        --no-hugo) USE_HUGO=no; shift ;;
        -h|--help) sed -n "2,12p" "$0" | cut -c3-; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done

ROOT=$(cd "$(dirname "$0")/.." && pwd)
for tool in hyperfine jq /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "bench/run.sh needs $tool (apt-get install hyperfine jq time)" >&2; exit 2; }
done
if [ "$USE_HUGO" = auto ]; then
    if command -v hugo >/dev/null; then USE_HUGO=yes; else USE_HUGO=no; fi
fi

echo "== building (profile dist: release with LTO, as installed)"
(cd "$ROOT" && cargo build --profile dist --quiet --bin bitimger)
BIN=$ROOT/target/dist/bitimger
# The corpus generator and the serve latency: developer tools (xtask/), not
# in the shipped binary; the same profile, so serve is timed as shipped.
(cd "$ROOT" && cargo build --profile dist --quiet -p xtask)
XTASK=$ROOT/target/dist/xtask

WORK=$ROOT/target/bench
CORPUS=$WORK/corpus-$CLUBS
RES=$WORK/results-$CLUBS
mkdir -p "$WORK" "$RES"
if [ ! -f "$CORPUS/bitimger/site.yaml" ] || [ ! -d "$CORPUS/hugo" ] || [ "$XTASK" -nt "$CORPUS/bitimger/site.yaml" ]; then
    echo "== generating $CLUBS clubs into $CORPUS"
    "$XTASK" bench corpus "$CORPUS/bitimger" --clubs "$CLUBS" --hugo "$CORPUS/hugo"
fi
SITE=$CORPUS/bitimger
HSITE=$CORPUS/hugo
FIRST=$(find "$SITE/clubs" -mindepth 1 -maxdepth 1 -printf "%f\n" | sort | sed -n 1p)
EDIT_B=$SITE/clubs/$FIRST/about.kk.md
EDIT_H=$HSITE/content/kk/clubs/$FIRST/_index.md
# Each edit appends a different sentence, so every run has a real change.
edit() { echo "printf '\nӨзгеріс %s.\n' \"\$(date +%s%N)\" >> $1"; }

median() { jq -r --arg n "$2" '.results[] | select(.command == $n) | .median' "$1"; }

HF=(hyperfine --style basic --warmup 1 --runs "$RUNS")

bench_place() {
    local place=$1 out
    case "$place" in
        tmpfs) out=/dev/shm/bitimger-bench ;;
        disk) out=$WORK/out ;;
        *) echo "unknown place $place" >&2; exit 2 ;;
    esac
    mkdir -p "$out"
    local ob=$out/bitimger oh=$out/hugo oc=$out/copy
    rm -rf "$ob" "$oh" "$oc"; sync
    echo "== $place: clean build"
    local args=(--prepare "rm -rf $ob; sync" -n bitimger "$BIN build $SITE -o $ob")
    if [ "$USE_HUGO" = yes ]; then
        args+=(--prepare "rm -rf $oh; sync" -n hugo "hugo --quiet -s $HSITE -d $oh")
    fi
    args+=(--prepare "rm -rf $oc; sync" -n copy "cp -r $ob $oc")
    "${HF[@]}" --export-json "$RES/$place-clean.json" "${args[@]}"
    rm -rf "$oc"
    echo "== $place: rebuild, nothing changed"
    args=(-n bitimger "$BIN build $SITE -o $ob")
    [ "$USE_HUGO" = yes ] && args+=(-n hugo "hugo --quiet -s $HSITE -d $oh")
    "${HF[@]}" --export-json "$RES/$place-rebuild.json" "${args[@]}"
    echo "== $place: rebuild after one club's text was edited"
    args=(--prepare "$(edit "$EDIT_B")" -n bitimger "$BIN build $SITE -o $ob")
    [ "$USE_HUGO" = yes ] && args+=(--prepare "$(edit "$EDIT_H")" -n hugo "hugo --quiet -s $HSITE -d $oh")
    "${HF[@]}" --export-json "$RES/$place-edit.json" "${args[@]}"
    du -sb "$ob" | cut -f1 > "$RES/$place-bytes"
    find "$ob" -type f | wc -l > "$RES/$place-files"
    [ "$USE_HUGO" = yes ] && find "$oh" -type f | wc -l > "$RES/$place-hugo-files"
    rm -rf "$ob" "$oh"
}

peak_memory() {
    local out=/dev/shm/bitimger-bench/mem name=$1; shift
    local values=()
    for _ in 1 2 3; do
        rm -rf "$out"
        values+=("$(/usr/bin/time -f %M "$@" "$out" 2>&1 >/dev/null | tail -1)")
    done
    rm -rf "$out"
    printf '%s\n' "${values[@]}" | sort -n | sed -n 2p > "$RES/mem-$name"
}

for place in $PLACES; do bench_place "$place"; done

echo "== check"
"${HF[@]}" --export-json "$RES/check.json" -n check "$BIN check $SITE"

echo "== peak memory (clean build on tmpfs, median of 3)"
peak_memory bitimger "$BIN" build "$SITE" -o
[ "$USE_HUGO" = yes ] && peak_memory hugo hugo --quiet -s "$HSITE" -d

echo "== serve: save → changed page served"
"$XTASK" bench latency --clubs "$CLUBS" --edits 21 | tee "$RES/serve.txt"
SERVE=$(grep "changed page served" "$RES/serve.txt")

# ---- summary ----
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "-"; else printf "%.1f×", a / b }'; }
secs() { awk -v a="$1" 'BEGIN { if (a == "") print "-"; else printf "%.2f s", a }'; }
{
    echo "# bitimger benchmark: $CLUBS clubs, median of $RUNS runs"
    echo
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -r); $(date -u +%Y-%m-%d)."
    echo "bitimger $("$BIN" --version | cut -d' ' -f2)$([ "$USE_HUGO" = yes ] && echo ", $(hugo version | cut -d' ' -f2)")."
    echo
    echo "| case | place | bitimger | Hugo | Hugo / bitimger | cp -r of the output |"
    echo "|---|---|---|---|---|---|"
    for place in $PLACES; do
        for case in clean rebuild edit; do
            f=$RES/$place-$case.json
            b=$(median "$f" bitimger); h=$(median "$f" hugo); c=$(median "$f" copy)
            echo "| $case | $place | $(secs "$b") | $(secs "$h") | $(ratio "$h" "$b") | $(secs "$c") |"
        done
    done
    echo "| check | — | $(secs "$(median "$RES/check.json" check)") | | | |"
    echo
    mb=$(cat "$RES/mem-bitimger"); mh=$(cat "$RES/mem-hugo" 2>/dev/null || true)
    echo "Peak memory (clean build): bitimger $((mb / 1024)) MiB$([ -n "$mh" ] && echo ", Hugo $((mh / 1024)) MiB ($(ratio "$mh" "$mb") less)")."
    for place in $PLACES; do
        echo "Output ($place): $(cat "$RES/$place-files") files, $(( $(cat "$RES/$place-bytes") / 1048576 )) MiB$([ -f "$RES/$place-hugo-files" ] && echo "; Hugo $(cat "$RES/$place-hugo-files") files")."
    done
    echo "Serve: $SERVE"
    echo
    echo "Targets, from this run:"
    verdict() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN { if (v == "") print "not measured"; else if ((op == ">=" && v >= t) || (op == "<=" && v <= t) || (op == "<" && v < t)) printf "%.2f, met", v; else printf "%.2f, MISSED", v }'; }
    for place in $PLACES; do
        f=$RES/$place-clean.json
        b=$(median "$f" bitimger); h=$(median "$f" hugo); c=$(median "$f" copy)
        r=$(median "$RES/$place-rebuild.json" bitimger); rh=$(median "$RES/$place-rebuild.json" hugo)
        echo "- $place: clean build Hugo/bitimger ≥ 1.5: $(verdict "$(awk -v a="$h" -v b="$b" 'BEGIN { if (a != "") print a / b }')" ">=" 1.5)"
        echo "- $place: clean build bitimger/cp -r ≤ 1.2: $(verdict "$(awk -v a="$b" -v b="$c" 'BEGIN { print a / b }')" "<=" 1.2)"
        echo "- $place: rebuild, nothing changed, Hugo/bitimger ≥ 5: $(verdict "$(awk -v a="$rh" -v b="$r" 'BEGIN { if (a != "") print a / b }')" ">=" 5)"
    done
    echo "- peak memory Hugo/bitimger ≥ 3: $(verdict "$(awk -v a="$mh" -v b="$mb" 'BEGIN { if (a != "") print a / b }')" ">=" 3)"
    echo "- serve median < 100 ms: $(verdict "$(sed -n 's/.*median \([0-9]*\) ms.*/\1/p' "$RES/serve.txt")" "<" 100)"
} | tee "$RES/summary.md"
echo
echo "Raw hyperfine results: $RES"
