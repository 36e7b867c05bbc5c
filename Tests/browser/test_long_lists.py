"""Long lists (SPEC §3 "Long lists stay short") in the browser: on a generated
site of 1,200 offers, the numbered pages and the cut groups' links are valid
HTML, pass axe's WCAG 2.1 AA rules and do not scroll sideways at 320 px.

The repository's own content has no group long enough to be cut, so the other
browser tests never see this markup; the content here comes from the build
benchmark's deterministic generator (bench/build/generate-content.py).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from selenium_axe_python import Axe

from conftest import REPO, build_site, html_files, serve, set_narrow_viewport, url_path_of
from test_pages import _AXE_RUN, NARROW, WCAG_TAGS, format_violations, vnu_jar

OFFERS = 1200


@pytest.fixture(scope="module")
def long_site(tmp_path_factory):
    content = tmp_path_factory.mktemp("long-content") / "content"
    subprocess.run([sys.executable, str(REPO / "bench" / "build" / "generate-content.py"), str(OFFERS), str(content)],
                   check=True)
    return build_site(content, tmp_path_factory.mktemp("long-site") / "public")


@pytest.fixture(scope="module")
def long_url(long_site):
    with serve(long_site) as url:
        yield url


def paginated_pages(site):
    """Every page with page links, sorted."""
    return [f for f in html_files(site) if 'class="pagination"' in f.read_text(encoding="utf-8")]


def sample_pages(site):
    """A first page with cut groups, a numbered page of it, and a numbered cell page."""
    paths = [url_path_of(site, f) for f in paginated_pages(site)]
    first = next(p for p in paths if p.startswith("/themen/") and "/seite/" not in p)
    numbered = next(p for p in paths if p.startswith("/themen/") and p.endswith("/seite/2/"))
    cell = next(p for p in paths if p.startswith("/orte/") and p.count("/") == 6)
    return [first, numbered, cell]


def test_long_lists_are_cut_and_numbered(long_site):
    pages = paginated_pages(long_site)
    assert len(pages) > 10, f"only {len(pages)} numbered lists in a site of {OFFERS} offers"
    assert any('class="group__more"' in f.read_text(encoding="utf-8") for f in pages)


def test_numbered_pages_are_valid_html(long_site):
    files = paginated_pages(long_site)
    result = subprocess.run(["java", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *map(str, files)],
                            capture_output=True, text=True, timeout=900)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    assert not errors, "\n".join(f"{m.get('url')}:{m.get('lastLine')}: {m.get('message')}" for m in errors[:20])


@pytest.mark.parametrize("which", [0, 1, 2], ids=["first-page", "numbered-page", "numbered-cell-page"])
def test_numbered_pages_meet_wcag21_aa(which, long_site, long_url, browser, network):
    path = sample_pages(long_site)[which]
    network.open(long_url + path)
    axe = Axe(browser)
    axe.inject()
    result = browser.execute_async_script(_AXE_RUN, {
        "runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    assert "error" not in result, f"axe-core failed on {path}: {result.get('error')}"
    assert not result["violations"], f"WCAG 2.1 AA violations on {path}:\n{format_violations(result['violations'])}"


@pytest.mark.parametrize("which", [0, 1, 2], ids=["first-page", "numbered-page", "numbered-cell-page"])
def test_numbered_pages_fit_320px(which, long_site, long_url, browser, network):
    path = sample_pages(long_site)[which]
    set_narrow_viewport(browser)
    network.open(long_url + path)
    scroll_width = browser.execute_script("return document.documentElement.scrollWidth;")
    assert scroll_width <= NARROW, f"{path} scrolls sideways at {NARROW} px ({scroll_width} px wide)"
