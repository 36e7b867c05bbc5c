""""Jetzt geöffnet" and "In meiner Nähe" in a real browser, on a small site of
known hours and places (Tests/Fixtures/sites/open-near/), with the clock, the
time zone and the position fixed through the DevTools protocol:

- `Emulation.setTimezoneOverride` puts the browser in another zone than the
  site's (New York): the state must still be the site's (Europe/Berlin);
- a `Date` that starts at a given instant is injected with
  `Page.addScriptToEvaluateOnNewDocument`, before any script of the page runs;
- `Emulation.setGeolocationOverride` and `Browser.grantPermissions` give the
  "In meiner Nähe" button a position.
Each check runs at phone (320 px) and desktop width."""

from __future__ import annotations

import contextlib
import math
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO, build_site, serve, set_viewport

TIMEOUT = 10
WIDTHS = [pytest.param(320, id="phone"), pytest.param(1280, id="desktop")]

# The fixture's published locations (the confidential Schutzraum has none).
POINTS = {
    "Beratung Mitte": (51.5347, 7.6889),
    "Beratung Nord": (51.5917, 7.6653),
    "Nachtcafé": (51.5400, 7.7000),
    "Beratung ohne Zeiten": (51.6639, 7.6336),
}

FIXED_DATE = """
(() => {
  const fixed = %d, Real = Date, started = Real.now();
  const now = () => fixed + (Real.now() - started);
  class FixedDate extends Real {
    constructor(...args) { if (args.length) super(...args); else super(now()); }
    static now() { return now(); }
  }
  window.Date = FixedDate;
})();
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    built = build_site(REPO / "Tests/Fixtures/sites/open-near", tmp_path_factory.mktemp("open-near") / "public")
    with serve(built) as url:
        yield url


@contextlib.contextmanager
def moment(driver, iso_utc: str, zone: str = "America/New_York"):
    """Pages opened inside see `iso_utc` as now, in a browser set to `zone`."""
    from datetime import datetime
    millis = int(datetime.fromisoformat(iso_utc.replace("Z", "+00:00")).timestamp() * 1000)
    driver.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": zone})
    script = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FIXED_DATE % millis})
    try:
        yield
    finally:
        driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})
        driver.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": ""})


def wait_for(driver, condition, message: str):
    return WebDriverWait(driver, TIMEOUT).until(lambda d: condition(d), message)


def results(driver) -> list[dict]:
    out = []
    for item in driver.find_elements(By.CSS_SELECTOR, "#search-results li"):
        def text(selector):
            found = item.find_elements(By.CSS_SELECTOR, selector)
            return found[0].text if found else ""
        out.append({"title": item.find_element(By.CSS_SELECTOR, "h2 a").text,
                    "open": text(".search-open"), "distance": text(".search-distance")})
    return out


def status(driver) -> str:
    return driver.find_element(By.ID, "search-status").text


def found(driver) -> int:
    match = re.search(r"(\d+) Angebote? gefunden", status(driver))
    return int(match.group(1)) if match else 0


def search(driver, url: str) -> list[dict]:
    """Opens a search URL and waits until the results the status announces are listed."""
    driver.get(url)
    wait_for(driver, lambda d: re.search(r"Angebot", status(d)) and len(results(d)) == min(10, found(d)),
             f"no results listed on {url}")
    return results(driver)


def no_horizontal_scroll(driver) -> bool:
    return driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")


def km(a, b) -> float:
    """Haversine, independent of geo.js."""
    (la1, lo1), (la2, lo2) = [(math.radians(x), math.radians(y)) for x, y in (a, b)]
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def german_km(value: float) -> str:
    return f"ca. {round(value)} km" if value >= 9.95 else "ca. " + f"{max(0.1, round(value, 1)):.1f}".replace(".", ",") + " km"


# ---- Open now -------------------------------------------------------------

@pytest.mark.parametrize("width", WIDTHS)
def test_open_now_on_a_tuesday_morning(browser, site, width):
    set_viewport(browser, width, 800, mobile=width < 600)
    with moment(browser, "2026-12-01T08:00:00Z"):  # Tuesday, 9:00 in the site's zone (3:00 in New York)
        shown = search(browser, site + "/suche/?offen=jetzt")
        assert [r["title"] for r in shown] == ["Beratung Mitte", "Notruf rund um die Uhr", "Schutzraum"]
        by_title = {r["title"]: r for r in shown}
        assert by_title["Beratung Mitte"]["open"] == "Jetzt geöffnet bis 12:30"
        assert by_title["Notruf rund um die Uhr"]["open"] == "Jetzt geöffnet, rund um die Uhr"
        assert "3 Angebote gefunden." in status(browser)
        assert "1 Angebot ohne Öffnungszeiten ist nicht dabei." in status(browser)
        checkbox = browser.find_element(By.ID, "search-offen")
        assert checkbox.is_selected()
        label = browser.find_element(By.CSS_SELECTOR, "label[for=search-offen]")
        assert label.text == "Jetzt geöffnet" and label.is_displayed()
        assert no_horizontal_scroll(browser)


def test_unchecking_open_now_lists_the_closed_with_when_they_open(browser, site):
    with moment(browser, "2026-12-01T12:00:00Z"):  # Tuesday 13:00
        search(browser, site + "/suche/?q=beratung&offen=jetzt")
        wait_for(browser, lambda d: "Kein Angebot gefunden." in status(d), status(browser))
        browser.find_element(By.CSS_SELECTOR, "label[for=search-offen]").click()
        wait_for(browser, lambda d: "offen" not in parse_qs(urlsplit(d.current_url).query) and results(d),
                 "the filter stayed in the URL")
        by_title = {r["title"]: r for r in results(browser)}
        assert by_title["Beratung Mitte"]["open"] == "Geschlossen – öffnet heute um 14:00"
        assert by_title["Beratung Nord"]["open"] == "Geschlossen – öffnet Samstag um 10:00"
        assert by_title["Beratung ohne Zeiten"]["open"] == "", "no hours, no claim"


@pytest.mark.parametrize("iso, expected", [
    ("2026-12-04T22:30:00Z", {"Nachtcafé": "Jetzt geöffnet bis 2:00"}),  # Friday 23:30
    ("2026-12-05T00:30:00Z", {"Nachtcafé": "Jetzt geöffnet bis 2:00"}),  # Saturday 1:30, after midnight
    ("2026-12-05T09:30:00Z", {"Beratung Nord": "Jetzt geöffnet bis 14:00"}),  # Saturday 10:30
    ("2026-12-06T11:00:00Z", {}),  # Sunday noon: only the round-the-clock line
])
def test_open_now_at_moments_of_the_week(browser, site, iso, expected):
    with moment(browser, iso):
        shown = search(browser, site + "/suche/?offen=jetzt")
        assert {r["title"]: r["open"] for r in shown} == {**expected, "Notruf rund um die Uhr": "Jetzt geöffnet, rund um die Uhr"}


@pytest.mark.parametrize("iso, next_opening", [
    ("2026-12-25T09:00:00Z", "Geschlossen – öffnet Montag um 8:00"),  # 1. Weihnachtstag (Friday)
    ("2027-03-26T09:00:00Z", "Geschlossen – öffnet Dienstag um 8:00"),  # Karfreitag, then Ostermontag
    ("2026-06-04T08:00:00Z", "Geschlossen – öffnet morgen um 8:00"),  # Fronleichnam (Thursday)
])
def test_a_holiday_is_closed(browser, site, iso, next_opening):
    with moment(browser, iso):
        shown = search(browser, site + "/suche/?offen=jetzt")
        assert [r["title"] for r in shown] == ["Notruf rund um die Uhr"], "only the round-the-clock line is open"
        browser.get(site + "/angebote/beratung-mitte/")
        state = browser.find_element(By.CSS_SELECTOR, ".open-state")
        wait_for(browser, lambda d: state.text, "the offer page shows no state")
        assert state.text == next_opening


@pytest.mark.parametrize("width", WIDTHS)
def test_offer_page_says_whether_it_is_open(browser, site, width):
    set_viewport(browser, width, 800, mobile=width < 600)
    with moment(browser, "2026-12-01T08:00:00Z"):
        browser.get(site + "/angebote/beratung-mitte/")
        state = browser.find_element(By.CSS_SELECTOR, ".open-state")
        wait_for(browser, lambda d: state.is_displayed(), "the state stays hidden")
        assert state.text == "Jetzt geöffnet bis 12:30"
        assert no_horizontal_scroll(browser)
    with moment(browser, "2026-12-01T17:30:00Z"):  # Tuesday 18:30
        browser.get(site + "/angebote/beratung-mitte/")
        state = browser.find_element(By.CSS_SELECTOR, ".open-state")
        wait_for(browser, lambda d: state.is_displayed(), "the state stays hidden")
        assert state.text == "Geschlossen – öffnet morgen um 8:00"


# ---- Near me --------------------------------------------------------------

def expected_order(origin, titles):
    with_point = sorted((t for t in titles if t in POINTS), key=lambda t: km(origin, POINTS[t]))
    return with_point + sorted(t for t in titles if t not in POINTS)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("origin", [(51.5917, 7.6653), (51.6639, 7.6336), (51.52, 7.72)])
def test_nahe_lists_by_distance(browser, site, width, origin):
    set_viewport(browser, width, 800, mobile=width < 600)
    shown = search(browser, site + f"/suche/?nahe={origin[0]},{origin[1]}")
    titles = [r["title"] for r in shown]
    assert titles == expected_order(origin, titles)
    assert set(titles) == set(POINTS) | {"Notruf rund um die Uhr", "Schutzraum"}
    for r in shown:
        if r["title"] in POINTS:
            assert r["distance"] == german_km(km(origin, POINTS[r["title"]])), r
        else:
            assert r["distance"] == "", f"{r['title']} has no published coordinates"
    assert "Sortiert nach Entfernung von Ihrem Standort." in status(browser)
    assert no_horizontal_scroll(browser)


def test_nahe_with_a_query_and_open_now(browser, site):
    origin = (51.6639, 7.6336)
    shown = search(browser, site + f"/suche/?q=beratung&nahe={origin[0]},{origin[1]}")
    assert [r["title"] for r in shown] == ["Beratung ohne Zeiten", "Beratung Nord", "Beratung Mitte"]
    with moment(browser, "2026-12-01T08:00:00Z"):
        shown = search(browser, site + f"/suche/?q=beratung&nahe={origin[0]},{origin[1]}&offen=jetzt")
        assert [r["title"] for r in shown] == ["Beratung Mitte"]
        assert shown[0]["distance"] == german_km(km(origin, POINTS["Beratung Mitte"]))


@pytest.mark.parametrize("typed, origin", [
    ("Beta", (51.5917, 7.6653)), ("59368", (51.6639, 7.6336)), ("Nordfeld", (51.5917, 7.6653)),
])
def test_a_town_or_postal_code_typed_is_taken_from_the_site(browser, site, typed, origin):
    shown = search(browser, site + "/suche/?nahe=" + typed)
    titles = [r["title"] for r in shown]
    assert titles == expected_order(origin, titles)
    assert f"Sortiert nach Entfernung von {typed}." in status(browser)


def test_an_unknown_place_says_so(browser, site):
    search(browser, site + "/suche/?nahe=Atlantis")
    assert "Den Ort „Atlantis“ kennen wir nicht" in status(browser)
    shown = search(browser, site + "/suche/?q=beratung&nahe=Atlantis")
    assert [r["title"] for r in shown] == ["Beratung Mitte", "Beratung Nord", "Beratung ohne Zeiten"], "title order"
    assert all(r["distance"] == "" for r in shown)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_button_puts_the_rounded_position_in_the_url(browser, site, width):
    set_viewport(browser, width, 800, mobile=width < 600)
    origin = (51.66391234, 7.63364321)
    browser.execute_cdp_cmd("Browser.grantPermissions", {"permissions": ["geolocation"], "origin": site})
    browser.execute_cdp_cmd("Emulation.setGeolocationOverride",
                            {"latitude": origin[0], "longitude": origin[1], "accuracy": 20})
    try:
        browser.get(site + "/suche/?q=beratung")
        wait_for(browser, lambda d: results(d), "no results")
        button = browser.find_element(By.ID, "search-locate")
        assert button.is_displayed() and button.text == "In meiner Nähe"
        button.click()
        wait_for(browser, lambda d: "nahe" in parse_qs(urlsplit(d.current_url).query), "the position is not in the URL")
        params = parse_qs(urlsplit(browser.current_url).query)
        assert params["nahe"] == ["51.664,7.634"], "rounded to 3 decimals (about 100 m)"
        assert params["q"] == ["beratung"]
        wait_for(browser, lambda d: "Entfernung" in status(d), status(browser))
        assert [r["title"] for r in results(browser)][0] == "Beratung ohne Zeiten"
        assert browser.find_element(By.ID, "search-nahe").get_attribute("value") == "51.664,7.634"
        assert no_horizontal_scroll(browser)
    finally:
        browser.execute_cdp_cmd("Emulation.clearGeolocationOverride", {})
        browser.execute_cdp_cmd("Browser.resetPermissions", {})
