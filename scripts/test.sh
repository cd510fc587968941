#!/usr/bin/env bash
# The whole test suite: install what is needed, build (pack included), run every test
# under a virtual X server so the GL tests get Mesa's software renderer.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/bootstrap.sh
cmake -S . -B build
cmake --build build -j"$(nproc)"
xvfb-run -a -s "-screen 0 1280x1024x24" ctest --test-dir build --output-on-failure -j"$(nproc)"
