#!/usr/bin/env bash
# The search benchmark (`make bench-search`): builds our index, a Pagefind index
# and a lunr index over synthetic corpora of 1,000 and 10,000 offers and over
# the site's real offers, and prints sizes, requests, query times and quality.
# A benchmark prints figures; it fails only when our own index cannot be built.
# Installs what it needs (pagefind-bin from PyPI, Debian's node-lunr) unless present.
set -uo pipefail
cd "$(dirname "$0")/../.."
out="${BENCH_OUT:-bench/out/search}"
mkdir -p "$out"

say() { printf '%s\n' "$*" >&2; }

# --- tools --------------------------------------------------------------------
if ! python3 -c 'import yaml' 2>/dev/null; then pip install -q pyyaml >&2 || say "pyyaml unavailable"; fi
if ! python3 -m pagefind_bin --version >/dev/null 2>&1; then
    pip install -q 'pagefind-bin==1.5.0' >&2 || say "pagefind unavailable: pip install pagefind-bin failed"
fi
if [ ! -d /usr/share/nodejs/lunr ]; then
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q node-lunr; } >&2 \
        || say "lunr unavailable: apt-get install node-lunr failed"
fi
# The word list the site build splits compounds with (`make deps` installs it).
dictionary="${DICTIONARY:-/usr/share/dict/ngerman}"
if [ ! -f "$dictionary" ]; then
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wngerman; } >&2 \
        || say "wngerman unavailable: our index is built without a word list"
fi
split_with=()
[ -f "$dictionary" ] && split_with=(--dictionary "$dictionary")
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
export NODE_NO_WARNINGS=1

say "building wegweiser-search-index (release)"
swift build -c release --product wegweiser-search-index >&2 || { say "swift build failed"; exit 1; }
tool="$(swift build -c release --show-bin-path)/wegweiser-search-index"

# --- corpora and indexes --------------------------------------------------------
build() { # name corpus.json
    local dir="$out/$1"
    rm -rf "$dir/ours" "$dir/html"
    "$tool" index "$dir/corpus.json" "$dir/ours" "${split_with[@]}" >&2 || exit 1
    python3 bench/search/generate-corpus.py 0 - --from-json "$dir/corpus.json" --html "$dir/html"
    if python3 -m pagefind_bin --version >/dev/null 2>&1; then
        python3 -m pagefind_bin --site "$dir/html" >/dev/null 2>&1 || say "pagefind failed on $1"
    fi
}

# SIZES= (empty) skips the synthetic corpora: only the real site's quality table.
for size in ${SIZES-1000 10000}; do
    name="$((size / 1000))k"
    mkdir -p "$out/$name"
    say "generating $size offers"
    python3 bench/search/generate-corpus.py "$size" "$out/$name/corpus.json" --seed 2024
    build "$name"
done

content="${CONTENT:-content}"
if [ -d "$content/angebote" ] && python3 -c 'import yaml' 2>/dev/null; then
    mkdir -p "$out/real"
    python3 bench/search/content-corpus.py "$content" "$out/real/corpus.json" && build real
else
    say "no $content/angebote: the quality table is skipped"
fi

node bench/search/measure.js "$out"
