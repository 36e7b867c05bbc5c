"""Fixtures and helpers for the browser and HTML-conformance tests.

Builds the site once per session with the wegweiser binary (`build_site`),
serves it on 127.0.0.1 (`serve`), drives Debian's headless Chromium through
chromedriver, and offers helpers to record a page's network requests, change the viewport, find one page
of each kind in the built site and parse a page's links. Other test files in
this folder (test_pages.py, test_search.py) reuse all of it.

Env:
  WEGWEISER_BIN   generator binary (default <repo>/.build/debug/wegweiser)
  WEGWEISER_SITE  an already built site folder; skips the build
  CHROMIUM_BIN    Chromium binary (default /usr/bin/chromium)
  CHROMEDRIVER    chromedriver binary (default /usr/bin/chromedriver)
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import subprocess
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

import pytest

# Selenium must never try to download a driver or browser: there is no network.
os.environ.setdefault("SE_OFFLINE", "true")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
DEFAULT_BIN = REPO / ".build" / "debug" / "wegweiser"
CHROMIUM_BIN = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")

DESKTOP_SIZE = (1280, 900)
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


# --------------------------------------------------------------------------
# The built site
# --------------------------------------------------------------------------

@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The generated site: built once per session, or taken from WEGWEISER_SITE."""
    prebuilt = os.environ.get("WEGWEISER_SITE")
    if prebuilt:
        site = Path(prebuilt).resolve()
        if not (site / "index.html").is_file():
            pytest.fail(f"WEGWEISER_SITE={prebuilt} has no index.html: not a built site",
                        pytrace=False)
        return site
    return build_site(REPO / "content", tmp_path_factory.mktemp("site") / "public")


def generator_binary() -> Path:
    """The wegweiser binary to build with (WEGWEISER_BIN); fails the test when missing."""
    binary = Path(os.environ.get("WEGWEISER_BIN", DEFAULT_BIN))
    if not (binary.is_file() and os.access(binary, os.X_OK)):
        pytest.fail(
            f"the generator binary {binary} does not exist or is not executable. "
            "Build it first (`swift build`), or set WEGWEISER_BIN to the binary, "
            "or WEGWEISER_SITE to an already built site folder.",
            pytrace=False,
        )
    return binary


def build_site(content: Path, output: Path) -> Path:
    """Build `content` with the repository's templates into `output`; fails the test on errors."""
    binary = generator_binary()
    command = [str(binary), "build",
               "--content", str(content),
               "--templates", str(REPO / "templates"),
               "--output", str(output)]
    try:
        result = subprocess.run(command, cwd=REPO, capture_output=True, text=True,
                                timeout=600)
    except subprocess.TimeoutExpired:
        pytest.fail(f"`{' '.join(command)}` did not finish within 600 s", pytrace=False)
    if result.returncode != 0:
        pytest.fail(
            f"`{' '.join(command)}` failed with exit code {result.returncode}:\n"
            f"{result.stdout}{result.stderr}",
            pytrace=False,
        )
    if not (output / "index.html").is_file():
        pytest.fail(f"the build succeeded but wrote no {output / 'index.html'}\n"
                    f"{result.stdout}{result.stderr}", pytrace=False)
    return output


def html_files(site: Path) -> list[Path]:
    """Every .html file of the built site, sorted."""
    return sorted(p for p in site.rglob("*.html") if p.is_file())


def url_path_of(site: Path, file: Path) -> str:
    """The URL path under which `file` is served: `/orte/unna/` for orte/unna/index.html."""
    relative = file.relative_to(site).as_posix()
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative[: -len("index.html")]
    return "/" + relative


def file_of(site: Path, url_path: str) -> Path | None:
    """The file that serves `url_path` (a path, query and fragment ignored), if any."""
    path = unquote(urlsplit(url_path).path)
    target = (site / path.lstrip("/")).resolve()
    try:
        target.relative_to(site.resolve())
    except ValueError:
        return None
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


# --------------------------------------------------------------------------
# Parsing pages (no browser)
# --------------------------------------------------------------------------

@dataclass
class Link:
    href: str
    text: str
    in_main: bool
    in_footer: bool
    in_header: bool


@dataclass
class ParsedPage:
    links: list[Link] = field(default_factory=list)
    main_ids: list[str] = field(default_factory=list)
    h1: str = ""
    has_viewport_meta: bool = False


class _PageParser(HTMLParser):
    """Collects links (with where they sit: main, header, footer) and a few facts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self._depth = {"main": 0, "footer": 0, "header": 0}
        self._link: dict | None = None
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        attributes = {k: (v or "") for k, v in attrs}
        if tag in self._depth:
            self._depth[tag] += 1
            if tag == "main" and attributes.get("id"):
                self.page.main_ids.append(attributes["id"])
        elif tag == "a" and "href" in attributes:
            self._link = {"href": attributes["href"],
                          "text": [attributes.get("aria-label", "")]}
        elif tag == "img" and self._link is not None:
            self._link["text"].append(attributes.get("alt", ""))
        elif tag == "h1":
            self._in_h1 = True
        elif tag == "meta" and attributes.get("name", "").lower() == "viewport":
            self.page.has_viewport_meta = True

    def handle_endtag(self, tag):
        if tag in self._depth and self._depth[tag] > 0:
            self._depth[tag] -= 1
        elif tag == "a" and self._link is not None:
            text = " ".join(" ".join(self._link["text"]).split())
            self.page.links.append(Link(
                href=self._link["href"], text=text,
                in_main=self._depth["main"] > 0,
                in_footer=self._depth["footer"] > 0,
                in_header=self._depth["header"] > 0))
            self._link = None
        elif tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._link is not None:
            self._link["text"].append(data)
        if self._in_h1:
            self.page.h1 += data


@functools.lru_cache(maxsize=None)
def parse_page(file: Path) -> ParsedPage:
    parser = _PageParser()
    parser.feed(file.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    parser.page.h1 = " ".join(parser.page.h1.split())
    return parser.page


def resolve_href(page_url_path: str, href: str) -> str | None:
    """The site-local path an href points to, or None for other hosts and schemes."""
    absolute = urljoin("http://127.0.0.1" + page_url_path, href.strip())
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https") or parts.hostname not in LOCAL_HOSTS:
        return None
    return parts.path


# --------------------------------------------------------------------------
# One page of each kind
# --------------------------------------------------------------------------

# Kind → what it is; the tests are parametrised by these names, so a failure
# says which kind of page broke, and the message gives its concrete URL.
PAGE_KINDS = {
    "home": "/",
    "town": "/orte/<first town>/",
    "phase": "/lebensphasen/<first phase>/",
    "town-phase": "/orte/<town>/<phase>/ with offers",
    "area": "/themen/<first area>/",
    "offer": "/angebote/<first slug>/",
    "search": "/suche/",
    "search-query": "/suche/?q=<a word of the first offer's title>",
    "plain": "/impressum/ (or another plain page)",
    "shortlist": "/merkliste/",
    "not-found": "/404.html",
    "coverage": "/netzwerk/abdeckung/",
}

_SECTION_DIRS = {"orte", "lebensphasen", "themen", "angebote", "suche", "netzwerk", "hsds", "merkliste"}


def _first_linked(site: Path, pattern: re.Pattern) -> str | None:
    """The first link of the home page whose path matches `pattern` (site order)."""
    home = site / "index.html"
    if not home.is_file():
        return None
    for link in parse_page(home).links:
        path = resolve_href("/", link.href)
        if path and pattern.fullmatch(path) and file_of(site, path):
            return path
    return None


def _first_dir(site: Path, *parts: str) -> str | None:
    base = site.joinpath(*parts)
    if not base.is_dir():
        return None
    for child in sorted(base.iterdir()):
        if (child / "index.html").is_file():
            return "/" + "/".join(parts) + f"/{child.name}/"
    return None


def offer_links(site: Path, url_path: str) -> list[str]:
    """Paths of the offer pages linked from the main content of a page."""
    file = file_of(site, url_path)
    if file is None:
        return []
    found = []
    for link in parse_page(file).links:
        path = resolve_href(url_path, link.href)
        if link.in_main and path and re.fullmatch(r"/angebote/[^/]+/(index\.html)?", path):
            found.append(path)
    return found


def discover_pages(site: Path) -> dict[str, str | None]:
    """One concrete URL path per page kind, found by walking the built site."""
    pages: dict[str, str | None] = {"home": "/" if (site / "index.html").is_file() else None}
    pages["town"] = (_first_linked(site, re.compile(r"/orte/[^/]+/"))
                     or _first_dir(site, "orte"))
    pages["phase"] = (_first_linked(site, re.compile(r"/lebensphasen/[^/]+/"))
                      or _first_dir(site, "lebensphasen"))

    pages["town-phase"] = None
    orte = site / "orte"
    if orte.is_dir():
        for cell in sorted(orte.glob("*/*/index.html")):
            path = url_path_of(site, cell)
            if offer_links(site, path):
                pages["town-phase"] = path
                break

    pages["area"] = (_first_linked(site, re.compile(r"/themen/[^/]+/"))
                     or _first_dir(site, "themen"))
    pages["offer"] = _first_dir(site, "angebote")
    pages["search"] = "/suche/" if (site / "suche" / "index.html").is_file() else None
    pages["search-query"] = None
    if pages["search"] and pages["offer"]:
        title = parse_page(file_of(site, pages["offer"])).h1
        words = [w for w in re.findall(r"\w+", title) if len(w) >= 4 and not w.isdigit()]
        if words:
            pages["search-query"] = f"/suche/?q={quote(words[0])}"

    pages["plain"] = None
    if (site / "impressum" / "index.html").is_file():
        pages["plain"] = "/impressum/"
    else:
        for child in sorted(site.iterdir()):
            if child.name not in _SECTION_DIRS and (child / "index.html").is_file():
                pages["plain"] = f"/{child.name}/"
                break

    pages["shortlist"] = "/merkliste/" if (site / "merkliste" / "index.html").is_file() else None
    pages["not-found"] = "/404.html" if (site / "404.html").is_file() else None
    pages["coverage"] = ("/netzwerk/abdeckung/"
                         if (site / "netzwerk" / "abdeckung" / "index.html").is_file() else None)
    return pages


@pytest.fixture(scope="session")
def site_pages(site_dir) -> dict[str, str | None]:
    return discover_pages(site_dir)


@pytest.fixture
def page_path(kind, site_pages) -> str:
    """The URL path of the page kind the test is parametrised with (`kind`)."""
    path = site_pages.get(kind)
    if path is None:
        pytest.fail(f"the built site has no page of kind '{kind}' "
                    f"({PAGE_KINDS.get(kind, '?')}); SPEC.md §3 requires one",
                    pytrace=False)
    return path


# --------------------------------------------------------------------------
# HTTP server
# --------------------------------------------------------------------------

class _SiteHandler(SimpleHTTPRequestHandler):
    """Serves the built site like a static host: index.html for folders, 404.html for misses."""

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".html": "text/html; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
        ".mjs": "text/javascript; charset=utf-8",
        ".json": "application/json",
        ".xml": "application/xml",
        ".svg": "image/svg+xml",
        ".txt": "text/plain; charset=utf-8",
        ".webmanifest": "application/manifest+json",
    }

    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.is_file():
            return super().send_error(code, message, explain)
        body = not_found.read_bytes()
        self.send_response(404, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def serve(directory: Path):
    """Serve a built site; yields `http://127.0.0.1:<port>` (no trailing slash)."""
    handler = functools.partial(_SiteHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def base_url(site_dir):
    """`http://127.0.0.1:<port>` serving the built site (no trailing slash)."""
    with serve(site_dir) as url:
        yield url


# --------------------------------------------------------------------------
# Browser
# --------------------------------------------------------------------------

def _chrome_options() -> webdriver.ChromeOptions:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM_BIN
    for argument in (
        "--headless=new",
        "--no-sandbox",                 # we run as root in a container
        "--disable-dev-shm-usage",      # /dev/shm is small in containers
        "--disable-gpu",
        f"--window-size={DESKTOP_SIZE[0]},{DESKTOP_SIZE[1]}",
        "--lang=de-DE",
        "--hide-scrollbars",            # scrollbars would change widths between runs
        "--force-device-scale-factor=1",
        # Chromium's own traffic (updates, sync, field trials) is not the page's.
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-default-apps",
        "--disable-extensions",
        "--disable-sync",
        "--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    options.add_experimental_option("perfLoggingPrefs",
                                    {"enableNetwork": True, "enablePage": False})
    return options


@pytest.fixture(scope="session")
def driver():
    """Headless Chromium (Debian's), 1280×900, shared by the whole session."""
    for path in (CHROMIUM_BIN, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            pytest.fail(f"{path} is missing: run `bash Tests/browser/install-deps.sh`",
                        pytrace=False)
    browser = webdriver.Chrome(options=_chrome_options(), service=Service(CHROMEDRIVER))
    browser.set_page_load_timeout(30)
    browser.set_script_timeout(60)
    try:
        yield browser
    finally:
        browser.quit()


@pytest.fixture
def browser(driver):
    """The session's driver, put back to desktop size and screen media after the test."""
    yield driver
    reset_viewport(driver)
    set_media(driver, "")


def set_viewport(driver, width: int, height: int = 640, mobile: bool = True) -> None:
    """Emulate a device viewport, `width` CSS pixels wide (a phone when `mobile`).

    With `mobile`, Chromium honours `<meta name="viewport">` as a phone does: a
    page without it gets a 980 px layout viewport, as on a real phone.
    """
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile,
    })


def reset_viewport(driver) -> None:
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@contextlib.contextmanager
def viewport(driver, width: int, height: int = 640, mobile: bool = True):
    set_viewport(driver, width, height, mobile)
    try:
        yield driver
    finally:
        reset_viewport(driver)


def set_narrow_viewport(driver) -> None:
    """The narrowest screen the site must work on (SPEC.md §3): 320 px."""
    set_viewport(driver, 320, 640, mobile=True)


def set_media(driver, media: str) -> None:
    """Emulate CSS media type `print` or `screen`; "" goes back to normal."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})


# --------------------------------------------------------------------------
# Network requests
# --------------------------------------------------------------------------

@dataclass
class Request:
    url: str
    resource_type: str
    method: str
    status: int | None = None   # HTTP status of the response, once received
    error: str | None = None    # Chromium's errorText when the load failed
    sent: float | None = None      # Chromium's monotonic time (s) when it was sent
    answered: float | None = None  # … and when its response arrived

    @property
    def host(self) -> str | None:
        return urlsplit(self.url).hostname

    @property
    def is_local(self) -> bool:
        """True for 127.0.0.1 and for URLs that never reach the network (data:, blob:)."""
        scheme = urlsplit(self.url).scheme
        if scheme in ("data", "blob", "about", "javascript", "chrome-error"):
            return True
        return self.host in LOCAL_HOSTS


class NetworkRecorder:
    """Records every request the page makes, from Chromium's performance log.

    The log holds the DevTools `Network.*` events of the page; `get_log` drains
    it, so the recorder reads it only inside `open`.
    """

    def __init__(self, driver) -> None:
        self.driver = driver

    def _events(self) -> list[dict]:
        events = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method", "").startswith("Network."):
                events.append(message)
        return events

    def open(self, url: str, quiet: float = 0.5, timeout: float = 15.0) -> list[Request]:
        """Load `url`, wait until the network is idle, return every request made."""
        self._events()  # drop what earlier pages left in the log
        self.driver.get(url)
        return self.wait_idle(quiet=quiet, timeout=timeout)

    def wait_idle(self, quiet: float = 0.5, timeout: float = 15.0) -> list[Request]:
        """Wait until no request awaits its response and the log was quiet for `quiet` s.

        Returns the requests seen since the log was last read.
        """
        requests: list[Request] = []
        by_id: dict[str, Request] = {}
        pending: set[str] = set()
        deadline = time.monotonic() + timeout
        last_activity = time.monotonic()
        while True:
            events = self._events()
            for event in events:
                params = event.get("params", {})
                method = event["method"]
                request_id = params.get("requestId")
                if method == "Network.requestWillBeSent":
                    request = params.get("request", {})
                    if request_id in by_id and "redirectResponse" in params:
                        by_id[request_id].status = params["redirectResponse"].get("status")
                    entry = Request(url=request.get("url", ""),
                                    resource_type=params.get("type", ""),
                                    method=request.get("method", ""),
                                    sent=params.get("timestamp"))
                    requests.append(entry)
                    by_id[request_id] = entry
                    pending.add(request_id)
                elif method in ("Network.responseReceived", "Network.loadingFinished",
                                "Network.loadingFailed"):
                    # A response counts as done: a body the page never reads (a
                    # fetch() whose JSON is not awaited) never reports loadingFinished.
                    pending.discard(request_id)
                    entry = by_id.get(request_id)
                    if entry and method == "Network.responseReceived":
                        entry.status = params.get("response", {}).get("status")
                        entry.answered = params.get("timestamp")
                    elif entry and method == "Network.loadingFailed":
                        entry.error = params.get("errorText") or "failed"
                elif method == "Network.webSocketCreated":
                    requests.append(Request(url=params.get("url", ""),
                                            resource_type="WebSocket", method="GET"))
            now = time.monotonic()
            if events:
                last_activity = now
            ready = self.driver.execute_script("return document.readyState") == "complete"
            if ready and not pending and now - last_activity >= quiet:
                return requests
            if now > deadline:
                return requests
            time.sleep(0.1)


@pytest.fixture(scope="session")
def network(driver) -> NetworkRecorder:
    return NetworkRecorder(driver)


@pytest.fixture
def open_page(browser, base_url, network):
    """`open_page("/orte/unna/")` loads a site page and returns the requests it made."""
    def load(path: str) -> list[Request]:
        return network.open(base_url + path)
    return load
