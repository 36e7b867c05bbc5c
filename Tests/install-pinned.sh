#!/usr/bin/env bash
# Installs the pinned Python packages of a requirements file, and only when one
# of its `name==version` pins differs from what is installed or is missing:
# silent and quick when everything is there. Used by the test folders'
# install-deps.sh scripts.
#
#   bash Tests/install-pinned.sh Tests/browser/requirements.txt
#
# Env: PYTHON (default python3) is the interpreter whose pip gets the packages.
set -euo pipefail

requirements="$1"
python="${PYTHON:-python3}"

if ! "$python" - "$requirements" <<'PY'
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
    printf 'install-deps: installing Python packages from %s\n' "$requirements" >&2
    "$python" -m pip install --quiet --disable-pip-version-check --no-input \
        --root-user-action=ignore -r "$requirements"
fi
