#!/usr/bin/env python3
"""Synthetic German corpora of family-service offers for the search benchmark.

    generate-corpus.py N OUT.json [--seed S] [--html DIR]

Writes N offers as SearchDocuments (the JSON the `wegweiser-search-index` tool
reads) and, with --html, one HTML page per offer for Pagefind. Deterministic:
same N and seed, same bytes. The vocabulary is that of the Kreis Unna
directory: offer kinds with their titles, topics and sentences, towns and
districts, providers, streets and contact names (the long tail a real
directory has).
"""
import argparse
import html
import json
import os
import random

TOWNS = [
    ("bergkamen", "Bergkamen", ["Mitte", "Oberaden", "Weddinghofen", "Rünthe", "Overberge", "Heil"]),
    ("boenen", "Bönen", ["Altenbögge", "Nordbögge", "Bramey-Lenningsen", "Flierich"]),
    ("froendenberg", "Fröndenberg/Ruhr", ["Mitte", "Dellwig", "Frömern", "Langschede", "Ardey"]),
    ("holzwickede", "Holzwickede", ["Mitte", "Hengsen", "Opherdicke"]),
    ("kamen", "Kamen", ["Mitte", "Methler", "Heeren-Werve", "Südkamen"]),
    ("luenen", "Lünen", ["Mitte", "Brambauer", "Gahmen", "Horstmar", "Lünen-Süd", "Alstedde", "Wethmar"]),
    ("selm", "Selm", ["Mitte", "Bork", "Cappenberg"]),
    ("unna", "Unna", ["Mitte", "Königsborn", "Massen", "Hemmerde", "Lünern"]),
    ("werne", "Werne", ["Mitte", "Stockum", "Langern", "Horst"]),
]
PHASES = [
    ("schwangerschaft-geburt", "Schwangerschaft & Geburt"), ("0-3", "0–3 Jahre · Frühe Hilfen"),
    ("3-6", "3–6 Jahre · Kita"), ("6-10", "6–10 Jahre · Grundschule"),
    ("10-16", "10–16 Jahre · weiterführende Schule"), ("uebergang-schule-beruf", "Übergang Schule–Beruf"),
    ("ganze-familie", "Ganze Familie"),
]
AREAS = [("jugendhilfe", "Jugendhilfe"), ("gesundheit", "Gesundheit"), ("bildung", "Bildung")]

# Offer kinds: title patterns, topics, phases, areas, and sentences for summary and body.
KINDS = [
    ("Hebammensprechstunde {ort}", ["Hebamme", "Wochenbett", "Stillen", "Nachsorge"], ["schwangerschaft-geburt", "0-3"], ["gesundheit"],
     ["In der offenen Hebammensprechstunde beantworten erfahrene Hebammen Ihre Fragen.", "Wir helfen bei der Suche nach einer Hebamme für Schwangerschaft und Wochenbett.", "Die Hebamme berät zu Stillen, Ernährung und Schlaf des Babys."]),
    ("Schwangerschaftsberatung {traeger}", ["Schwangerschaft", "Schwangerschaftskonflikt", "Elterngeld", "Mutterschutz"], ["schwangerschaft-geburt"], ["gesundheit", "jugendhilfe"],
     ["Wir beraten Schwangere und werdende Väter vertraulich und kostenlos.", "Die Schwangerschaftskonfliktberatung nach § 219 StGB ist anonym möglich.", "Wir helfen bei Anträgen auf Elterngeld, Kindergeld und Stiftungsmittel."]),
    ("Erziehungsberatung {ort}", ["Erziehungsberatung", "Familienberatung", "Trennung", "Pubertät"], ["3-6", "6-10", "10-16", "ganze-familie"], ["jugendhilfe"],
     ["Die Erziehungsberatungsstelle hilft bei Sorgen mit Kindern und Jugendlichen.", "Wir beraten bei Trennung und Scheidung, Streit in der Familie und Schulproblemen.", "Die Beratung ist freiwillig, vertraulich und kostenlos."]),
    ("Interdisziplinäre Frühförderung {ort}", ["Frühförderung", "Entwicklung", "Heilpädagogik", "Logopädie"], ["0-3", "3-6"], ["gesundheit", "bildung"],
     ["Die Frühförderstelle unterstützt Kinder mit Entwicklungsverzögerungen bis zur Einschulung.", "Heilpädagogik, Logopädie, Ergotherapie und Physiotherapie arbeiten Hand in Hand.", "Eltern werden in die Förderung eng einbezogen."]),
    ("Hausaufgabenhilfe im {ort_einrichtung}", ["Hausaufgaben", "Nachhilfe", "Lernförderung"], ["6-10", "10-16"], ["bildung"],
     ["Ehrenamtliche helfen Schulkindern bei den Hausaufgaben.", "Die Hausaufgabenbetreuung findet nachmittags in kleinen Gruppen statt.", "Wer Hilfe beim Lernen braucht, kann ohne Anmeldung vorbeikommen."]),
    ("Schuldner- und Insolvenzberatung {ort}", ["Schulden", "Insolvenz", "Pfändungsschutzkonto", "Haushaltsplan"], ["ganze-familie"], ["jugendhilfe"],
     ["Die Schuldnerberatung verschafft Ihnen einen Überblick über Ihre Schulden.", "Wir verhandeln mit Gläubigern und bereiten das Verbraucherinsolvenzverfahren vor.", "Wir helfen beim Pfändungsschutzkonto und bei einem Haushaltsplan."]),
    ("Jugendzentrum {ort}", ["Jugendtreff", "Freizeit", "Offene Jugendarbeit"], ["10-16", "uebergang-schule-beruf"], ["jugendhilfe"],
     ["Das Jugendzentrum ist ein offener Treff für Jugendliche ab zwölf Jahren.", "Es gibt Billard, Kicker, eine Musikwerkstatt und Ausflüge in den Ferien.", "Die Mitarbeitenden haben ein offenes Ohr für Sorgen und Fragen."]),
    ("Familienzentrum {name}", ["Kita", "Familienzentrum", "Elternkurs", "Beratung"], ["0-3", "3-6", "ganze-familie"], ["bildung", "jugendhilfe"],
     ["Das Familienzentrum verbindet Kita, Beratung und Treffpunkt für Familien im Stadtteil.", "Es gibt Elternkurse, Sprechstunden der Erziehungsberatung und ein Elterncafé.", "Familien aus dem Stadtteil sind willkommen, auch ohne Kita-Platz."]),
    ("Elterncafé {name}", ["Eltern-Kind-Café", "Austausch", "Babytreff"], ["0-3", "ganze-familie"], ["jugendhilfe"],
     ["Im Elterncafé treffen sich Mütter und Väter mit Babys und Kleinkindern.", "Bei Kaffee und Tee tauschen sich Eltern aus, die Kinder spielen.", "Einmal im Monat kommt eine Familienhebamme dazu."]),
    ("Kinder- und Jugendgesundheitsdienst", ["Schuleingangsuntersuchung", "Impfberatung", "Zahngesundheit"], ["3-6", "6-10"], ["gesundheit"],
     ["Der Kinder- und Jugendgesundheitsdienst untersucht alle Kinder vor der Einschulung.", "Wir beraten zu Impfungen, Entwicklung und Zahngesundheit.", "Die Untersuchung findet im Gesundheitsamt oder in der Schule statt."]),
    ("Jugendberufsagentur {ort}", ["Ausbildung", "Bewerbung", "Berufsorientierung", "Praktikum"], ["uebergang-schule-beruf"], ["bildung"],
     ["Die Jugendberufsagentur berät junge Menschen zu Ausbildung, Studium und Beruf.", "Wir helfen bei Bewerbungen und bei der Suche nach einem Praktikum.", "Jobcenter, Agentur für Arbeit und Jugendhilfe arbeiten unter einem Dach."]),
    ("Sprachförderung {name}", ["Sprachförderung", "Deutsch lernen", "Mehrsprachigkeit"], ["3-6", "6-10"], ["bildung"],
     ["Die Sprachförderung unterstützt Kinder beim Deutschlernen im Alltag.", "Eltern lernen, wie sie die Muttersprache ihrer Kinder stärken.", "Das Angebot findet in der Kita und im Familienzentrum statt."]),
    ("Schulsozialarbeit {ort}", ["Schulsozialarbeit", "Mobbing", "Schulprobleme"], ["6-10", "10-16"], ["jugendhilfe", "bildung"],
     ["Die Schulsozialarbeit ist Ansprechpartnerin für Schülerinnen, Schüler und Eltern.", "Wir helfen bei Konflikten, Mobbing und Problemen zu Hause.", "Die Gespräche sind vertraulich."]),
    ("Willkommensbesuch für Neugeborene {ort}", ["Babybegrüßung", "Frühe Hilfen", "Neugeborene"], ["0-3"], ["jugendhilfe"],
     ["Nach der Geburt besuchen wir Familien mit einem Babybegrüßungspaket.", "Wir informieren über Angebote der Frühen Hilfen in Ihrer Nähe.", "Der Besuch ist freiwillig und kostenlos."]),
    ("Kindertagespflege-Beratung {ort}", ["Tagesmutter", "Tagesvater", "Kita-Platz", "Betreuung"], ["0-3", "3-6"], ["bildung"],
     ["Wir vermitteln Tagesmütter und Tagesväter für Kinder unter drei Jahren.", "Wir beraten zur Anmeldung für einen Kita-Platz.", "Die Kindertagespflege ist eine familiennahe Form der Betreuung."]),
    ("Suchtberatung {traeger}", ["Sucht", "Drogen", "Alkohol", "Medien"], ["10-16", "uebergang-schule-beruf", "ganze-familie"], ["gesundheit"],
     ["Die Suchtberatung hilft Jugendlichen und Eltern bei Fragen zu Alkohol, Drogen und Medien.", "Angehörige sind ebenfalls willkommen.", "Die Beratung ist anonym möglich."]),
    ("Ferienspiele {ort}", ["Ferien", "Ferienprogramm", "Ausflüge"], ["6-10", "10-16"], ["bildung"],
     ["In den Sommerferien gibt es ein buntes Programm für Kinder.", "Ausflüge, Basteln, Sport und Spiel stehen auf dem Plan.", "Die Anmeldung beginnt im Frühjahr."]),
    ("Babysitterkurs {ort}", ["Babysitter", "Kinderbetreuung", "Erste Hilfe am Kind"], ["10-16"], ["bildung"],
     ["Jugendliche lernen im Babysitterkurs, wie sie Kinder sicher betreuen.", "Dazu gehören Erste Hilfe am Kind, Spiele und Pflege.", "Am Ende gibt es ein Zertifikat."]),
    ("Geburtsvorbereitung und Rückbildung {ort}", ["Geburtsvorbereitungskurs", "Rückbildungsgymnastik", "Hebamme"], ["schwangerschaft-geburt"], ["gesundheit"],
     ["Im Geburtsvorbereitungskurs bereiten sich Schwangere und Partner auf die Geburt vor.", "Nach der Geburt stärkt die Rückbildungsgymnastik den Beckenboden.", "Die Krankenkasse übernimmt die Kosten."]),
    ("Frauenhaus und Frauenberatung", ["Häusliche Gewalt", "Schutz", "Frauenberatungsstelle"], ["ganze-familie"], ["jugendhilfe"],
     ["Frauen und ihre Kinder finden Schutz vor häuslicher Gewalt.", "Die Frauenberatungsstelle berät telefonisch und persönlich.", "Die Adresse des Frauenhauses ist vertraulich."]),
    ("Psychomotorik-Gruppe {ort}", ["Psychomotorik", "Bewegung", "Motorik"], ["3-6", "6-10"], ["gesundheit"],
     ["In der Psychomotorik lernen Kinder über Bewegung.", "Die Gruppen sind klein und werden von Fachkräften geleitet.", "Eltern werden zu Elterngesprächen eingeladen."]),
    ("Migrationsberatung {traeger}", ["Migration", "Integration", "Dolmetscher", "Aufenthalt"], ["ganze-familie"], ["jugendhilfe"],
     ["Die Migrationsberatung hilft zugewanderten Familien beim Ankommen.", "Wir beraten zu Sprachkursen, Schule, Arbeit und Behörden.", "Auf Wunsch vermitteln wir Dolmetscherinnen und Dolmetscher."]),
]

TRAEGER = ["der Diakonie", "der Caritas", "der AWO", "des DRK", "von pro familia", "des SkF", "der Stadt", "des Kreises Unna"]
NAMES = ["Sonnenblume", "Regenbogen", "Kunterbunt", "Pusteblume", "Löwenzahn", "Arche", "Sternschnuppe", "Wirbelwind",
         "Schatzkiste", "Spatzennest", "Zauberwald", "Lindenhof", "Am Park", "Kleine Strolche", "Villa Kunterbunt"]
EINRICHTUNG = ["Jugendtreff", "Familienzentrum", "Stadtteilbüro", "Bildungstreff", "Jugendhaus", "Gemeindehaus"]
STREET_A = ["Bahnhof", "Kirch", "Schul", "Linden", "Eichen", "Berg", "Mühlen", "Garten", "Markt", "Rosen", "Birken",
            "Friedrich-Ebert-", "Goethe", "Schiller", "Kamener ", "Unnaer ", "Hammer ", "Dortmunder ", "Wald", "Feld"]
STREET_B = ["straße", "weg", "platz", "allee", "ring", "gasse"]
FIRST = ["Petra", "Sabine", "Ayşe", "Fatma", "Jana", "Lena", "Olga", "Monika", "Thomas", "Michael", "Mehmet", "Jens",
         "Katharina", "Anna", "Irina", "Yusuf", "Birgit", "Claudia", "Stefan", "Markus"]
LAST = ["Schulte", "Becker", "Yılmaz", "Kowalski", "Hoffmann", "Schröder", "Wagner", "Öztürk", "Neumann", "Krämer",
        "Brüggemann", "Lüttke", "Schäfer", "Wolff", "Petrović", "Nowak", "Kaiser", "Fischer", "Weber", "Richter"]
FILLER = [
    "Bitte melden Sie sich vorher telefonisch oder per E-Mail an.",
    "Termine nach Vereinbarung, auch am späten Nachmittag.",
    "Die Räume sind barrierefrei erreichbar, ein Aufzug ist vorhanden.",
    "Bringen Sie zum ersten Termin gern Ihre Unterlagen mit.",
    "Wir sprechen Deutsch, Türkisch, Arabisch und Englisch.",
    "Kinder können mitgebracht werden, es gibt eine Spielecke.",
    "Die Teilnahme ist kostenlos, Spenden sind willkommen.",
    "Sie erreichen uns mit dem Bus bis zur Haltestelle Rathaus.",
    "In den Schulferien bleibt das Angebot geschlossen.",
    "Das Angebot wird vom Land Nordrhein-Westfalen gefördert.",
    "Väter sind ausdrücklich eingeladen.",
    "Auch Großeltern und Pflegeeltern können kommen.",
    "Wir arbeiten eng mit dem Jugendamt, den Kitas und den Schulen zusammen.",
    "Im Notfall wenden Sie sich an den Kinder- und Jugendnotdienst.",
    "Ein Dolmetscher kann bei Bedarf dazukommen.",
    "Parkplätze gibt es direkt vor dem Haus.",
]
LANGS = ["de", "tr", "ar", "ru", "uk", "pl", "en", "fa", "ku"]

def offer(rng, number):
    title_t, topics, phases, areas, sentences = rng.choice(KINDS)
    town_id, town, districts = rng.choice(TOWNS)
    county = rng.random() < 0.12
    district = rng.choice(districts)
    fill = {"ort": f"{town}-{district}" if district != "Mitte" else town, "traeger": rng.choice(TRAEGER),
            "name": f"„{rng.choice(NAMES)}“ {town}", "ort_einrichtung": f"{rng.choice(EINRICHTUNG)} {town}-{district}"}
    title = title_t.format(**fill)
    if county:
        title = title_t.format(**{**fill, "ort": "im Kreis Unna", "name": "im Kreis Unna"})
    person = f"{rng.choice(['Frau', 'Herr'])} {rng.choice(FIRST)} {rng.choice(LAST)}"
    street = f"{rng.choice(STREET_A)}{rng.choice(STREET_B)} {rng.randint(1, 120)}"
    body = list(sentences) + rng.sample(FILLER, 5)
    rng.shuffle(body)
    body += [f"Ansprechperson ist {person}.", f"Sie finden uns in der {street} in {town}-{district}.",
             f"Sprechzeiten: {rng.choice(['montags', 'dienstags', 'mittwochs', 'donnerstags', 'freitags'])} "
             f"von {rng.randint(8, 15)} bis {rng.randint(16, 19)} Uhr."]
    slug = f"angebot-{number:05d}"
    return {
        "url": f"/angebote/{slug}/", "title": title, "summary": " ".join(rng.sample(sentences, 2)),
        "topics": rng.sample(topics, min(len(topics), rng.randint(2, 4))), "body": " ".join(body),
        "place": "Kreis Unna (kreisweit)" if county else town,
        "locations": [f"{district}, {town}"],
        "municipalities": ["kreis-unna"] if county else [town_id], "countyWide": county,
        "lifePhases": rng.sample(phases, rng.randint(1, len(phases))), "areas": rng.sample(areas, rng.randint(1, len(areas))),
        "free": rng.random() < 0.6, "languages": ["de"] + rng.sample(LANGS[1:], rng.choice([0, 0, 1, 2, 3])),
        "accessible": rng.choice(["yes", "partly", "no", None]),
    }


def corpus(n, seed):
    rng = random.Random(seed)
    documents = [offer(rng, i) for i in range(n)]
    vocabularies = {
        "towns": [{"id": t[0], "name": t[1]} for t in TOWNS],
        "lifePhases": [{"id": i, "name": name} for i, name in PHASES],
        "areas": [{"id": i, "name": name} for i, name in AREAS],
    }
    return {"vocabularies": vocabularies, "documents": documents}


def page(document):
    """One offer page as a static site would render it, with Pagefind's filters."""
    e = html.escape
    filters = "".join(f'<span data-pagefind-filter="phase">{e(p)}</span>' for p in document["lifePhases"])
    filters += "".join(f'<span data-pagefind-filter="thema">{e(a)}</span>' for a in document["areas"])
    filters += "".join(f'<span data-pagefind-filter="ort">{e(m)}</span>' for m in document["municipalities"])
    return (f'<!doctype html><html lang="de"><head><meta charset="utf-8"><title>{e(document["title"])}</title></head>'
            f'<body><header><a href="/">Brücken für Familien</a></header><main data-pagefind-body>'
            f'<h1>{e(document["title"])}</h1><p data-pagefind-meta="place">{e(document["place"])}</p>'
            f'<p>{e(document["summary"])}</p><p>{e(", ".join(document["topics"]))}</p>'
            f'<p>{e(document["body"])}</p><p>{e("; ".join(document.get("locations", [])))}</p>'
            f'<div hidden>{filters}</div></main></body></html>')


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--html")
    parser.add_argument("--from-json", help="write HTML pages for an existing corpus JSON instead of generating")
    args = parser.parse_args()
    data = json.load(open(args.from_json, encoding="utf-8")) if args.from_json else corpus(args.n, args.seed)
    if not args.from_json:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
    if args.html:
        for document in data["documents"]:
            folder = os.path.join(args.html, document["url"].strip("/"))
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, "index.html"), "w", encoding="utf-8") as f:
                f.write(page(document))


if __name__ == "__main__":
    main()
