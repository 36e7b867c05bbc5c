"""The search page in a real browser: state from the URL, results as you type,
filters with counts, the back button. Uses conftest.py's built site (the
repository's content) and headless Chromium."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import uuid
from urllib.parse import parse_qs, urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import REPO, Request, build_site, serve

TIMEOUT = 10


def results(driver) -> list[dict]:
    """The results shown: title, link and place of each."""
    items = driver.find_elements(By.CSS_SELECTOR, "#search-results li")
    out = []
    for item in items:
        link = item.find_element(By.CSS_SELECTOR, "a")
        place = item.find_elements(By.CSS_SELECTOR, ".search-place")
        out.append({"title": link.text, "href": link.get_attribute("href"),
                    "place": place[0].text if place else ""})
    return out


def status(driver) -> str:
    return driver.find_element(By.ID, "search-status").text


def found(driver) -> int:
    """The number of offers the status announces, 0 for none."""
    match = re.search(r"(\d+) Angebot", status(driver))
    return int(match.group(1)) if match else 0


def wait_for(driver, condition, message: str):
    return WebDriverWait(driver, TIMEOUT).until(lambda d: condition(d), message)


def query(driver) -> dict[str, list[str]]:
    return parse_qs(urlsplit(driver.current_url).query)


def test_a_query_in_the_url_lists_offers_best_first(browser, base_url):
    browser.get(base_url + "/suche/?q=hebamme")
    wait_for(browser, lambda d: results(d), "no results for ?q=hebamme")
    shown = results(browser)
    assert all(urlsplit(r["href"]).path.startswith("/angebote/") for r in shown)
    assert any("hebamm" in r["title"].lower() for r in shown[:3]), [r["title"] for r in shown[:3]]
    assert all(r["place"] for r in shown), "each result names its town"
    assert found(browser) >= len(shown) > 0
    assert browser.find_element(By.ID, "search-status").get_attribute("aria-live") == "polite"
    assert browser.find_element(By.ID, "search-q").get_attribute("value") == "hebamme"


def test_typing_updates_the_results_and_the_url(browser, base_url):
    browser.get(base_url + "/suche/")
    box = browser.find_element(By.ID, "search-q")
    wait_for(browser, lambda d: status(d), "the script did not start")
    box.send_keys("schwanger")
    wait_for(browser, lambda d: query(d).get("q") == ["schwanger"], "the URL did not follow the typing")
    wait_for(browser, lambda d: results(d), "no results while typing")
    first = [r["title"] for r in results(browser)]
    assert any("schwanger" in t.lower() for t in first[:3]), first[:3]

    box.send_keys(Keys.CONTROL, "a")
    box.send_keys("schulden")
    wait_for(browser, lambda d: query(d).get("q") == ["schulden"], "the URL did not follow the new words")
    wait_for(browser, lambda d: [r["title"] for r in results(d)] != first, "the results did not change")
    assert any("schuld" in r["title"].lower() for r in results(browser)[:3])

    # A typo where nothing else matches still finds the offer.
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys("erzihungsberatung")
    wait_for(browser, lambda d: query(d).get("q") == ["erzihungsberatung"], "no URL update")
    wait_for(browser, lambda d: any("erzieh" in r["title"].lower() or "beratung" in r["title"].lower()
                                    for r in results(d)[:3]), "the typo found nothing")


def test_offers_with_all_the_words_come_first_and_the_status_says_how_many(browser, base_url):
    # One offer says "psychisch krank"; the Krisendienst ("psychische Krise")
    # has one of the words and follows, as fewer than a page have both.
    browser.get(base_url + "/suche/?q=psychisch+krank")
    wait_for(browser, lambda d: results(d), "no results for ?q=psychisch krank")
    assert re.search(r"\b1 enthält alle Suchwörter, die weiteren einen Teil davon", status(browser)), status(browser)
    titles = [r["title"] for r in results(browser)]
    assert "psychisch" in titles[0].lower(), titles
    assert any("Krisendienst" in t for t in titles[1:]), titles


def test_a_filter_narrows_the_results_shows_counts_and_back_undoes_it(browser, base_url):
    browser.get(base_url + "/suche/?q=beratung")
    wait_for(browser, lambda d: results(d), "no results for beratung")
    before = found(browser)
    town = Select(browser.find_element(By.ID, "search-ort"))
    labels = [o.text for o in town.options[1:]]
    assert all(re.search(r"\(\d+\)$", label) for label in labels), labels
    unna = next(o for o in town.options if o.get_attribute("value") == "unna")
    expected = int(re.search(r"\((\d+)\)$", unna.text).group(1))

    town.select_by_value("unna")
    wait_for(browser, lambda d: query(d).get("ort") == ["unna"], "the filter is not in the URL")
    wait_for(browser, lambda d: found(d) == expected, f"expected {expected} offers in Unna: {status(browser)}")
    assert 0 < expected <= before
    assert all(r["place"] for r in results(browser))

    browser.back()
    wait_for(browser, lambda d: "ort" not in query(d), "back did not restore the URL")
    wait_for(browser, lambda d: found(d) == before, "back did not restore the results")
    assert Select(browser.find_element(By.ID, "search-ort")).first_selected_option.get_attribute("value") == ""


def test_a_filter_alone_lists_its_offers_by_title(browser, base_url):
    browser.get(base_url + "/suche/?thema=gesundheit")
    wait_for(browser, lambda d: results(d), "a filter without words listed nothing")
    titles = [r["title"] for r in results(browser)]
    assert found(browser) >= len(titles) > 0


def test_the_form_works_from_the_keyboard(browser, base_url):
    browser.get(base_url + "/suche/")
    wait_for(browser, lambda d: status(d), "the script did not start")
    box = browser.find_element(By.ID, "search-q")
    box.click()
    box.send_keys("kita", Keys.ENTER)
    wait_for(browser, lambda d: results(d), "Enter did not search")
    assert urlsplit(browser.current_url).path == "/suche/"
    # Tab moves on to the filters: every control is reachable.
    active = browser.switch_to.active_element
    active.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.tag_name in {"button", "select"}


def test_the_page_fetches_only_the_site(browser, base_url):
    browser.get(base_url + "/suche/?q=hebamme")
    wait_for(browser, lambda d: results(d), "no results")
    hosts = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => new URL(e.name).host)")
    assert set(hosts) <= {urlsplit(base_url).netloc}, hosts


@pytest.mark.parametrize("width", [320])
def test_results_fit_a_narrow_phone(browser, base_url, width):
    browser.set_window_size(width, 800)
    try:
        browser.get(base_url + "/suche/?q=familienzentrum")
        wait_for(browser, lambda d: results(d), "no results")
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0
    finally:
        browser.set_window_size(1280, 900)


# --------------------------------------------------------------------------
# Requests in a row before the first results (the issue: at most 3)
# --------------------------------------------------------------------------

LATENCY_MS = 150


@contextlib.contextmanager
def latency(driver, milliseconds: int):
    """Every request takes `milliseconds` longer, so requests made one after
    another stand apart in time from those made together."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": False, "latency": milliseconds, "downloadThroughput": -1, "uploadThroughput": -1})
    try:
        yield
    finally:
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
            "offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})


def places_in_chain(requests: list[Request]) -> dict[str, int]:
    """Each request's place in the chain of requests in a row, by URL path: the
    page is 1, a request sent after a response arrived comes after it."""
    timed = sorted((r for r in requests if r.sent is not None), key=lambda r: r.sent)
    places: dict[int, int] = {}
    for request in timed:
        before = [places[id(o)] for o in timed
                  if id(o) in places and o.answered is not None and o.answered <= request.sent]
        places[id(request)] = 1 + max(before, default=0)
    return {urlsplit(r.url).path: places[id(r)] for r in timed}


def search_requests(requests: list[Request]) -> list[Request]:
    """The page, the index files and any script: what a search waits for."""
    return [r for r in requests
            if urlsplit(r.url).path.startswith("/suche/") or urlsplit(r.url).path.endswith(".js")]


def first_search(browser, network, url: str) -> dict[str, int]:
    with latency(browser, LATENCY_MS):
        requests = network.open(url)
    wait_for(browser, lambda d: results(d), f"no results for {url}")
    paths = [urlsplit(r.url).path for r in requests]
    assert not [p for p in paths if p.endswith("/search.js")], f"the script was fetched: {paths}"
    searched = [urlsplit(r.url).path for r in search_requests(requests)]
    assert len(searched) == len(set(searched)), f"a file was fetched twice (preload not used?): {searched}"
    return places_in_chain(search_requests(requests))


def test_a_first_search_fetches_no_script_and_only_the_index(browser, base_url, network):
    places = first_search(browser, network, base_url + "/suche/?q=hebamme")
    assert places["/suche/"] == 1
    assert places["/suche/index.json"] == 2
    assert max(places.values()) <= 2, places


@pytest.fixture(scope="session")
def split_site(tmp_path_factory):
    """The site with every offer twice (a second copy with its own id), so big
    that its search index is split into shards and record chunks."""
    if os.environ.get("WEGWEISER_SITE") and not os.environ.get("WEGWEISER_BIN"):
        pytest.skip("WEGWEISER_SITE without WEGWEISER_BIN: cannot build the larger site")
    content = tmp_path_factory.mktemp("split") / "content"
    shutil.copytree(REPO / "content", content)
    for offer in sorted((content / "angebote").rglob("*.md")):
        text = re.sub(r"^id: (.+)$", lambda m: f"id: {uuid.uuid5(uuid.NAMESPACE_URL, m.group(1))}",
                      offer.read_text(encoding="utf-8"), count=1, flags=re.M)
        offer.with_name(offer.stem + "-zweitstelle.md").write_text(text, encoding="utf-8")
    site = build_site(content, content.parent / "public")
    assert (site / "suche" / "t").is_dir(), "the index was not split: make the site larger"
    with serve(site) as url:
        yield url


def test_a_first_search_on_a_split_index_needs_three_requests_in_a_row(browser, split_site, network):
    places = first_search(browser, network, split_site + "/suche/?q=hebamme")
    assert places["/suche/"] == 1
    assert places["/suche/index.json"] == 2
    assert places["/suche/t/he.json"] == 2, "the shard waited for index.json"
    records = [p for p in places if p.startswith("/suche/r/")]
    assert records and all(places[p] == 3 for p in records), places
    assert max(places.values()) <= 3, places
