"""The project's QR encoder (templates/assets/qr.js, run by node) against Debian's
qrencode and zbarimg, over all four levels and versions 1 to 40: with qrencode's
mask the symbol is the same module by module, and the symbol with the encoder's
own mask choice reads back as its text (ASCII texts, as the share links are). Complements the fixed vectors of
Tests/search-js/qr.test.js; qrencode and zbar-tools come from install-deps.sh.
"""

from __future__ import annotations

import json
import random
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import REPO

QR_JS = REPO / "templates" / "assets" / "qr.js"
LEVEL_OF_BITS = {1: "L", 0: "M", 3: "Q", 2: "H"}
# Bytes each level holds at version 40, byte mode.
CAPACITY = {"L": 2953, "M": 2331, "Q": 1663, "H": 1273}
ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789-,/:?=.ÄÖÜäöüß "


def cases() -> list[tuple[str, str]]:
    rng = random.Random(12)
    out = []
    for level, capacity in CAPACITY.items():
        for length in (1, 14, 40, 90, 150, 260, 420, 640, 900, capacity // 2, capacity - 40):
            text = "".join(rng.choice(ALPHABET) for _ in range(length))
            while len(text.encode("utf-8")) > capacity:
                text = text[:-1]
            out.append((level, text))
    return out


CASES = cases()


def qrencode(text: str, level: str) -> list[str]:
    result = subprocess.run(["qrencode", "-8", "-l", level, "-m", "0", "-t", "ASCII", "-o", "-"],
                            input=text, capture_output=True, text=True, check=True)
    return ["".join("1" if line[i] == "#" else "0" for i in range(0, len(line), 2))
            for line in result.stdout.splitlines() if line]


def mask_of(rows: list[str]) -> tuple[str, int]:
    """Level and mask from the format information beside the top-left finder."""
    cells = [(x, 8) for x in range(6)] + [(7, 8), (8, 8), (8, 7)] + [(8, y) for y in range(5, -1, -1)]
    bits = 0
    for x, y in cells:
        bits = (bits << 1) | int(rows[y][x])
    bits ^= 0x5412
    return LEVEL_OF_BITS[bits >> 13], (bits >> 10) & 7


def encode_all(requests: list[dict]) -> list[dict]:
    """Run qr.js in node on each {text, level, mask?}; returns {version, mask, rows}."""
    script = (
        "const qr = require(process.argv[1]);"
        "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(input.map((r) => {"
        "  const c = qr.encode(r.text, r.mask === undefined ? { level: r.level } : { level: r.level, mask: r.mask });"
        "  return { version: c.version, mask: c.mask, rows: c.modules.map((row) => row.map((d) => (d ? '1' : '0')).join('')) };"
        "})));")
    result = subprocess.run(["node", "-e", script, str(QR_JS)], input=json.dumps(requests),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def zbar(rows: list[str]) -> list[str]:
    """What zbarimg reads from the symbol, drawn as a PBM with a quiet zone of 4, 4 px a module."""
    scale, margin = 4, 4
    size = (len(rows) + 2 * margin) * scale
    lines = []
    for y in range(size):
        row = y // scale - margin
        line = []
        for x in range(size):
            col = x // scale - margin
            dark = 0 <= row < len(rows) and 0 <= col < len(rows) and rows[row][col] == "1"
            line.append("1" if dark else "0")
        lines.append(" ".join(line))
    with tempfile.TemporaryDirectory() as folder:
        image = Path(folder) / "code.pbm"
        image.write_text(f"P1\n{size} {size}\n" + "\n".join(lines) + "\n", encoding="ascii")
        result = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
                                capture_output=True, timeout=120)
    # zbarimg prints the text and a newline; the text's own bytes stay as they are.
    return [result.stdout.decode("utf-8")[:-1]] if result.stdout else []


def test_the_cases_reach_version_40_on_every_level():
    versions = {level: set() for level in CAPACITY}
    for (level, text), code in zip(CASES, encode_all([{"text": t, "level": l} for l, t in CASES])):
        versions[level].add(code["version"])
    for level, seen in versions.items():
        assert min(seen) == 1 and max(seen) >= 39 and len(seen) >= 9, f"{level}: {sorted(seen)}"


def test_with_qrencodes_mask_the_symbols_are_the_same():
    references = [qrencode(text, level) for level, text in CASES]
    requests = []
    for (level, text), rows in zip(CASES, references):
        read_level, mask = mask_of(rows)
        assert read_level == level
        requests.append({"text": text, "level": level, "mask": mask})
    for request, rows, code in zip(requests, references, encode_all(requests)):
        assert len(code["rows"]) == len(rows), f"{request['level']} {len(request['text'])} bytes: size"
        differing = sum(a != b for mine, ref in zip(code["rows"], rows) for a, b in zip(mine, ref))
        assert differing == 0, f"{request['level']}, {len(request['text'])} characters: {differing} modules differ"


@pytest.mark.parametrize("level", list(CAPACITY))
def test_the_encoders_own_choice_reads_back(level):
    # ASCII, as the share links are: byte mode without an ECI header leaves a reader to
    # guess the bytes' encoding, and zbar guesses Shift JIS for short UTF-8 texts.
    texts = ["".join(c for c in text if c.isascii()) for lv, text in CASES if lv == level]
    chosen = list(zip(texts, encode_all([{"text": t, "level": level} for t in texts])))
    for text, code in chosen:
        assert zbar(code["rows"]) == [text], f"version {code['version']}, mask {code['mask']}"
