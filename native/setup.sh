#!/usr/bin/env bash
# Installs what PowerDesk needs on Debian 12, only what is missing, so it is
# safe (and fast) to run every time. Needs root or sudo for apt-get.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git python3
  nlohmann-json3-dev libicu-dev libcli11-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  emscripten nodejs dpkg-dev icu-devtools
  python3-jsonschema
  clang libclang-rt-14-dev
  libcpp-httplib-dev libssl-dev libsqlite3-dev libpq-dev postgresql wrk strace
  chromium fonts-wqy-microhei
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all build dependencies present"
fi

# npm comes with some nodejs builds (NodeSource) and separately with Debian's.
if ! command -v npm >/dev/null 2>&1; then
  echo "setup: installing npm"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends npm
fi
