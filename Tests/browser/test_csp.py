"""Every page kind under its Content-Security-Policy: the policy is enforced
(an injected inline script is blocked and reported), nothing the page itself
does is blocked (no `securitypolicyviolation` event), and the search, whose
script is inlined and allowed by its hash, still finds offers."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import PAGE_KINDS

RECORDER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (event) {
  window.__cspViolations.push(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline')
    + ' (' + (event.sourceFile || '') + ':' + event.lineNumber + ')');
});
"""


@pytest.fixture
def csp_browser(browser):
    added = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORDER})
    yield browser
    browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": added["identifier"]})


def violations(driver) -> list[str]:
    return driver.execute_script("return window.__cspViolations || null")


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_every_page_kind_works_under_its_policy(kind, page_path, csp_browser, base_url):
    driver = csp_browser
    driver.get(base_url + page_path)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    if kind == "search-query":
        WebDriverWait(driver, 10).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li a"),
            "the inlined search script did not run under the policy")
    seen = violations(driver)
    assert seen is not None, "the violation recorder did not run"
    assert seen == [], f"{page_path}: the policy blocked {seen}"

    policy = driver.execute_script(
        "var m = document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]'); return m && m.content")
    assert policy and policy.startswith("default-src 'self'"), policy
    assert driver.execute_script("return document.querySelector('meta[name=referrer]').content") == "strict-origin-when-cross-origin"

    # The policy is really in force: an inline script the page did not ship is blocked and reported.
    driver.execute_script("""
        var s = document.createElement('script'); s.textContent = 'window.__injected = true';
        document.head.appendChild(s);""")
    WebDriverWait(driver, 5).until(lambda d: violations(d), "an injected inline script was not reported")
    assert driver.execute_script("return window.__injected === true") is False
    assert any(v.startswith("script-src") for v in violations(driver))
