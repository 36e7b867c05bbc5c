"""The Merkliste (shortlist) in a real browser: the "Merken" button on an offer page
and on search results, the list at /merkliste/ with what a family needs on paper,
removing with the focus kept, a list from a link (?a=slug,slug) and "Liste
behalten", the print layout (one sheet for a few offers), and the QR code of the
share link read back with zbarimg (Debian's zbar-tools). At phone and desktop width.
"""

from __future__ import annotations

import base64
import json
import re
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import file_of, parse_page, set_media, viewport
from test_pages import WCAG_TAGS, _AXE_RUN, format_violations, vnu_jar

TIMEOUT = 10
KEY = "wegweiser-merkliste"
WIDTHS = [pytest.param(320, id="phone"), pytest.param(1280, id="desktop")]


def wait_for(driver, condition, message: str):
    return WebDriverWait(driver, TIMEOUT).until(lambda d: condition(d), message)


@pytest.fixture(scope="module")
def offers(site_dir) -> dict[str, dict]:
    """The build's Merkliste data: slug → entry."""
    return json.loads((site_dir / "merkliste" / "angebote.json").read_text(encoding="utf-8"))["offers"]


@pytest.fixture
def page(browser, base_url):
    """The browser with an empty Merkliste; `page.open(path)` loads a page of the site."""
    class Page:
        driver = browser

        def open(self, path: str):
            browser.get(base_url + path)
            wait_for(browser, lambda d: d.execute_script("return document.readyState") == "complete",
                     f"{path} did not load")
            return browser

        def saved(self) -> list[str]:
            return json.loads(browser.execute_script(f"return localStorage.getItem('{KEY}') || '[]'"))

        def save(self, slugs: list[str]) -> None:
            browser.execute_script(f"localStorage.setItem('{KEY}', arguments[0])", json.dumps(slugs))

        def entries(self) -> list:
            return browser.find_elements(By.CSS_SELECTOR, "#merkliste-eintraege > li")

        def status(self) -> str:
            return browser.find_element(By.ID, "merkliste-status").text

        def loaded(self, count: int):
            wait_for(browser, lambda d: len(self.entries()) == count and "geladen" not in self.status(),
                     f"the Merkliste does not show {count} entries; status: {self.status()!r}")

    page = Page()
    page.open("/404.html")
    browser.execute_script("localStorage.clear()")
    yield page
    browser.execute_script("localStorage.clear()")


def some_slugs(offers: dict, n: int, *, confidential_first: bool = False) -> list[str]:
    slugs = sorted(offers)
    if confidential_first:
        secret = [s for s in slugs if any("nicht veröffentlicht" in a for a in offers[s].get("addresses", []))]
        assert secret, "the site has no offer with a confidential location"
        slugs = secret[:1] + [s for s in slugs if s != secret[0]]
    return slugs[:n]


def zbar(png: bytes) -> list[str]:
    """What zbarimg reads from a PNG: the texts of its QR codes."""
    with tempfile.NamedTemporaryFile(suffix=".png") as file:
        file.write(png)
        file.flush()
        result = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", file.name],
                                capture_output=True, text=True, timeout=60)
    return [line for line in result.stdout.splitlines() if line]


def visible(element) -> bool:
    return element.is_displayed()


# --------------------------------------------------------------------------
# The button
# --------------------------------------------------------------------------

@pytest.mark.parametrize("width", WIDTHS)
def test_the_offer_page_button_saves_and_says_so(page, site_pages, width):
    slug = urlsplit(site_pages["offer"]).path.rstrip("/").rsplit("/", 1)[1]
    with viewport(page.driver, width, 800, mobile=width < 600):
        driver = page.open(site_pages["offer"])
        button = driver.find_element(By.CSS_SELECTOR, "button[data-shortlist-slug]")
        assert visible(button), "the script did not show the button"
        assert (button.get_attribute("aria-pressed"), button.text) == ("false", "Merken")
        menu = driver.find_element(By.CSS_SELECTOR, ".main-nav a[href$='/merkliste/']")
        assert menu.text == "Merkliste"

        button.click()
        assert (button.get_attribute("aria-pressed"), button.text) == ("true", "Gemerkt")
        assert page.saved() == [slug]
        assert menu.text == "Merkliste (1)"
        announced = driver.find_element(By.ID, "merkliste-ansage")
        assert announced.get_attribute("role") == "status"
        assert announced.get_attribute("textContent") == "Gemerkt. 1 Angebot steht auf der Merkliste."
        right = driver.execute_script("return document.documentElement.scrollWidth")
        assert right <= width, f"the page is {right} px wide at {width} px"

        driver = page.open(site_pages["offer"])
        button = driver.find_element(By.CSS_SELECTOR, "button[data-shortlist-slug]")
        assert button.get_attribute("aria-pressed") == "true", "the state did not survive a reload"
        button.click()
        assert (button.get_attribute("aria-pressed"), button.text) == ("false", "Merken")
        assert page.saved() == []
        assert driver.find_element(By.ID, "merkliste-ansage").get_attribute("textContent") == \
            "Von der Merkliste genommen. Die Merkliste ist leer."


@pytest.mark.parametrize("width", WIDTHS)
def test_each_search_result_has_a_button_named_with_its_offer(page, width):
    with viewport(page.driver, width, 800, mobile=width < 600):
        driver = page.open("/suche/?q=hebamme")
        wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li button[data-shortlist-slug]"),
                 "no Merken button on the results")
        cards = driver.find_elements(By.CSS_SELECTOR, "#search-results ol > li")
        assert len(cards) >= 2
        for card in cards:
            buttons = card.find_elements(By.CSS_SELECTOR, "button[data-shortlist-slug]")
            assert len(buttons) == 1, card.get_attribute("outerHTML")
            title = card.find_element(By.CSS_SELECTOR, "h2 a").text
            name = driver.execute_script(
                "return arguments[0].textContent.replace(/\\s+/g, ' ').trim()", buttons[0])
            assert name == f"Merken: {title}"
        first, second = cards[0], cards[1]
        titles = [c.find_element(By.CSS_SELECTOR, "h2 a").text for c in (first, second)]
        for card in (first, second):
            card.find_element(By.CSS_SELECTOR, "button[data-shortlist-slug]").click()
        assert first.find_element(By.CSS_SELECTOR, "button").get_attribute("aria-pressed") == "true"
        assert len(page.saved()) == 2
        right = driver.execute_script("return document.documentElement.scrollWidth")
        assert right <= width, f"the results are {right} px wide at {width} px"

        page.open("/merkliste/")
        page.loaded(2)
        assert [e.find_element(By.CSS_SELECTOR, "h2 a").text for e in page.entries()] == titles


def test_the_offer_cards_of_a_town_have_buttons_too(page, site_pages):
    driver = page.open(site_pages["town"])
    cards = driver.find_elements(By.CSS_SELECTOR, ".offer-card")
    assert cards
    for card in cards:
        assert len(card.find_elements(By.CSS_SELECTOR, "button[data-shortlist-slug]")) == 1
    button = cards[0].find_element(By.CSS_SELECTOR, "button[data-shortlist-slug]")
    button.click()
    href = cards[0].find_element(By.CSS_SELECTOR, "h3 a").get_attribute("href")
    assert page.saved() == [urlsplit(href).path.strip("/").split("/")[-1]]
    assert button.get_attribute("aria-pressed") == "true"


# --------------------------------------------------------------------------
# The list
# --------------------------------------------------------------------------

@pytest.mark.parametrize("width", WIDTHS)
def test_the_list_shows_what_a_family_needs_on_paper(page, offers, width):
    slugs = some_slugs(offers, 3, confidential_first=True)
    page.save(slugs)
    with viewport(page.driver, width, 800, mobile=width < 600):
        driver = page.open("/merkliste/")
        page.loaded(3)
        assert page.status() == "3 Angebote stehen auf Ihrer Merkliste."
        for entry, slug in zip(page.entries(), slugs):
            offer = offers[slug]
            link = entry.find_element(By.CSS_SELECTOR, "h2 a")
            assert link.text == offer["title"]
            assert urlsplit(link.get_attribute("href")).path == f"/angebote/{slug}/"
            text = entry.text
            assert offer["provider"] in text
            assert f"Zuletzt geprüft\n{offer['updatedText']}" in text
            if "phone" in offer:
                tel = entry.find_element(By.CSS_SELECTOR, "a[href^='tel:']")
                assert (tel.text, tel.get_attribute("href")) == (offer["phone"], offer["phoneURI"])
            for line in offer.get("addresses", []) + offer.get("hours", []):
                assert line in text
        # The confidential offer: its place and the way to reach it, never its street.
        assert "Adresse wird nicht veröffentlicht, bitte anrufen" in page.entries()[0].text
        right = driver.execute_script("return document.documentElement.scrollWidth")
        assert right <= width, f"the Merkliste is {right} px wide at {width} px"


def test_removing_an_entry_keeps_the_focus_and_announces_the_count(page, offers):
    slugs = some_slugs(offers, 3)
    page.save(slugs)
    driver = page.open("/merkliste/")
    page.loaded(3)
    titles = [offers[s]["title"] for s in slugs]

    page.entries()[1].find_element(By.CSS_SELECTOR, "button").click()
    page.loaded(2)
    assert page.saved() == [slugs[0], slugs[2]]
    assert page.status() == f"„{titles[1]}“ ist von der Merkliste genommen. 2 Angebote stehen auf Ihrer Merkliste."
    focused = driver.switch_to.active_element
    assert focused.text == titles[2], "the focus should move to the next entry"

    page.entries()[1].find_element(By.CSS_SELECTOR, "button").click()
    page.loaded(1)
    assert driver.switch_to.active_element.text == titles[0], "after the last entry, the one before"
    assert driver.find_element(By.CSS_SELECTOR, ".main-nav a[href$='/merkliste/']").text == "Merkliste (1)"

    page.entries()[0].find_element(By.CSS_SELECTOR, "button").click()
    page.loaded(0)
    assert driver.switch_to.active_element.tag_name == "h1"
    assert page.status().endswith("Ihre Merkliste ist leer.")
    assert visible(driver.find_element(By.ID, "merkliste-leer"))
    assert not visible(driver.find_element(By.ID, "merkliste-teilen"))


@pytest.mark.parametrize("width", WIDTHS)
def test_a_list_from_a_link_is_shown_and_kept(page, offers, base_url, width):
    own, shared = some_slugs(offers, 3)[:1], some_slugs(offers, 3)[1:]
    page.save(own)
    with viewport(page.driver, width, 800, mobile=width < 600):
        driver = page.open("/merkliste/?a=" + ",".join(shared + ["gibt-es-nicht"]))
        page.loaded(2)
        assert [e.find_element(By.CSS_SELECTOR, "h2 a").text for e in page.entries()] == \
            [offers[s]["title"] for s in shared]
        assert page.status() == "Die geschickte Liste hat 2 Angebote. 1 Angebot gibt es nicht mehr im Wegweiser."
        assert not driver.find_elements(By.CSS_SELECTOR, "#merkliste-eintraege button"), \
            "a list from a link is not edited before it is kept"
        assert page.saved() == own, "opening a link must not change the own list"
        keep = driver.find_element(By.ID, "merkliste-behalten")
        assert visible(keep) and keep.text == "Liste behalten"
        assert driver.find_element(By.ID, "merkliste-geteilt-text").text.endswith(
            "in diesem Browser; Ihr 1 gemerktes Angebot bleibt darauf.")

        keep.click()
        page.loaded(3)
        assert page.saved() == own + shared
        assert driver.current_url == base_url + "/merkliste/"
        assert not visible(driver.find_element(By.ID, "merkliste-geteilt"))
        assert page.status() == "Die Liste ist jetzt auf Ihrer Merkliste gespeichert. 3 Angebote stehen auf Ihrer Merkliste."
        assert driver.switch_to.active_element.tag_name == "h1"
        assert len(driver.find_elements(By.CSS_SELECTOR, "#merkliste-eintraege button")) == 3


def test_without_javascript_the_page_says_what_it_needs(site_dir, site_pages):
    page = (site_dir / "merkliste" / "index.html").read_text(encoding="utf-8")
    noscript = re.search(r"<noscript>(.*?)</noscript>", page, re.S)
    assert noscript and "braucht JavaScript" in noscript.group(1)
    for target in ("/orte/", "/lebensphasen/", "/themen/"):
        assert f'href="{target}"' in noscript.group(1), f"no link to {target} without JavaScript"
    assert re.search(r'<div id="merkliste"[^>]*\shidden>', page), "the list's controls must wait for the script"
    offer = file_of(site_dir, site_pages["offer"]).read_text(encoding="utf-8")
    assert re.search(r'<p class="shortlist-bar" hidden>', offer), "the button must wait for the script"
    assert any(link.href == "/merkliste/" for link in parse_page(site_dir / "index.html").links if link.in_header)


def test_without_javascript_no_button_shows_and_the_page_links_to_browsing(browser, base_url, site_pages):
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get(base_url + site_pages["offer"])
        bar = browser.find_element(By.CSS_SELECTOR, ".shortlist-bar")
        assert not visible(bar), "a Merken button that cannot work is shown"
        browser.get(base_url + "/merkliste/")
        assert not visible(browser.find_element(By.ID, "merkliste"))
        main = browser.find_element(By.TAG_NAME, "main")
        assert "Die Merkliste braucht JavaScript" in main.text
        links = {urlsplit(a.get_attribute("href")).path for a in main.find_elements(By.CSS_SELECTOR, "a") if visible(a)}
        assert {"/orte/", "/lebensphasen/", "/themen/"} <= links, links
        set_media(browser, "print")
        assert not visible(browser.find_element(By.ID, "merkliste"))
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_a_browser_that_refuses_storage_is_told_so(browser, base_url, site_pages):
    blocker = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
        Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', 'SecurityError'); }});
    """})
    try:
        browser.get(base_url + site_pages["offer"])
        assert not visible(browser.find_element(By.CSS_SELECTOR, ".shortlist-bar"))
        browser.get(base_url + "/merkliste/")
        status = WebDriverWait(browser, TIMEOUT).until(
            lambda d: d.find_element(By.ID, "merkliste-status").text, "no word on the Merkliste page")
        assert status.startswith("Ihr Browser erlaubt dieser Website nicht, Daten zu speichern.")
        assert not visible(browser.find_element(By.ID, "merkliste-teilen"))
    finally:
        browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": blocker["identifier"]})


# --------------------------------------------------------------------------
# Share link and QR code
# --------------------------------------------------------------------------

def qr_png(driver) -> bytes:
    svg = driver.find_element(By.CSS_SELECTOR, "#merkliste-qr svg")
    return svg.screenshot_as_png


@pytest.mark.parametrize("width", WIDTHS)
def test_the_qr_code_reads_back_as_the_share_link(page, offers, base_url, width):
    slugs = some_slugs(offers, 5)
    page.save(slugs)
    expected = base_url + "/merkliste/?a=" + ",".join(slugs)
    with viewport(page.driver, width, 900, mobile=width < 600):
        driver = page.open("/merkliste/")
        page.loaded(5)
        link = driver.find_element(By.ID, "merkliste-link")
        assert link.text == expected and link.get_attribute("href") == expected
        driver.execute_script("arguments[0].scrollIntoView()", driver.find_element(By.ID, "merkliste-qr"))
        assert zbar(qr_png(driver)) == [expected]
        title = driver.find_element(By.CSS_SELECTOR, "#merkliste-qr svg title")
        assert expected in title.get_attribute("textContent")

        # The link opens the same list, whose own code is the same link.
        page.driver.execute_script("localStorage.clear()")
        page.open(urlsplit(expected).path + "?" + urlsplit(expected).query)
        page.loaded(5)
        assert zbar(qr_png(driver)) == [expected]


def test_a_long_list_still_fits_a_code(page, offers, base_url):
    slugs = some_slugs(offers, 20)
    page.save(slugs)
    driver = page.open("/merkliste/")
    page.loaded(20)
    version = int(driver.find_element(By.ID, "merkliste-qr").get_attribute("data-version"))
    assert version > 10
    with viewport(driver, 1280, 900, mobile=False):
        driver.execute_script("arguments[0].scrollIntoView()", driver.find_element(By.ID, "merkliste-qr"))
        # Scaled up, so the camera-sized modules of a big code stay several pixels wide.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 1280, "height": 900, "deviceScaleFactor": 3, "mobile": False})
        assert zbar(qr_png(driver)) == [base_url + "/merkliste/?a=" + ",".join(slugs)]


# --------------------------------------------------------------------------
# On paper
# --------------------------------------------------------------------------

def pdf_pages(driver) -> int:
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {
        "paperWidth": 8.27, "paperHeight": 11.69, "printBackground": False})["data"])
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_the_printed_list_has_no_buttons_and_a_readable_code(page, offers, base_url):
    slugs = some_slugs(offers, 6, confidential_first=True)
    page.save(slugs)
    driver = page.open("/merkliste/")
    page.loaded(6)
    set_media(driver, "print")
    buttons = driver.find_elements(By.CSS_SELECTOR, "main button")
    assert buttons and not [b for b in buttons if visible(b)], "buttons are printed"
    assert not visible(driver.find_element(By.CSS_SELECTOR, ".main-nav"))
    assert not visible(driver.find_element(By.CSS_SELECTOR, ".shortlist__intro"))
    assert all(visible(e) for e in page.entries())
    assert visible(driver.find_element(By.ID, "merkliste-link"))
    columns = {e.location["x"] for e in page.entries()}
    assert len(columns) == 2, f"the entries should stand in two columns on paper: {columns}"
    qr = driver.find_element(By.CSS_SELECTOR, "#merkliste-qr svg")
    version = int(driver.find_element(By.ID, "merkliste-qr").get_attribute("data-version"))
    modules = 4 * version + 17 + 8  # with the quiet zone
    millimetres = min(max(35, modules * 0.6), 55)  # 0.6 mm a module, 3.5 to 5.5 cm
    assert abs(qr.size["width"] - millimetres * 96 / 25.4) <= 3, \
        f"the code of version {version} is {qr.size['width']} px wide on paper, not {millimetres} mm"
    driver.execute_script("arguments[0].scrollIntoView()", qr)
    assert zbar(qr.screenshot_as_png) == [base_url + "/merkliste/?a=" + ",".join(slugs)]
    set_media(driver, "")
    assert pdf_pages(driver) == 1, "six offers should fit one A4 sheet"


def test_a_longer_list_takes_few_sheets(page, offers):
    slugs = some_slugs(offers, 16)
    page.save(slugs)
    driver = page.open("/merkliste/")
    page.loaded(16)
    assert pdf_pages(driver) <= 3


# --------------------------------------------------------------------------
# Accessibility and valid HTML of the filled page
# --------------------------------------------------------------------------

def axe_violations(driver) -> list:
    from selenium_axe_python import Axe
    Axe(driver).inject()
    result = driver.execute_async_script(_AXE_RUN, {
        "runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    assert "error" not in result, result.get("error")
    return result["violations"]


@pytest.mark.parametrize("shared", [False, True], ids=["own", "from-link"])
@pytest.mark.parametrize("width", WIDTHS)
def test_the_filled_page_is_accessible(page, offers, shared, width):
    slugs = some_slugs(offers, 3, confidential_first=True)
    with viewport(page.driver, width, 800, mobile=width < 600):
        if shared:
            driver = page.open("/merkliste/?a=" + ",".join(slugs))
        else:
            page.save(slugs)
            driver = page.open("/merkliste/")
        page.loaded(3)
        violations = axe_violations(driver)
        assert not violations, format_violations(violations)


def test_the_filled_page_is_valid_html(page, offers, tmp_path):
    page.save(some_slugs(offers, 3, confidential_first=True))
    driver = page.open("/merkliste/")
    page.loaded(3)
    html = "<!DOCTYPE html>\n" + driver.execute_script("return document.documentElement.outerHTML")
    file = tmp_path / "merkliste.html"
    file.write_text(html, encoding="utf-8")
    result = subprocess.run(["java", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", str(file)],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{m.get('lastLine')}: {m.get('message')}" for m in messages if m.get("type") == "error"]
    assert not errors, "\n".join(errors)


def test_the_filled_page_and_its_code_work_under_the_policy(page, offers):
    from test_csp import RECORDER
    added = page.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORDER})
    try:
        page.save(some_slugs(offers, 4))
        driver = page.open("/merkliste/")
        page.loaded(4)
        assert driver.find_elements(By.CSS_SELECTOR, "#merkliste-qr svg path")
        page.entries()[0].find_element(By.CSS_SELECTOR, "button").click()
        page.loaded(3)
        assert driver.execute_script("return window.__cspViolations") == []
    finally:
        page.driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": added["identifier"]})
