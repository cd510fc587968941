#!/usr/bin/env bash
# Installs the Debian 12 packages Myomap's build, tests and headless rendering need.
# Idempotent: does nothing when everything is already installed.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libglfw3-dev libepoxy-dev libimgui-dev libglm-dev
  libdraco-dev libmeshoptimizer-dev nlohmann-json3-dev libyaml-cpp-dev libpng-dev
  libgtest-dev
  xvfb xauth libgl1-mesa-dri mesa-utils fonts-dejavu-core
  python3 python3-jsonschema python3-yaml
  desktop-file-utils appstream
  clang libfuzzer-14-dev
  libassimp-dev libfontconfig-dev libcairo2-dev libpango1.0-dev poppler-utils
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "bootstrap: all ${#packages[@]} packages already installed"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "bootstrap: need root (or sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
fi
echo "bootstrap: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
