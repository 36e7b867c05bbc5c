#!/usr/bin/env python3
"""A synthetic content folder of N offers for the build benchmark.

    generate-content.py N OUT_DIR [--seed S]

Writes OUT_DIR/site.yml (the repository's own), the repository's plain pages
and N offers as OUT_DIR/angebote/<town>/angebot-NNNNN.md: realistic German
front matter (towns, life phases, areas, provider, topics, a location, contact,
opening hours, languages) and about 2.5 KB of Markdown each, from the search
benchmark's vocabulary (bench/search/generate-corpus.py). Deterministic: same
N and seed, same bytes. The same folder is the content of the Hugo site in
bench/hugo/ (Hugo reads the same front matter).
"""
import argparse
import importlib.util
import os
import random
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

spec = importlib.util.spec_from_file_location("corpus", os.path.join(REPO, "bench", "search", "generate-corpus.py"))
corpus = importlib.util.module_from_spec(spec)
spec.loader.exec_module(corpus)

SECTIONS = [
    ("Für wen?", ["Das Angebot richtet sich an Familien mit Kindern im Kreis Unna.",
                  "Alleinerziehende, Pflegefamilien und Großeltern sind ebenso willkommen.",
                  "Sie brauchen keine Überweisung und keinen Antrag."]),
    ("So läuft es ab", ["Beim ersten Treffen lernen wir uns kennen und besprechen Ihr Anliegen.",
                        "Danach vereinbaren wir, wie es weitergeht: ein Gespräch, eine Gruppe oder ein Besuch zu Hause.",
                        "Alle Mitarbeitenden stehen unter Schweigepflicht."]),
    ("Was Sie mitbringen", ["Bringen Sie, wenn vorhanden, Unterlagen wie Bescheide oder Briefe mit.",
                            "Für Gruppen mit Kindern: bequeme Kleidung und etwas zu trinken.",
                            "Eine Anmeldung hilft uns bei der Planung, ist aber nicht immer nötig."]),
]


def yaml_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def offer_file(rng, number):
    document = corpus.offer(rng, number)
    town_id = document["municipalities"][0]
    town = next((t for t in corpus.TOWNS if t[0] == town_id), None)
    city = town[1] if town else "Unna"
    street = f"{rng.choice(corpus.STREET_A)}{rng.choice(corpus.STREET_B)} {rng.randint(1, 120)}"
    days = rng.sample(["mo", "di", "mi", "do", "fr"], rng.randint(1, 3))
    lines = [
        "---",
        f"title: {yaml_string(document['title'] + f' ({number})')}",
        f"summary: {yaml_string(document['summary'])}",
        f"municipalities: [{', '.join(document['municipalities'])}]",
        f"life_phases: [{', '.join(document['lifePhases'])}]",
        f"areas: [{', '.join(document['areas'])}]",
        f"provider: {yaml_string('Träger ' + rng.choice(corpus.TRAEGER))}",
        f"topics: [{', '.join(document['topics'])}]",
        f"age: {{min: {rng.randint(0, 6)}, max: {rng.randint(10, 21)}}}",
        "locations:",
        f"  - name: {yaml_string(rng.choice(corpus.EINRICHTUNG) + ' ' + city)}",
        f"    street: {yaml_string(street)}",
        f"    postal_code: \"59{rng.randint(100, 999)}\"",
        f"    city: {yaml_string(city)}",
        "contact:",
        f"  name: {yaml_string(rng.choice(corpus.FIRST) + ' ' + rng.choice(corpus.LAST))}",
        f"  phone: \"02303 {rng.randint(100, 999)}-{rng.randint(10, 99)}\"",
        f"  email: angebot-{number:05d}@example.org",
        "hours:",
        f"  - {{days: [{', '.join(sorted(days, key=['mo', 'di', 'mi', 'do', 'fr'].index))}], opens: \"{rng.randint(8, 10):02d}:00\", closes: \"{rng.randint(14, 18)}:00\"}}",
        f"free: {'true' if document['free'] else 'false'}",
        f"languages: [{', '.join(document['languages'])}]",
    ]
    if document["accessible"]:
        lines.append(f"accessible: \"{document['accessible']}\"")
    lines += [f"updated: 2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}", "---", ""]
    body = document["body"]
    lines += [body, ""]
    for heading, sentences in SECTIONS:
        lines += [f"## {heading}", "", " ".join(sentences + rng.sample(corpus.FILLER, 3)), ""]
    lines += ["- " + item for item in rng.sample(corpus.FILLER, 4)] + [""]
    return town_id, "\n".join(lines)


def generate(count, out, seed=2024):
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    shutil.copy(os.path.join(REPO, "content", "site.yml"), os.path.join(out, "site.yml"))
    shutil.copytree(os.path.join(REPO, "content", "seiten"), os.path.join(out, "seiten"), dirs_exist_ok=True)
    for number in range(count):
        town_id, text = offer_file(rng, number)
        folder = os.path.join(out, "angebote", town_id)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"angebot-{number:05d}.md"), "w", encoding="utf-8") as handle:
            handle.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    generate(args.n, args.out, args.seed)


if __name__ == "__main__":
    main()
