"""The HTML report as a reader's browser shows it: headless Debian Chromium through Playwright.

Never downloads a browser: it uses the system chromium and skips when there is none.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from report_fixtures import build_report, live_findings

from checker.formatters import RenderOptions, get_formatter

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed; .ci/run installs it")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    sync_api = pytest.importorskip("playwright.sync_api")
    report_file = tmp_path_factory.mktemp("html") / "report.html"
    report_file.write_text(get_formatter("html").render(build_report(), RenderOptions()), encoding="utf-8")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.requests = []  # type: ignore[attr-defined]
        page.dialogs = []  # type: ignore[attr-defined]
        page.on("request", lambda request: page.requests.append(request.url))  # type: ignore[attr-defined]
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message),  # type: ignore[attr-defined]
                                          dialog.dismiss()))
        page.goto(report_file.as_uri())
        yield page
        browser.close()


def test_findings_are_shown_with_badges(page) -> None:  # type: ignore[no-untyped-def]
    report = build_report()
    cards = page.locator("#findings > article.finding")
    assert cards.count() == len(live_findings(report))
    assert cards.first.locator(".badge").inner_text().strip().lower() == "error"
    assert cards.first.locator("mark").first.is_visible()


def test_every_group_has_a_chart(page) -> None:  # type: ignore[no-untyped-def]
    charts = page.locator("#subjects figure.chart svg")
    assert charts.count() == len(build_report().groups)
    box = charts.first.bounding_box()
    assert box is not None and box["width"] > 200 and box["height"] > 100


def test_every_figure_is_highlighted_with_its_meaning(page) -> None:  # type: ignore[no-untyped-def]
    marks = page.locator("#articles mark")
    assert marks.count() == len(build_report().claims)
    assert "hedge: as many as" in (page.locator("#claim-post-1").get_attribute("title") or "")


def test_article_script_is_text_and_never_runs(page) -> None:  # type: ignore[no-untyped-def]
    assert "<script>alert('article text must stay text')</script>" in page.locator("#doc-gazette .text").inner_text()
    assert page.locator("script").count() == 0
    assert page.dialogs == []


def test_nothing_is_fetched_from_the_network(page) -> None:  # type: ignore[no-untyped-def]
    assert all(url.startswith(("file:", "data:", "about:")) for url in page.requests), page.requests
