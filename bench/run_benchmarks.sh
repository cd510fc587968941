#!/usr/bin/env bash
# Prints Myomap's performance numbers: pack build time, start-up to first frame and
# ms per frame at 1280x800 while orbiting and at rest. Not a test: it only reports.
# usage: bench/run_benchmarks.sh BUILD_DIR SOURCES_DIR MODELS_DIR
set -euo pipefail
build=$1 sources=$2 models=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

start=$(date +%s.%N)
"$build/app/myomap-import" --sources "$sources" --models "$models" --out "$tmp/anatomy.pack" --quiet
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "benchmark: pack build %.2f s\n", e - s }'

run() { xvfb-run -a -s "-screen 0 1920x1080x24" "$build/myomap" --size 1280x800 "$@"; }
# The first run warms the file cache; the second is the one reported.
run --benchmark-frames 5 >/dev/null
run --benchmark-frames 60
echo "benchmark: with a muscle selected"
run --benchmark-frames 60 --select infraspinatus | grep -E 'naive|orbit|rest|select'
echo "benchmark: with a referral pattern shown (infraspinatus, pain view)"
run --benchmark-frames 60 --select infraspinatus --focus pain | grep -E 'naive|orbit|rest|select'
"$build/bench/myomap-bench-pain" "$build/pack/anatomy.pack" "$models" "$(dirname "$models")/content"
