"""The search page in a real browser: state from the URL, results as you type,
filters with counts, the back button. Uses conftest.py's built site (the
repository's content) and headless Chromium."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

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
