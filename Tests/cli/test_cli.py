"""The `wegweiser` command as editors and CI run it: exit status, messages,
the output folder, `check` formats, `new`, and `serve` with its reload."""
import json
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("WEGWEISER_BIN", REPO / ".build/debug/wegweiser")).resolve()
SAMPLE = REPO / "Tests/Fixtures/sites/sample"
TEMPLATES = REPO / "templates"


def run(*args, cwd=None):
    return subprocess.run([str(BIN), *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(SAMPLE, folder)
    return folder


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def build(content, output, *extra):
    return run("build", "--content", content, "--templates", TEMPLATES, "--output", output, *extra)


def test_build_prints_one_summary_line(content, tmp_path):
    result = build(content, tmp_path / "public")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    assert "Seiten und 5 Angebote" in lines[0] and "0 Warnungen" in lines[0] and "ms" in lines[0]
    assert (tmp_path / "public/angebote/hebammen-alpha/index.html").exists()


def test_timings_list_every_stage_with_its_milliseconds(content, tmp_path):
    plain = build(content, tmp_path / "plain")
    timed = build(content, tmp_path / "timed", "--timings")
    assert timed.returncode == 0, timed.stderr
    assert "Zeiten je Schritt" not in plain.stderr
    lines = timed.stderr.split("höchster Speicherbedarf):\n", 1)[1].splitlines()
    stages = [line.split(" MiB  ", 1)[1] for line in lines]
    assert stages[:3] == ["Dateien lesen", "Inhalte prüfen, Seiten planen", "auf die Wortliste warten"]
    assert "Suchindex, daneben die Seiten" in stages and "übrige Seiten rendern und schreiben" in stages
    assert stages[-1] == "alte Ausgabe löschen"
    for line in lines:
        figures = re.fullmatch(r" *(\d+) ms +(\d+) ms CPU +(\d+) MiB  .+", line)
        assert figures, line
        assert 0 < int(figures[3]) < 4096, line
    # The figures change nothing in the site.
    assert snapshot(tmp_path / "plain") == snapshot(tmp_path / "timed")


def test_failed_build_exits_1_names_file_line_fix_and_keeps_public(content, tmp_path):
    output = tmp_path / "public"
    assert build(content, output).returncode == 0
    before = snapshot(output)
    broken = content / "angebote/alpha/hebammen-alpha.md"
    broken.write_text(broken.read_text(encoding="utf-8").replace("life_phases: [schwangerschaft, 0-3]", "life_phases: [kita]"), encoding="utf-8")
    (content / "angebote/alpha/zweiter.md").write_text("---\ntitle: Ohne alles\n---\n", encoding="utf-8")

    result = build(content, output)
    assert result.returncode == 1
    assert result.stdout == ""
    assert f"{content}/angebote/alpha/hebammen-alpha.md:6:15: error: Unbekannte Lebensphase `kita`" in result.stderr
    assert "Hinweis: Gültige ids (aus site.yml): schwangerschaft, 0-3, schule." in result.stderr
    assert "zweiter.md:2:1: error: Die Pflichtangabe `summary` fehlt" in result.stderr, "all errors at once"
    assert "bleibt unverändert" in result.stderr
    assert snapshot(output) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "public"], "no staging folder left behind"


def test_strict_fails_on_a_warning(content, tmp_path):
    offer = content / "angebote/kreis/krisentelefon.md"
    offer.write_text(offer.read_text(encoding="utf-8").replace("free: true", "free: true\nsumary: Tippfehler"), encoding="utf-8")
    lenient = build(content, tmp_path / "a")
    assert lenient.returncode == 0
    assert "warning: Unbekannte Angabe `sumary`" in lenient.stderr and "Meinten Sie `summary`?" in lenient.stderr
    assert ", 1 Warnung, " in lenient.stdout  # counted in German: not "1 Warnungen"
    checked = run("check", "--content", content)
    assert checked.returncode == 0 and "0 Fehler, 1 Warnung.\n" in checked.stderr
    assert build(content, tmp_path / "b", "--strict").returncode == 1


def test_drafts_flag_publishes_drafts(content, tmp_path):
    assert build(content, tmp_path / "a").returncode == 0
    assert not (tmp_path / "a/angebote/lernwerkstatt-entwurf").exists()
    assert build(content, tmp_path / "b", "--drafts").returncode == 0
    assert (tmp_path / "b/angebote/lernwerkstatt-entwurf/index.html").exists()


def test_check_formats(content):
    offer = content / "angebote/alpha/hebammen-alpha.md"
    offer.write_text(offer.read_text(encoding="utf-8").replace("areas: [gesundheit]", "areas: [sport]"), encoding="utf-8")
    text = run("check", "--content", content)
    assert text.returncode == 1
    assert ":7:9: error: Unbekannter Bereich `sport`" in text.stdout
    assert "1 Fehler" in text.stderr

    github = run("check", "--content", content, "--format", "github")
    assert github.returncode == 1
    assert github.stdout.startswith("::error file=")
    assert ",line=7,col=9::Unbekannter Bereich" in github.stdout

    as_json = run("check", "--content", content, "--format", "json")
    assert as_json.returncode == 1
    [diagnostic] = json.loads(as_json.stdout)
    assert diagnostic["line"] == 7 and diagnostic["severity"] == "error" and "hint" in diagnostic


def test_check_passes_on_the_project_content():
    result = run("check", "--content", REPO / "content", "--strict")
    assert result.returncode == 0, result.stdout


def test_new_writes_an_offer_that_builds(content, tmp_path):
    result = run("new", "--content", content, "--title", "Babytreff am Markt", "--town", "beta", "--phase", "0-3", "--area", "bildung")
    assert result.returncode == 0, result.stderr
    path = content / "angebote/beta/babytreff-am-markt.md"
    text = path.read_text(encoding="utf-8")
    assert "id: " in text and "draft: true" in text
    assert build(content, tmp_path / "public", "--drafts").returncode == 0
    assert (tmp_path / "public/angebote/babytreff-am-markt/index.html").exists()
    again = run("new", "--content", content, "--title", "Babytreff am Markt", "--town", "beta", "--phase", "0-3", "--area", "bildung")
    assert again.returncode == 1 and "gibt es schon" in again.stderr


def test_new_rejects_unknown_ids(content):
    result = run("new", "--content", content, "--title", "X", "--town", "alfa", "--phase", "0-3", "--area", "bildung")
    assert result.returncode == 1
    assert "Meinten Sie `alpha`?" in result.stderr
    assert not (content / "angebote/alfa").exists()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_for(predicate, seconds=15):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    return predicate()


def start_serve(content, cwd):
    """`wegweiser serve` on a free port; returns the process and its base URL."""
    port = free_port()
    server = subprocess.Popen(
        [str(BIN), "serve", "--content", str(content), "--templates", str(TEMPLATES), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd)
    return server, f"http://127.0.0.1:{port}"


def test_serve_rebuilds_shows_errors_in_the_page_and_keeps_running(content, tmp_path):
    server, base = start_serve(content, tmp_path)
    try:
        assert wait_for(lambda: _up(base)), "server did not start"
        status, page = fetch(base + "/orte/alpha/")
        assert status == 200 and "Hebammenhilfe Alphastadt" in page
        assert '<script src="/__wegweiser/reload.js?v=' in page, "pages carry the reload script"
        assert "/__wegweiser/version" in fetch(base + "/__wegweiser/reload.js")[1]
        _, version = fetch(base + "/__wegweiser/version")

        offer = content / "angebote/alpha/hebammen-alpha.md"
        original = offer.read_text(encoding="utf-8")
        offer.write_text(original.replace("title: Hebammenhilfe Alphastadt", "title: Hebammenhilfe Alpha-Mitte"), encoding="utf-8")
        assert wait_for(lambda: fetch(base + "/__wegweiser/version")[1] != version), "no rebuild after a change"
        assert "Hebammenhilfe Alpha-Mitte" in fetch(base + "/orte/alpha/")[1]

        offer.write_text(original.replace("areas: [gesundheit]", "areas: [sport]"), encoding="utf-8")
        assert wait_for(lambda: fetch(base + "/orte/alpha/")[0] == 500)
        status, page = fetch(base + "/orte/alpha/")
        assert "Unbekannter Bereich `sport`" in page and "hebammen-alpha.md:7:9" in page

        offer.write_text(original, encoding="utf-8")
        assert wait_for(lambda: fetch(base + "/orte/alpha/")[0] == 200), "server recovers once the error is fixed"
        assert server.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=10)


def _up(base):
    try:
        return fetch(base + "/__wegweiser/version")[0] == 200
    except OSError:
        return False


def test_serve_shows_a_save_made_while_its_first_build_runs(tmp_path):
    """A large directory takes seconds to build: a save made meanwhile must
    reach the browser, not wait for the next save."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("generate_content", REPO / "bench/build/generate-content.py")
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    content = tmp_path / "content"
    generator.generate(1500, str(content))
    offer = sorted((content / "angebote").rglob("*.md"))[0]
    server, base = start_serve(content, tmp_path)
    try:
        time.sleep(0.5)  # the first build has read the files and is still busy
        text = offer.read_text(encoding="utf-8")
        offer.write_text(re.sub(r"(?m)^title: .*$", 'title: "Während des ersten Baus geändert"', text, count=1), encoding="utf-8")
        assert wait_for(lambda: _up(base), seconds=120), "server did not start"
        page_url = f"{base}/angebote/{offer.stem}/"
        assert wait_for(lambda: "Während des ersten Baus geändert" in fetch(page_url)[1], seconds=60), \
            "a save during the first build was lost"
    finally:
        server.terminate()
        server.wait(timeout=10)
