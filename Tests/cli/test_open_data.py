"""Open data and the coverage report, as a portal, a town's website and a
coordinator meet them: the HSDS 3.0 export under /hsds/ validated against Open
Referral's compiled JSON Schemas (Tests/Fixtures/hsds-3.0), its field mapping
and identifiers, the Atom feed per town read by feedparser, Open Graph tags,
and `wegweiser coverage` against golden files in every format.

Regenerate the coverage goldens after an intended change with
UPDATE_GOLDEN=1 (then review the diff)."""
import json
import os
import re
import shutil
import subprocess
import uuid
from pathlib import Path

import feedparser
import jsonschema
import pytest

REPO = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("WEGWEISER_BIN", REPO / ".build/debug/wegweiser"))
SAMPLE = REPO / "Tests/Fixtures/sites/sample"
TEMPLATES = REPO / "templates"
SCHEMAS = REPO / "Tests/Fixtures/hsds-3.0"
GOLDEN = REPO / "Tests/Fixtures/golden/coverage"
BASE_URL = "https://test.example.org/"
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
DATE_TIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def run(*args):
    return subprocess.run([str(BIN), *map(str, args)], capture_output=True, text=True, timeout=120)


def build(content, output, *extra):
    result = run("build", "--content", content, "--templates", TEMPLATES, "--output", output, *extra)
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(SAMPLE, tmp_path_factory.mktemp("open-data") / "public")


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def hsds_id(kind, key):
    """The identifiers as the docs state them: UUIDv5, URL namespace, `<base_url>hsds/<kind>/<key>`."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{BASE_URL}hsds/{kind}/{key}"))


# --------------------------------------------------------------------------
# Schema validation of every file
# --------------------------------------------------------------------------

def validator(schema):
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def validators():
    service = load(SCHEMAS / "service.json")
    attribute = service["properties"]["attributes"]["items"]
    term = attribute["properties"]["taxonomy_term"]
    return {
        "service": validator(service),
        "service_list": validator(load(SCHEMAS / "service_list.json")),
        "organization": validator(load(SCHEMAS / "organization.json")),
        "taxonomy_term": validator(term),
        "taxonomy": validator(term["properties"]["taxonomy_detail"]),
    }


def errors_of(validator, document):
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in validator.iter_errors(document)]


LISTS = {"services": "service_list", "organizations": "organization", "taxonomies": "taxonomy",
         "taxonomy_terms": "taxonomy_term"}
ITEMS = {"services": "service", "organizations": "organization", "taxonomies": "taxonomy",
         "taxonomy_terms": "taxonomy_term"}


def check_list_shape(document, name):
    keys = {"total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"}
    assert keys <= document.keys(), f"{name}: missing {keys - document.keys()}"
    assert isinstance(document["contents"], list)
    assert document["size"] == len(document["contents"])
    assert document["empty"] == (len(document["contents"]) == 0)
    assert document["first_page"] == (document["page_number"] == 1)
    assert document["last_page"] == (document["page_number"] == document["total_pages"])


def test_every_hsds_file_validates_against_the_hsds_schemas(site, validators):
    files = sorted((site / "hsds").rglob("*.json"))
    assert len(files) > 20
    problems = []
    checked = 0
    for file in files:
        relative = file.relative_to(site / "hsds").as_posix()
        document = load(file)
        parts = relative.split("/")
        if relative == "index.json":
            assert document["version"].startswith("3.0"), document
            assert document["profile"].startswith("https://"), document
            checked += 1
            continue
        folder = parts[0]
        assert folder in LISTS, f"unexpected file hsds/{relative}"
        if parts[1:] == ["index.json"] or parts[1] == "page":
            check_list_shape(document, relative)
            for index, item in enumerate(document["contents"]):
                problems += [f"hsds/{relative} contents/{index}/{p}" for p in errors_of(validators[LISTS[folder]], item)]
        else:
            assert UUID_RE.match(parts[1].removesuffix(".json")), relative
            assert document["id"] == parts[1].removesuffix(".json")
            problems += [f"hsds/{relative}: {p}" for p in errors_of(validators[ITEMS[folder]], document)]
        checked += 1
    assert checked == len(files)
    assert not problems, "\n".join(problems)


def test_ids_are_uuids_and_dates_are_rfc3339(site):
    """The formats the schema names but jsonschema checks only with extra packages."""
    def walk(value, path):
        if isinstance(value, dict):
            for key, item in value.items():
                if (key == "id" or key.endswith("_id")) and isinstance(item, str):
                    assert UUID_RE.match(item), f"{path}/{key}: {item}"
                if key == "last_modified":
                    assert DATE_TIME_RE.match(item), f"{path}/{key}: {item}"
                walk(item, f"{path}/{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path}/{index}")
    for file in (site / "hsds").rglob("*.json"):
        walk(load(file), file.name)


def test_a_schema_violation_is_caught(validators):
    """The validation can fail: a service without its required `status` and a bad uuid."""
    assert errors_of(validators["service"], {"id": "not-a-uuid", "name": "x"})


# --------------------------------------------------------------------------
# What is in it, and what is not
# --------------------------------------------------------------------------

def test_services_are_the_published_offers_sorted_by_id(site):
    listing = load(site / "hsds/services/index.json")
    names = sorted(item["name"] for item in listing["contents"])
    assert names == sorted([
        "Hebammenhilfe Alphastadt", "Elterncafé Beta: offen für alle", "Schwimmkurs für Schulkinder",
        "Frauenhaus im Testkreis", "Krisentelefon für Eltern"])
    ids = [item["id"] for item in listing["contents"]]
    assert ids == sorted(ids)
    assert listing["total_items"] == 5 and listing["total_pages"] == 1
    assert sorted(p.stem for p in (site / "hsds/services").glob("*-*.json")) == sorted(ids)
    assert load(site / "hsds/services/page/1.json") == listing


def test_drafts_and_inactive_offers_are_nowhere(site, tmp_path):
    with_drafts = build(SAMPLE, tmp_path / "drafts", "--drafts")
    for folder in (site, with_drafts):
        text = "".join(p.read_text(encoding="utf-8") for p in (folder / "hsds").rglob("*.json"))
        assert "lernwerkstatt" not in text.lower(), "a draft is in the export"
        assert "hausaufgaben" not in text.lower(), "an inactive offer is in the export"
    assert (with_drafts / "angebote/lernwerkstatt-entwurf/index.html").exists()


def test_temporarily_closed_offer_has_hsds_status(site):
    service = load(site / f"hsds/services/{hsds_id('service', 'schwimmkurs-beta')}.json")
    assert service["status"] == "temporarily closed"


def test_confidential_location_has_no_address_or_coordinates_anywhere(site):
    source = (SAMPLE / "angebote/kreis/frauenhaus.md").read_text(encoding="utf-8")
    assert "Geheimweg 7" in source and "59001" in source and "51.51" in source
    for file in (site / "hsds").rglob("*.json"):
        text = file.read_text(encoding="utf-8")
        for secret in ("Geheimweg", "59001", "51.51", "7.61"):
            assert secret not in text, f"{secret} in {file}"
    service = load(site / f"hsds/services/{hsds_id('service', 'frauenhaus')}.json")
    [at_location] = service["service_at_locations"]
    location = at_location["location"]
    assert location["name"] == "Frauenhaus"
    assert "Alphastadt" in location["description"]
    assert not {"addresses", "latitude", "longitude"} & location.keys()


def test_an_open_location_has_its_address_and_coordinates(site):
    service = load(site / "hsds/services/0f4c3d2e-1b2a-4c5d-8e9f-0a1b2c3d4e5f.json")
    location = service["service_at_locations"][0]["location"]
    assert (location["latitude"], location["longitude"]) == (51.5, 7.6)
    [address] = location["addresses"]
    assert (address["address_1"], address["postal_code"], address["city"]) == ("Bahnhofstraße 12", "59000", "Alphastadt")
    assert (address["state_province"], address["country"]) == ("Nordrhein-Westfalen", "DE")
    assert address["location_id"] == location["id"] == service["service_at_locations"][0]["location_id"]


def test_hours_become_weekly_schedules(site):
    service = load(site / "hsds/services/0f4c3d2e-1b2a-4c5d-8e9f-0a1b2c3d4e5f.json")
    schedules = [(s["freq"], s["byday"], s["opens_at"], s["closes_at"]) for s in service["schedules"]]
    assert schedules[0] == ("WEEKLY", "MO,TU,WE", "09:00", "12:00")
    assert schedules[1][:3] == ("WEEKLY", "TH", "14:00")
    assert all(s["notes"] == "Hausbesuche nach Vereinbarung" for s in service["schedules"])
    assert all(s["service_id"] == service["id"] for s in service["schedules"])


def test_languages_costs_ages_dates_and_terms(site):
    service = load(site / "hsds/services/0f4c3d2e-1b2a-4c5d-8e9f-0a1b2c3d4e5f.json")
    assert [(l["code"], l["name"]) for l in service["languages"]] == [("de", "Deutsch"), ("tr", "Türkisch"), ("ar", "Arabisch")]
    assert service["cost_options"][0]["amount"] == 0 and service["fees_description"] == "kostenlos"
    assert (service["minimum_age"], service["maximum_age"]) == (0, 1)
    assert service["assured_date"] == "2026-10-01" and service["last_modified"] == "2026-10-01T00:00:00Z"
    assert service["application_process"] == "Anruf genügt."
    assert "**" not in service["description"] and service["description"].startswith("Hebammen begleiten")
    terms = {(a["taxonomy_term"]["taxonomy"], a["taxonomy_term"]["code"]) for a in service["attributes"]}
    assert terms == {("municipalities", "alpha"), ("life_phases", "schwangerschaft"), ("life_phases", "0-3"),
                     ("areas", "gesundheit")}
    for attribute in service["attributes"]:
        term = attribute["taxonomy_term"]
        assert attribute["link_id"] == service["id"] and attribute["taxonomy_term_id"] == term["id"]
        assert term["id"] == hsds_id("taxonomy_term", f"{term['taxonomy']}/{term['code']}")
        assert (site / f"hsds/taxonomy_terms/{term['id']}.json").is_file()
    cafe = load(site / f"hsds/services/{hsds_id('service', 'elterncafe-beta')}.json")
    assert cafe["fees_description"] == "1 Euro pro Kaffee" and "cost_options" not in cafe


def test_taxonomies_are_the_three_vocabularies(site):
    taxonomies = load(site / "hsds/taxonomies/index.json")["contents"]
    assert sorted(t["name"] for t in taxonomies) == ["Lebensphasen", "Orte", "Themen"]
    terms = load(site / "hsds/taxonomy_terms/index.json")["contents"]
    assert sorted(t["code"] for t in terms if t["taxonomy"] == "municipalities") == ["alpha", "beta", "kreis"]
    assert len(terms) == 3 + 3 + 2


def test_ids_are_derived_as_documented_and_stable(site, tmp_path):
    services = {item["name"]: item for item in load(site / "hsds/services/index.json")["contents"]}
    assert services["Hebammenhilfe Alphastadt"]["id"] == "0f4c3d2e-1b2a-4c5d-8e9f-0a1b2c3d4e5f", "the offer's own id"
    assert services["Frauenhaus im Testkreis"]["id"] == hsds_id("service", "frauenhaus")
    assert services["Frauenhaus im Testkreis"]["organization"]["id"] == hsds_id("organization", "Frauen helfen Frauen e. V.")
    organizations = load(site / "hsds/organizations/index.json")["contents"]
    assert {o["id"] for o in organizations} == {s["organization_id"] for s in services.values()}
    again = build(SAMPLE, tmp_path / "again")
    first = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted((site / "hsds").rglob("*.json"))}
    second = {p.relative_to(again).as_posix(): p.read_bytes() for p in sorted((again / "hsds").rglob("*.json"))}
    assert first == second


def test_organization_lists_its_services(site):
    organization = load(site / f"hsds/organizations/{hsds_id('organization', 'Hebammenzentrum Alpha e. V.')}.json")
    assert [s["name"] for s in organization["services"]] == ["Hebammenhilfe Alphastadt"]


def test_long_lists_are_paged(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SAMPLE, content)
    for n in range(120):
        (content / f"angebote/alpha/viele-{n:03}.md").write_text(
            f"---\ntitle: Angebot {n}\nsummary: Ein Angebot.\nmunicipalities: [alpha]\nlife_phases: [0-3]\n"
            f"areas: [bildung]\nprovider: Träger {n % 7}\nupdated: 2026-01-01\n---\nText.\n", encoding="utf-8")
    site = build(content, tmp_path / "public")
    pages = [load(site / f"hsds/services/page/{n}.json") for n in (1, 2, 3)]
    assert not (site / "hsds/services/page/4.json").exists()
    assert [(p["page_number"], p["size"], p["first_page"], p["last_page"]) for p in pages] == [
        (1, 50, True, False), (2, 50, False, False), (3, 25, False, True)]
    assert all(p["total_items"] == 125 and p["total_pages"] == 3 for p in pages)
    ids = [item["id"] for p in pages for item in p["contents"]]
    assert ids == sorted(ids) and len(set(ids)) == 125


# --------------------------------------------------------------------------
# Feeds per town, Open Graph
# --------------------------------------------------------------------------

def test_town_feeds_list_the_towns_and_the_county_wide_offers(site):
    county_wide = {"Frauenhaus im Testkreis", "Krisentelefon für Eltern"}
    expected = {
        "alpha": {"Hebammenhilfe Alphastadt"} | county_wide,
        "beta": {"Elterncafé Beta: offen für alle", "Schwimmkurs für Schulkinder"} | county_wide,
        "kreis": county_wide,
    }
    for town, titles in expected.items():
        feed = feedparser.parse((site / f"orte/{town}/feed.xml").read_bytes())
        assert not feed.bozo, feed.bozo_exception
        assert {entry.title for entry in feed.entries} == titles, town
        assert feed.feed.links[0].href == f"{BASE_URL}orte/{town}/feed.xml"
        dates = [entry.updated for entry in feed.entries]
        assert dates == sorted(dates, reverse=True), "newest first"
        for entry in feed.entries:
            assert entry.link.startswith(f"{BASE_URL}angebote/")
        page = (site / f"orte/{town}/index.html").read_text(encoding="utf-8")
        assert (f'<link rel="alternate" type="application/atom+xml" title="Neue und aktualisierte Angebote: '
                in page and f'href="/orte/{town}/feed.xml"' in page)


def test_every_page_has_open_graph_tags(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for prop in ("og:title", "og:description", "og:url", "og:type"):
            assert re.search(rf'<meta property="{prop}" content="[^"]+">', html), f"{prop} missing in {page}"
    offer = (site / "angebote/frauenhaus/index.html").read_text(encoding="utf-8")
    assert '<meta property="og:url" content="https://test.example.org/angebote/frauenhaus/">' in offer
    assert '<meta property="og:type" content="article">' in offer
    assert '<meta property="og:title" content="Frauenhaus im Testkreis">' in offer


# --------------------------------------------------------------------------
# wegweiser coverage and the coverage page
# --------------------------------------------------------------------------

COVERAGE_CASES = [
    ("all.txt", ["--format", "text"]), ("all.csv", ["--format", "csv"]), ("all.json", ["--format", "json"]),
    ("all.md", ["--format", "markdown"]), ("gesundheit.txt", ["--area", "gesundheit"]),
    ("gesundheit.csv", ["--area", "gesundheit", "--format", "csv"]),
    ("thin3.md", ["--format", "markdown", "--thin", "3"]),
]


@pytest.mark.parametrize("golden,args", COVERAGE_CASES)
def test_coverage_matches_golden(golden, args):
    result = run("coverage", "--content", SAMPLE, *args)
    assert result.returncode == 0, result.stderr
    path = GOLDEN / golden
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(result.stdout, encoding="utf-8")
    assert path.is_file(), f"{path} is missing: run with UPDATE_GOLDEN=1"
    assert result.stdout == path.read_text(encoding="utf-8")


def test_coverage_csv_counts_county_wide_offers_only_in_their_own_row():
    result = run("coverage", "--content", SAMPLE, "--format", "csv")
    rows = [line.split(",") for line in result.stdout.splitlines()]
    assert rows[0] == ["ort", "schwangerschaft", "0-3", "schule"]
    assert [row[0] for row in rows[1:]] == ["alpha", "beta", "kreis"], "site.yml order, county-wide row included"
    counts = {row[0]: list(map(int, row[1:])) for row in rows[1:]}
    # Frauenhaus (all phases) and Krisentelefon (0-3, schule) are filed under the Kreis.
    assert counts["kreis"] == [1, 2, 2]
    assert counts["alpha"] == [1, 1, 0], "Hebammenhilfe only; not the county-wide offers"
    assert counts["beta"][0] == 0


def test_coverage_json_marks_empty_and_thin_cells():
    document = json.loads(run("coverage", "--content", SAMPLE, "--format", "json").stdout)
    alpha = document["rows"][0]
    assert [(c["life_phase"], c["count"], c["mark"]) for c in alpha["cells"]] == [
        ("schwangerschaft", 1, "thin"), ("0-3", 1, "thin"), ("schule", 0, "empty")]
    assert document["rows"][2]["county_wide"] is True


def test_coverage_rejects_an_unknown_area():
    result = run("coverage", "--content", SAMPLE, "--area", "kita")
    assert result.returncode == 1
    assert "Unbekannter Bereich `kita`" in result.stderr and "gesundheit, bildung" in result.stderr


def test_coverage_page_tables_link_counts_and_mark_gaps(site):
    html = (site / "netzwerk/abdeckung/index.html").read_text(encoding="utf-8")
    assert html.count("<table") == 1 + 2, "one over all, one per area"
    assert html.count('<th scope="row">') == 3 * 3 and '<th scope="col">Ort</th>' in html
    assert "<strong>Lücke</strong>" in html and "<em>dünn</em>" in html
    cells = re.findall(r"<td[^>]*>(.*?)</td>", html)
    assert len(cells) == 3 * 3 * 3
    for cell in cells:
        count = int(re.match(r"(?:<a [^>]*>)?(\d+)", cell).group(1))
        assert ("<a " in cell) == (count > 0), f"a count links exactly when it is not 0: {cell}"
        assert ("<strong>Lücke</strong>" in cell) == (count == 0), cell
    links = set(re.findall(r'<td[^>]*><a href="([^"]+)"', html))
    assert all(re.fullmatch(r"/orte/[a-z0-9-]+/[a-z0-9-]+/|/orte/kreis/#phase-[a-z0-9-]+", link) for link in links), links
    assert "/orte/alpha/schwangerschaft/" in links
    for link in links:
        path = link.split("#")[0]
        assert (site / path.lstrip("/") / "index.html").is_file(), f"{link} leads nowhere"
    assert "/orte/alpha/schule/" not in links, "no link for an empty cell"
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://test.example.org/netzwerk/abdeckung/</loc>" in sitemap
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="/netzwerk/abdeckung/"' in home.split('<footer')[1], "linked from the footer"
