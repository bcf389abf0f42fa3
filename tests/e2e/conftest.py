"""Browser journeys: Playwright driving Debian's Chromium against pytest-django's live server.

axe-core (bundled by axe-playwright-python, nothing fetched) runs on every page a journey visits
through ``visit``; a serious or critical violation fails the test.
"""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from pantau.common.demo import load_demo

# Playwright's sync API runs an event loop in this thread; Django's ORM guard must allow it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("PANTAU_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
KIOSK = {"width": 1024, "height": 1366}  # a tablet standing at the counter

_axe = Axe()


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"Chromium is missing at {CHROMIUM}: run the README's test command, which installs it."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def demo(transactional_db):
    return load_demo(seed=2026, scale=0.1)


def _new_page(browser, viewport):
    context = browser.new_context(viewport=viewport, locale="en-US")
    context.set_default_timeout(10_000)
    return context, context.new_page()


@pytest.fixture
def page(browser, live_server):
    context, page = _new_page(browser, DESKTOP)
    page.base_url = live_server.url
    yield page
    context.close()


@pytest.fixture
def phone(browser, live_server):
    context, page = _new_page(browser, PHONE)
    page.base_url = live_server.url
    yield page
    context.close()


def check_accessibility(page) -> None:
    results = _axe.run(page)
    bad = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    details = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
        for v in bad
    )
    assert not bad, f"axe found violations on {page.url}:\n{details}"


def visit(page, path: str, *, status: int = 200):
    response = page.goto(page.base_url + path)
    assert response is not None and response.status == status, (
        f"{path}: {response and response.status}"
    )
    check_accessibility(page)
    return response


def wait_as_a_person_would(page) -> None:
    """Public forms refuse what is sent sooner than ``PANTAU_FORM_MIN_SECONDS`` after they were
    shown (pantau.common.humancheck): a person takes that long, so a journey waits as long."""
    from django.conf import settings

    page.wait_for_timeout(settings.PANTAU_FORM_MIN_SECONDS * 1000 + 200)


def sign_in(page, username: str, password: str) -> None:
    visit(page, "/accounts/login/")
    page.get_by_label("Nama pengguna atau surel").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.wait_for_url("**/accounts/home/")
    check_accessibility(page)
