#!/usr/bin/env python3
"""Build-time benchmark: generates synthetic content of N offers (deterministic,
seeded), builds it with the release binary several times and prints figures.

    python3 bench/build/run.py --bin .build/release/wegweiser [--sizes 100,1000,5000] [--runs 5]
"""
import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

WORDS = (
    "Beratung Familie Kinder Eltern Hebamme Schwangerschaft Kita Schule Hausaufgaben "
    "Jugendtreff Ausbildung Beruf Sprachförderung Frühförderung Erziehung Gesundheit "
    "Vorsorge Elterncafé Begegnung Unterstützung Gespräch Krise Schulden Sucht Freizeit "
    "Ferien Spielgruppe Stillen Wochenbett Babys Alltag Termin kostenlos vertraulich"
).split()


def generate(folder, count, seed=1):
    rng = random.Random(seed)
    shutil.copy(os.path.join(REPO, "content", "site.yml"), os.path.join(folder, "site.yml"))
    towns = ["bergkamen", "boenen", "froendenberg", "holzwickede", "kamen", "luenen", "selm", "unna", "werne", "kreis-unna"]
    phases = ["schwangerschaft-geburt", "0-3", "3-6", "6-10", "10-16", "uebergang-schule-beruf", "ganze-familie"]
    areas = ["jugendhilfe", "gesundheit", "bildung"]
    os.makedirs(os.path.join(folder, "seiten"))
    for index in range(count):
        town = rng.choice(towns)
        directory = os.path.join(folder, "angebote", town)
        os.makedirs(directory, exist_ok=True)
        title = " ".join(rng.sample(WORDS, 3)) + f" {index}"
        body = "\n\n".join(" ".join(rng.choice(WORDS) for _ in range(40)) + "." for _ in range(3))
        with open(os.path.join(directory, f"angebot-{index:05d}.md"), "w", encoding="utf-8") as out:
            out.write(
                "---\n"
                f"title: {title}\n"
                f"summary: {' '.join(rng.sample(WORDS, 12))}.\n"
                f"municipalities: [{town}]\n"
                f"life_phases: [{', '.join(rng.sample(phases, rng.randint(1, 3)))}]\n"
                f"areas: [{rng.choice(areas)}]\n"
                f"provider: Träger {rng.randint(1, 50)}\n"
                f"updated: 2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}\n"
                f"topics: [{', '.join(rng.sample(WORDS, 3))}]\n"
                f"free: {'true' if rng.random() < 0.6 else 'false'}\n"
                "contact: {phone: \"02303 000-000\", email: info@example.org}\n"
                "---\n" + body + "\n## Für wen?\n\nFür Familien.\n")


def folder_size(folder):
    total = files = 0
    for root, _, names in os.walk(folder):
        for name in names:
            files += 1
            total += os.path.getsize(os.path.join(root, name))
    return files, total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(REPO, ".build/release/wegweiser"))
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    binary = os.path.abspath(args.bin)
    templates = os.path.join(REPO, "templates")

    print(f"{'offers':>7} {'files':>7} {'output MB':>10} {'median ms':>10} {'min ms':>8} {'offers/s':>9}")
    for size in [int(s) for s in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as scratch:
            content = os.path.join(scratch, "content")
            output = os.path.join(scratch, "public")
            os.makedirs(content)
            generate(content, size)
            times = []
            for _ in range(args.runs):
                started = time.perf_counter()
                result = subprocess.run(
                    [binary, "build", "--content", content, "--templates", templates, "--output", output],
                    capture_output=True, text=True)
                times.append((time.perf_counter() - started) * 1000)
                if result.returncode != 0:
                    sys.exit(f"build failed:\n{result.stderr[:2000]}")
            files, total = folder_size(output)
            median = statistics.median(times)
            print(f"{size:>7} {files:>7} {total / 1e6:>10.1f} {median:>10.0f} {min(times):>8.0f} {size / (median / 1000):>9.0f}")


if __name__ == "__main__":
    main()
