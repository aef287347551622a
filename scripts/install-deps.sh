#!/usr/bin/env bash
# Installs what houqin needs to build, run and test, from Debian's packages only.
# Idempotent: packages already present are skipped, so `make run` on a set-up machine costs a second.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  librestinio-dev libasio-dev nlohmann-json3-dev libcli11-dev libspdlog-dev libfmt-dev
  libsodium-dev libsqlite3-dev libpq-dev sqlite3
  libxlsxwriter-dev libzip-dev libpugixml-dev libcairo2-dev libpango1.0-dev fonts-noto-cjk fonts-wqy-microhei
  libgtest-dev libgmock-dev
  clang libclang-rt-dev
  postgresql chromium poppler-utils wrk nginx-light curl
)

if [ "$(id -u)" -ne 0 ]; then sudo_cmd=sudo; else sudo_cmd=; fi
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Optional: a faster malloc for the server (docs/architecture.md "Memory allocator"). The build works without it, so
# a machine whose package sources lack it still builds and tests.
if ! dpkg-query -W -f='${Status}' libjemalloc-dev 2>/dev/null | grep -q 'install ok installed'; then
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends libjemalloc-dev ||
    echo "install-deps: libjemalloc-dev could not be installed; the server is built with glibc's malloc"
fi

# Node.js: use what the machine has (Node 18+ works); install Debian's only when there is none,
# because Debian's npm package would downgrade a newer node already present.
if ! command -v node >/dev/null 2>&1; then
  $sudo_cmd apt-get install -y -qq nodejs npm
fi
