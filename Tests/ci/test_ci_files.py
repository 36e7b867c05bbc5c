"""The CI files of the site repository: valid for their forge, the GitHub
workflow free of zizmor findings of medium severity or more, and their
commands run in a fresh clone as CI runs them, exiting 0 for good content and
1, with annotations or a Code Quality report, for bad content.

The commands are read from the CI files themselves, so the test follows them.
Two things differ from a CI runner, on purpose: the tool is the release binary
built before the test (`make test-ci` builds it; CI restores it from its
cache), passed to make as RELEASE_BIN with SWIFT=true so that the clone does not
build it again; and GitLab's `before_script` (apt-get install make) is skipped.
"""
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
WORKFLOW = REPO / ".github/workflows/site.yml"
GITLAB = REPO / ".gitlab-ci.yml"
BIN = Path(os.environ.get("WEGWEISER_RELEASE_BIN", REPO / ".build/release/wegweiser")).resolve()

BROKEN_OFFER = """---
title: Kaputtes Angebot
summary: Hilfe # für Kinder
municipalities: [unna]
life_phases: [0-3]
areas: [jugendhilfe]
provider: Test e. V.
updated: 02.11.2026
contact: {phone: "02303 000-000"}
---
Text.
"""


def tool(name):
    """A console script of the interpreter running the tests, else from PATH."""
    candidate = Path(sysconfig.get_path("scripts")) / name
    return str(candidate) if candidate.exists() else shutil.which(name) or name


# --- the files themselves ------------------------------------------------------


@pytest.mark.parametrize("path, schema", [(WORKFLOW, "vendor.github-workflows"), (GITLAB, "vendor.gitlab-ci")])
def test_ci_file_matches_schemastore_schema(path, schema):
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_has_no_zizmor_finding_of_medium_severity_or_more():
    result = subprocess.run(
        [tool("zizmor"), "--offline", "--min-severity", "medium", "--format", "json", str(WORKFLOW)],
        capture_output=True, text=True, timeout=120)
    findings = json.loads(result.stdout or "[]")
    assert findings == [], json.dumps(findings, indent=2)
    assert result.returncode == 0, result.stderr


def load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def workflow():
    document = load(WORKFLOW)
    # PyYAML reads the key `on` as True (YAML 1.1).
    document["on"] = document.pop(True, document.get("on"))
    return document


def test_workflow_pins_every_action_to_a_commit_with_its_version():
    for job in workflow()["jobs"].values():
        for step in job.get("steps", []):
            if "uses" in step:
                ref = step["uses"].split("@", 1)[1]
                assert len(ref) == 40 and all(c in "0123456789abcdef" for c in ref), step["uses"]
    text = WORKFLOW.read_text(encoding="utf-8")
    for line in text.splitlines():
        if "uses:" in line:
            assert "# v" in line, f"no version comment: {line.strip()}"


def test_workflow_grants_least_privilege_and_keeps_no_credentials():
    document = workflow()
    assert document["permissions"] == {}
    for name, job in document["jobs"].items():
        assert "permissions" in job, name
        granted = {k for k, v in job["permissions"].items() if v == "write"}
        assert granted <= ({"pages", "id-token"} if name == "deploy" else set()), (name, granted)
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, name


def test_workflow_checks_pull_requests_and_publishes_main_to_pages():
    document = workflow()
    assert "pull_request" in document["on"] and document["on"]["push"]["branches"] == ["main"]
    jobs = document["jobs"]
    assert "pull_request" in jobs["check"]["if"]
    uses = [step.get("uses", "") for step in jobs["build"]["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/cache@") for u in uses), "main saves the Swift build for later runs"
    assert jobs["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
    cached = [s for s in jobs["check"]["steps"] if s.get("uses", "").startswith("actions/cache@")]
    assert cached and cached[0]["with"]["path"] == ".build"


def test_gitlab_hands_the_check_to_code_quality_and_publishes_pages():
    document = load(GITLAB)
    check = document["check"]
    assert check["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert check["artifacts"]["when"] == "always", "the report must arrive when the check fails"
    assert any("--format gitlab" in line for line in check["script"])
    assert document["pages"]["artifacts"]["paths"] == ["public/"]
    assert ".build/" in document["default"]["cache"]["paths"]


def test_own_server_jobs_name_their_secret_and_never_hold_it():
    for path in (WORKFLOW, GITLAB):
        text = path.read_text(encoding="utf-8")
        assert "DEPLOY_SSH_KEY" in text and "rsync" in text
        assert "PRIVATE KEY" not in text


# --- the commands, in a fresh clone --------------------------------------------


def github_commands(job):
    return [step["run"] for step in workflow()["jobs"][job]["steps"] if "run" in step]


def github_env(job):
    env = {}
    for step in workflow()["jobs"][job]["steps"]:
        for key, value in step.get("env", {}).items():
            env[key] = "" if "${{" in str(value) else str(value)
    return env


def gitlab_commands(job):
    return load(GITLAB)[job]["script"]


@pytest.fixture
def clone(tmp_path):
    if not BIN.exists():
        pytest.fail(f"{BIN} is missing: `make test-ci` builds it (swift build -c release --product wegweiser)")
    folder = tmp_path / "site"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(REPO), str(folder)], check=True, timeout=300)
    return folder


def run_commands(commands, cwd, env=None):
    """Each command in bash as CI runs it; the results in order."""
    environment = dict(os.environ, MAKEFLAGS=f"SWIFT=true RELEASE_BIN={BIN}", **(env or {}))
    environment.pop("MAKELEVEL", None)
    results = []
    for command in commands:
        results.append(subprocess.run(
            ["bash", "-e", "-c", command], cwd=cwd, env=environment, capture_output=True, text=True, timeout=600))
    return results


def break_content(folder):
    (folder / "content/angebote/unna/kaputt.md").write_text(BROKEN_OFFER, encoding="utf-8")


def test_github_pull_request_commands_pass_on_good_content(clone):
    results = run_commands(github_commands("check"), clone)
    assert [r.returncode for r in results] == [0, 0], [r.stderr[-2000:] for r in results]
    assert "::error" not in results[0].stdout and "::warning" not in results[0].stdout
    assert (clone / "public/index.html").exists()


def test_github_pull_request_check_fails_with_annotations_on_bad_content(clone):
    break_content(clone)
    check = run_commands(github_commands("check")[:1], clone)[0]
    assert check.returncode != 0
    assert "::error file=content/angebote/unna/kaputt.md,line=8,col=10::`updated` ist in deutscher Schreibweise" in check.stdout
    assert "::warning file=content/angebote/unna/kaputt.md,line=3,col=" in check.stdout
    # The Makefile's own exit status is 2; the tool's, behind it, is 1.
    direct = subprocess.run([str(BIN), "check", "--format", "github"], cwd=clone, capture_output=True, text=True, timeout=120)
    assert direct.returncode == 1


def test_github_main_build_uses_the_base_url_from_the_environment(clone):
    env = github_env("build")
    assert "BASE_URL" in env
    env["BASE_URL"] = "https://kreis-unna.github.io/wegweiser/"
    results = run_commands(github_commands("build"), clone, env)
    assert [r.returncode for r in results] == [0], results[0].stderr[-2000:]
    assert "<loc>https://kreis-unna.github.io/wegweiser/</loc>" in (clone / "public/sitemap.xml").read_text(encoding="utf-8")


def test_gitlab_merge_request_commands_pass_on_good_content(clone):
    results = run_commands(gitlab_commands("check") + gitlab_commands("build"), clone)
    assert [r.returncode for r in results] == [0, 0], [r.stderr[-2000:] for r in results]
    report = json.loads((clone / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert report == []


def test_gitlab_merge_request_check_fails_with_a_code_quality_report_on_bad_content(clone):
    break_content(clone)
    check = run_commands(gitlab_commands("check"), clone)[0]
    assert check.returncode != 0
    report = json.loads((clone / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert {(issue["location"]["path"], issue["location"]["lines"]["begin"], issue["severity"]) for issue in report} == {
        ("content/angebote/unna/kaputt.md", 8, "critical"),
        ("content/angebote/unna/kaputt.md", 3, "minor"),
    }
    assert all(len(issue["fingerprint"]) == 32 and issue["check_name"] and issue["description"] for issue in report)


def test_gitlab_pages_job_publishes_public_under_the_pages_address(clone):
    results = run_commands(gitlab_commands("pages"), clone, {"CI_PAGES_URL": "https://kreis-unna.gitlab.io/wegweiser"})
    assert [r.returncode for r in results] == [0], results[0].stderr[-2000:]
    sitemap = (clone / "public/sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://kreis-unna.gitlab.io/wegweiser/angebote/" in sitemap


def test_invalid_base_url_is_a_german_error(clone):
    result = subprocess.run([str(BIN), "build", "--base-url", "kreis-unna.de"], cwd=clone, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "keine vollständige Adresse mit http:// oder https://" in result.stderr
    assert not any((clone / "public").glob("*.html")), "nothing is written"
