#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang in build-fuzz/ and runs each one for a
# fixed short time, seeded from the project's own fixtures (tests/fixtures/, fuzz/seeds/,
# small GLBs and a pack made by fuzz_make_seeds) and the saved crash inputs in
# tests/fixtures/fuzz/. Exits non-zero when any target crashes; the input that did is left
# in build-fuzz/crashes/.
# usage: scripts/fuzz_smoke.sh [SECONDS_PER_TARGET] [TARGET...]   (default 20 s, all targets)
#        FUZZ_BUILD=DIR moves the build folder.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
shift || true
build="${FUZZ_BUILD:-build-fuzz}"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(glb pack content_entry body_areas endangerment cli pain_drawing)

CC=clang CXX=clang++ cmake -S . -B "$build" -DMYOMAP_FUZZ=ON -DMYOMAP_BUILD_APP=OFF -DMYOMAP_BUILD_TESTS=OFF \
  -DMYOMAP_WITH_ANATOMY=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target myomap_fuzzers

# Seeds: copied into one folder per target, since libFuzzer takes folders, not files.
seeds="$build/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"/{glb,pack,content_entry,body_areas,endangerment,cli,pain_drawing} "$build/crashes"
"$build/fuzz/fuzz_make_seeds" "$seeds/generated"
cp "$seeds"/generated/glb/* "$seeds/glb/"
cp "$seeds"/generated/pack/* "$seeds/pack/"
cp tests/fixtures/content/muscles/*.yaml tests/fixtures/content-safety/*.yaml fuzz/seeds/entry/*.yaml "$seeds/content_entry/"
cp fuzz/seeds/areas/*.yaml "$seeds/body_areas/"
cp content/areas.yaml "$seeds/body_areas/project_areas.yaml"
cp tests/fixtures/content/endangerment.yaml "$seeds/endangerment/fixture.yaml"
cp content/endangerment.yaml "$seeds/endangerment/project.yaml"
cp fuzz/seeds/cli/* "$seeds/cli/"
cp tests/fixtures/drawings/*.json "$seeds/pain_drawing/"
for t in "${targets[@]}"; do
  if [ -d "tests/fixtures/fuzz/$t" ]; then cp "tests/fixtures/fuzz/$t"/* "$seeds/$t/"; fi
done

dict_for() {
  case "$1" in
    glb) echo fuzz/dicts/gltf.dict ;;
    cli) echo fuzz/dicts/cli.dict ;;
    pain_drawing) echo fuzz/dicts/json.dict ;;
    content_entry | body_areas | endangerment) echo fuzz/dicts/content.dict ;;
    *) echo "" ;;
  esac
}

failed=()
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  mkdir -p "$corpus"
  dict="$(dict_for "$t")"
  log="$build/fuzz-$t.log"
  echo "fuzz_smoke: fuzz_$t for ${seconds}s"
  if "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
       ${dict:+-dict="$dict"} -artifact_prefix="$build/crashes/$t-" "$corpus" "$seeds/$t" >"$log" 2>&1; then
    echo "fuzz_smoke: fuzz_$t ok, $(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$') runs"
  else
    echo "fuzz_smoke: fuzz_$t FAILED; see $log and $build/crashes/" >&2
    grep -E "ERROR|SUMMARY|runtime error|terminate|error does not name" "$log" | head -5 >&2 || true
    failed+=("$t")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz_smoke: crashes in: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz_smoke: all ${#targets[@]} targets ran ${seconds}s each without a crash"
