#!/usr/bin/env bash
# Installs what the browser and HTML-conformance tests need, and only what is
# missing: Debian's Chromium and chromedriver (plus fonts and a Java runtime for
# the Nu HTML Checker) and the pinned Python packages of requirements.txt.
# Idempotent and silent when everything is already present.
#
#   bash Tests/browser/install-deps.sh
#
# Env: PYTHON (default python3) is the interpreter whose pip gets the packages;
# it must be the one that later runs `$PYTHON -m pytest Tests/browser`.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-python3}"

log() { printf 'install-deps: %s\n' "$*" >&2; }

# --- Debian packages --------------------------------------------------------
# zbar-tools: zbarimg reads back the Merkliste's QR code; qrencode is the reference
# for the project's own QR encoder (test_shortlist.py, test_qr_reference.py).
debian_packages=(chromium chromium-driver fonts-liberation fonts-dejavu-core zbar-tools qrencode)
missing=()
for pkg in "${debian_packages[@]}"; do
    status="$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)"
    [[ "$status" == "installed" ]] || missing+=("$pkg")
done
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)

if ((${#missing[@]})); then
    log "installing Debian packages: ${missing[*]}"
    sudo=()
    [[ "$(id -u)" == 0 ]] || sudo=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    # Another apt run may hold the lock for a while on a shared machine: wait.
    apt_opts=(-qq -o DPkg::Lock::Timeout=600 -o Dpkg::Use-Pty=0)
    "${sudo[@]}" apt-get "${apt_opts[@]}" update >/dev/null
    "${sudo[@]}" apt-get "${apt_opts[@]}" install -y --no-install-recommends \
        "${missing[@]}" >/dev/null
fi

for bin in /usr/bin/chromium /usr/bin/chromedriver /usr/bin/zbarimg /usr/bin/qrencode; do
    [[ -x "$bin" ]] || { log "error: $bin is missing after the install"; exit 1; }
done

# --- Python packages ----------------------------------------------------------
PYTHON="$python" bash "$here/../install-pinned.sh" "$here/requirements.txt"
