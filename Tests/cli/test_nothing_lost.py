"""Nothing lost, nothing leaked: `build` replaces only a folder it wrote
itself, `serve` never writes the publish folder, and a build killed at any
moment leaves the previous site whole."""
import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from test_cli import BIN, SAMPLE, TEMPLATES, fetch, free_port, run, snapshot, wait_for, _up

MARKER = ".wegweiser-ausgabe"


@pytest.fixture
def project(tmp_path):
    """A site repository as a county would have it: content/, templates/,
    public/.gitkeep, a notes folder and .git."""
    root = tmp_path / "site"
    shutil.copytree(SAMPLE, root / "content")
    shutil.copytree(TEMPLATES, root / "templates")
    (root / "public").mkdir()
    (root / "public/.gitkeep").write_text("")
    (root / "notizen").mkdir()
    (root / "notizen/termine.txt").write_text("Mittwoch: Redaktionssitzung\n")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    return root


def build_in(project, *args):
    return run("build", *args, cwd=project)


@pytest.mark.parametrize("output, reason", [
    ("content", "ist der Inhalte-Ordner"),
    ("templates", "ist der Vorlagen-Ordner"),
    ("content/angebote", "liegt im Inhalte-Ordner"),
    (".", "enthält den Inhalte-Ordner"),
    ("..", "enthält den Inhalte-Ordner"),
])
def test_build_refuses_the_sources_and_folders_holding_them_even_with_force(project, output, reason):
    before = snapshot(project)
    for extra in ([], ["--force"]):
        result = build_in(project, "--output", output, *extra)
        assert result.returncode == 1
        assert f"{output}: error: Der Ausgabeordner `{output}` {reason}" in result.stderr, result.stderr
        assert "Hinweis: Geben Sie mit `--output` einen eigenen Ordner" in result.stderr
        assert result.stdout == ""
    assert snapshot(project) == before, "nothing touched"


def test_build_refuses_a_repository_root(project, tmp_path):
    other = tmp_path / "anderes-repo"
    other.mkdir()
    subprocess.run(["git", "init", "-q", str(other)], check=True)
    result = build_in(project, "--output", other, "--force")
    assert result.returncode == 1 and "Wurzel eines Git-Repositorys" in result.stderr
    assert (other / ".git/HEAD").exists()


def test_build_refuses_someones_files_unless_forced(project):
    before = snapshot(project / "notizen")
    result = build_in(project, "--output", "notizen")
    assert result.returncode == 1
    assert "notizen: error: Der Ausgabeordner `notizen` enthält Dateien, die nicht von Wegweiser stammen (`termine.txt`)" in result.stderr
    assert "`wegweiser build --force`" in result.stderr
    assert snapshot(project / "notizen") == before

    forced = build_in(project, "--output", "notizen", "--force")
    assert forced.returncode == 0, forced.stderr
    assert (project / "notizen/index.html").exists() and (project / "notizen" / MARKER).exists()
    assert not (project / "notizen/termine.txt").exists()


def test_build_replaces_its_own_folder_and_keeps_the_gitkeep(project):
    assert build_in(project).returncode == 0
    assert (project / "public" / MARKER).exists() and (project / "public/.gitkeep").exists()
    assert MARKER not in (project / "public/sitemap.xml").read_text()
    again = build_in(project)
    assert again.returncode == 0, again.stderr
    leftovers = [p.name for p in project.iterdir() if p.name.startswith(".public")]
    assert leftovers == []


def test_serve_never_writes_the_publish_folder_and_shows_drafts(project):
    port = free_port()
    server = subprocess.Popen([str(BIN), "serve", "--port", str(port)], cwd=project,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        assert wait_for(lambda: _up(base)), "server did not start"
        status, page = fetch(base + "/angebote/lernwerkstatt-entwurf/")
        assert status == 200, "serve shows drafts"
        assert "Entwurf" in page
        offer = project / "content/angebote/alpha/hebammen-alpha.md"
        _, version = fetch(base + "/__wegweiser/version")
        offer.write_text(offer.read_text(encoding="utf-8").replace("Hebammenhilfe Alphastadt", "Hebammenhilfe Neu"), encoding="utf-8")
        assert wait_for(lambda: fetch(base + "/__wegweiser/version")[1] != version)
        assert "Hebammenhilfe Neu" in fetch(base + "/angebote/hebammen-alpha/")[1]
        # A new folder with a new offer is seen too.
        (project / "content/angebote/beta").mkdir()
        new = offer.read_text(encoding="utf-8").replace("Hebammenhilfe Neu", "Ganz neu im Ordner")
        (project / "content/angebote/beta/ganz-neu.md").write_text(
            "\n".join(line for line in new.splitlines() if not line.startswith("id:")) + "\n", encoding="utf-8")
        assert wait_for(lambda: "Ganz neu im Ordner" in fetch(base + "/angebote/ganz-neu/")[1]), "a new folder is not watched"
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert sorted(p.name for p in (project / "public").iterdir()) == [".gitkeep"], "serve wrote into public/"
    assert not [p for p in project.iterdir() if p.name.startswith(".public")]


def test_a_build_killed_at_any_moment_leaves_the_previous_site_whole(project):
    # Enough offers that a build takes a while to write.
    alpha = project / "content/angebote/alpha"
    template = (alpha / "hebammen-alpha.md").read_text(encoding="utf-8")
    template = "\n".join(line for line in template.splitlines() if not line.startswith("id:")) + "\n"
    for number in range(150):
        (alpha / f"kopie-{number}.md").write_text(template.replace("Hebammenhilfe Alphastadt", f"Kopie {number}"), encoding="utf-8")
    assert build_in(project).returncode == 0
    old = snapshot(project / "public")

    offer = alpha / "kopie-0.md"
    offer.write_text(offer.read_text(encoding="utf-8").replace("Kopie 0", "Kopie null"), encoding="utf-8")
    reference = project.parent / "referenz"
    assert run("build", "--content", project / "content", "--templates", project / "templates", "--output", reference).returncode == 0
    new = {**snapshot(reference), ".gitkeep": b""}  # public/ keeps its .gitkeep
    assert new != old

    # How long a build takes, to spread the kills over all of it.
    started = time.monotonic()
    assert run("build", "--content", project / "content", "--templates", project / "templates", "--output", reference).returncode == 0
    duration = time.monotonic() - started
    offer.write_text(offer.read_text(encoding="utf-8").replace("Kopie null", "Kopie 0"), encoding="utf-8")

    offer.write_text(offer.read_text(encoding="utf-8").replace("Kopie 0", "Kopie null"), encoding="utf-8")
    rng = random.Random(7)
    seen = set()
    for attempt in range(12):
        process = subprocess.Popen([str(BIN), "build"], cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, duration * 1.1))
        process.send_signal(signal.SIGKILL)
        process.wait()
        current = snapshot(project / "public")
        assert current in (old, new), f"attempt {attempt}: public/ is neither the old nor the new site"
        seen.add("new" if current == new else "old")
        if current == new:  # back to the old site for the next attempt
            offer.write_text(offer.read_text(encoding="utf-8").replace("Kopie null", "Kopie 0"), encoding="utf-8")
            assert build_in(project).returncode == 0
            offer.write_text(offer.read_text(encoding="utf-8").replace("Kopie 0", "Kopie null"), encoding="utf-8")
    assert "old" in seen, "no kill landed before the swap"

    result = build_in(project)
    assert result.returncode == 0, result.stderr
    assert snapshot(project / "public") == new
    assert not [p.name for p in project.iterdir() if p.name.startswith(".public")], "leftovers of killed builds remain"
