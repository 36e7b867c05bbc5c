"""`check` and `build` as CI and coordinators run them: the new warnings in every
format (each with file and line), `--strict`, `check --summary`, `build --base-url`."""
import json
import shutil

import pytest

from test_cli import BIN, REPO, SAMPLE, TEMPLATES, run

STALE = """---
title: Stillgruppe
summary: Hilfe # beim Stillen
municipalities: [alpha]
life_phases: [0-3]
areas: [gesundheit]
provider: Hebammen e. V.
updated: 2020-01-15
---
Siehe [Schwimmkurs](/angebote/schwimmkurs-beta/) und [Kurs](/angebote/gibt-es-nicht/).
"""


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(SAMPLE, folder)
    (folder / "angebote/alpha/stillgruppe.md").write_text(STALE, encoding="utf-8")
    return folder


EXPECTED = {
    (3, "warning", "Der Text nach ` #` wird nicht veröffentlicht: „beim Stillen“."),
    (8, "warning", "Das Angebot wurde seit mehr als 12 Monaten nicht geprüft (`updated: 2020-01-15`)."),
    (2, "warning", "Das Angebot nennt keinen Weg, es zu erreichen: keine Telefonnummer, keine E-Mail, keine Webseite und keine veröffentlichte Adresse."),
    (10, "warning", "Der Link `/angebote/gibt-es-nicht/` führt zu keiner Seite dieser Website."),
}


def test_check_json_carries_each_new_warning_with_file_and_line(content):
    result = run("check", "--content", content, "--format", "json")
    assert result.returncode == 0, result.stdout
    found = json.loads(result.stdout)
    assert {d["file"] for d in found} == {f"{content}/angebote/alpha/stillgruppe.md"}
    assert {(d["line"], d["severity"], d["message"]) for d in found} == EXPECTED
    assert all(d["hint"] and d["code"] for d in found)


def test_build_warns_too_and_strict_makes_the_warnings_errors(content, tmp_path):
    lenient = run("build", "--content", content, "--templates", TEMPLATES, "--output", tmp_path / "out")
    assert lenient.returncode == 0, lenient.stderr
    assert "4 Warnungen" in lenient.stdout
    assert f"{content}/angebote/alpha/stillgruppe.md:8:1: warning: Das Angebot wurde seit mehr als 12 Monaten" in lenient.stderr
    strict = run("build", "--content", content, "--templates", TEMPLATES, "--output", tmp_path / "strict", "--strict")
    assert strict.returncode == 1
    assert f"{content}/angebote/alpha/stillgruppe.md:10:" in strict.stderr and ": error: Der Link" in strict.stderr


def test_check_summary_lists_offers_due_per_town_and_provider(content):
    result = run("check", "--content", content, "--summary")
    assert result.returncode == 0, result.stderr
    lines = [" ".join(line.split()) for line in result.stdout.splitlines()]
    assert any(line.startswith("Zu prüfen am ") and "1 von" in line for line in lines), result.stdout
    assert "Alphastadt 2 1" in lines, result.stdout
    assert "Hebammen e. V. 1 1" in lines, result.stdout


def test_build_base_url_replaces_site_yml_in_absolute_urls(content, tmp_path):
    out = tmp_path / "out"
    result = run("build", "--content", content, "--templates", TEMPLATES, "--output", out,
                 "--base-url", "https://kreis.example.net/familien")
    assert result.returncode == 0, result.stderr
    for path in sorted(out.rglob("*")):
        if path.is_file() and path.suffix in {".html", ".xml", ".txt", ".json"}:
            assert "test.example.org" not in path.read_text(encoding="utf-8"), path
    assert "<loc>https://kreis.example.net/familien/angebote/hebammen-alpha/</loc>" in (out / "sitemap.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("url", ["kreis.example.net", "ftp://kreis.example.net/", "/familien/"])
def test_build_base_url_must_be_absolute_http(content, tmp_path, url):
    result = run("build", "--content", content, "--templates", TEMPLATES, "--output", tmp_path / "out", "--base-url", url)
    assert result.returncode == 1
    assert "keine vollständige Adresse mit http:// oder https://" in result.stderr
    assert not (tmp_path / "out").exists()
