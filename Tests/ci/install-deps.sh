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

# Compare every `name==version` pin with what is installed; call pip only when
# one differs or is absent.
if ! "$python" - "$here/requirements.txt" <<'PY'
import sys
from importlib import metadata

missing = []
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.split("#", 1)[0].strip()
    if not line:
        continue
    name, _, version = line.partition("==")
    try:
        if metadata.version(name.strip()) != version.strip():
            missing.append(line)
    except metadata.PackageNotFoundError:
        missing.append(line)
sys.exit(1 if missing else 0)
PY
then
    log "installing Python packages from requirements.txt"
    "$python" -m pip install --quiet --disable-pip-version-check --no-input \
        --root-user-action=ignore -r "$here/requirements.txt"
fi
