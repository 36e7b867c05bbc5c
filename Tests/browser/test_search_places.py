"""Search by place in a real browser: a district a family types finds the
offers held there, although their text never names it (the index has the
places' names, districts and cities; never a street)."""

from __future__ import annotations

from selenium.webdriver.common.by import By

from test_search import found, results, status, wait_for


def test_a_district_typed_finds_the_offers_held_there(browser, base_url):
    browser.get(base_url + "/suche/")
    box = browser.find_element(By.ID, "search-q")
    wait_for(browser, lambda d: status(d), "the script did not start")
    # Weddinghofen (Bergkamen) is the district of the Babysitterkurs's place
    # and of one of Griffbereit's; neither offer's text says it.
    box.send_keys("Weddinghofen")
    wait_for(browser, lambda d: results(d), "no results for a district")
    titles = [r["title"] for r in results(browser)]
    assert found(browser) == 2, status(browser)
    assert any("Babysitterkurs" in t for t in titles), titles
    assert any("Griffbereit" in t for t in titles), titles


def test_a_street_finds_nothing(browser, base_url):
    # Kirchstraße 40 is the Hebammensprechstunde's address in Rünthe: shown on
    # its page, not a search term.
    browser.get(base_url + "/suche/?q=kirchstrasse")
    wait_for(browser, lambda d: "Kein" in status(d) or results(d), "no answer for ?q=kirchstrasse")
    assert not any("Hebammensprechstunde" in r["title"] for r in results(browser)), status(browser)
