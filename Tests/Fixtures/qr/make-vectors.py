#!/usr/bin/env python3
"""Writes vectors.json: QR codes made by Debian's `qrencode` (libqrencode 4.1),
the reference for the project's own encoder (templates/assets/qr.js), which
Tests/search-js/qr.test.js checks against them module by module.

    apt-get install qrencode && python3 Tests/Fixtures/qr/make-vectors.py

Each vector: the text, the error correction level, and the symbol qrencode drew
(byte mode, `-8`), rows of 0/1 without quiet zone; version and mask are read back
from its size and format information.
"""
import json
import subprocess
from pathlib import Path

BASE = "https://familien.example.org/merkliste/?a="
CASES = [
    ("HELLO", "M"),
    ("Merkliste", "L"),
    ("Grüße aus Kamen – Familienbüro", "Q"),
    ("tel:+4923070000", "H"),
    (BASE + "hebammensprechstunde-bergkamen", "M"),
    (BASE + "hebammensprechstunde-bergkamen,erziehungsberatung-bergkamen,babysitterkurs-bergkamen", "M"),
    (BASE + ",".join(["familienzentrum-kunterbunt-bergkamen", "jugendtreff-oberaden-bergkamen",
                      "offene-ganztagsschule-bergkamen", "schuldnerberatung-bergkamen"]), "M"),
    (BASE + ",".join(f"angebot-nummer-{n}" for n in range(12)), "L"),
    (BASE + ",".join(f"angebot-nummer-{n}" for n in range(14)), "M"),
    ("x" * 400, "L"),
    ("0123456789" * 30, "H"),
]

# Format information: 15 bits around the top-left finder, XOR-masked.
LEVELS = {1: "L", 0: "M", 3: "Q", 2: "H"}


def symbol(text: str, level: str) -> list[str]:
    out = subprocess.run(["qrencode", "-8", "-l", level, "-m", "0", "-t", "ASCII", "-o", "-", text],
                         check=True, capture_output=True, text=True).stdout
    return ["".join("1" if line[i] == "#" else "0" for i in range(0, len(line), 2))
            for line in out.splitlines() if line]


def format_info(rows: list[str]) -> tuple[str, int]:
    # Bits 14..9 at (x=0..5, y=8), 8 at (7, 8), 7 at (8, 8), 6 at (8, 7), 5..0 at (8, 5..0).
    cells = [(x, 8) for x in range(6)] + [(7, 8), (8, 8), (8, 7)] + [(8, y) for y in range(5, -1, -1)]
    bits = 0
    for x, y in cells:
        bits = (bits << 1) | int(rows[y][x])
    bits ^= 0x5412
    return LEVELS[bits >> 13], (bits >> 10) & 7


def version_line() -> str:
    result = subprocess.run(["qrencode", "--version"], capture_output=True, text=True)
    return (result.stdout + result.stderr).splitlines()[0]


def main() -> None:
    vectors = []
    for text, level in CASES:
        rows = symbol(text, level)
        read_level, mask = format_info(rows)
        assert read_level == level, (text, read_level, level)
        vectors.append({"text": text, "level": level, "version": (len(rows) - 17) // 4,
                        "mask": mask, "rows": rows})
    out = Path(__file__).with_name("vectors.json")
    out.write_text(json.dumps({"generator": version_line(),
                               "vectors": vectors}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(vectors)} vectors written to {out}")


if __name__ == "__main__":
    main()
