#!/usr/bin/env bash
# Installs what the CI-file tests need, and only what is missing: git (for the
# fresh clone) from Debian and the pinned Python packages of requirements.txt.
# Idempotent and silent when everything is already present.
#
#   bash Tests/ci/install-deps.sh
#
# Env: PYTHON (default python3) is the interpreter whose pip gets the packages;
# it must be the one that later runs `$PYTHON -m pytest Tests/ci`.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-python3}"

log() { printf 'install-deps: %s\n' "$*" >&2; }

if ! command -v git >/dev/null 2>&1; then
    log "installing Debian package: git"
    sudo=()
    [[ "$(id -u)" == 0 ]] || sudo=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    apt_opts=(-qq -o DPkg::Lock::Timeout=600 -o Dpkg::Use-Pty=0)
    "${sudo[@]}" apt-get "${apt_opts[@]}" update >/dev/null
    "${sudo[@]}" apt-get "${apt_opts[@]}" install -y --no-install-recommends git >/dev/null
fi

PYTHON="$python" bash "$here/../install-pinned.sh" "$here/requirements.txt"
