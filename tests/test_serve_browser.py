"""`seatledger serve` in a real browser (issue 23): the server started by the real CLI, Chromium
(the system's, driven by Playwright) follows every link from the overview in both languages;
each page loads without a console error, each link resolves (a `#L12` link to its line), the
language switch keeps the page, a POST is refused, a damaged month shows problems and no
figure. Each kind of page is screenshot at desktop and phone width (in $SEATLEDGER_SHOTS if
set, to look at)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import git

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"]
WIDTHS = (1280, 390)


@pytest.fixture
def served(example: Path) -> Iterator[tuple[str, Path]]:
    """The example ledger in git (September in a commit of its own, so a commit's page shows
    a change), served by `seatledger serve` on a free port: (base URL, ledger)."""
    root = example.parent.parent
    september = example / "2022-09.yaml"
    kept = september.read_bytes()
    september.unlink()
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "April to August")
    september.write_bytes(kept)
    git(root, "add", "-A")
    git(root, "commit", "-qm", "September")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    script = Path(sys.executable).parent / "seatledger"
    proc = subprocess.Popen(
        [str(script), "serve", "--port", str(port), "--lang", "en"],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, "the server did not start"
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/", example
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have chromium (.ci/run installs it)")
        pytest.skip("no chromium on this machine (CI installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _kind(url: str) -> str:
    """A page's route and language: one screenshot of each."""
    parts = urlsplit(url)
    lang = "zh" if "lang=zh" in parts.query else "en"
    return f"{parts.path.strip('/') or 'index'}-{lang}"


def crawl(page: Any, base: str) -> tuple[dict[str, str], dict[str, set[str]]]:
    """Every page reachable from the overview in either language, each loaded once: one URL
    of each kind of page, and the anchors (`#L12`) that links point at, by page."""
    todo, seen, kinds = [base + "?lang=en", base + "?lang=zh"], set(), {}
    anchors: dict[str, set[str]] = {}
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        if page.locator("main .first").count() == 0:  # not the commit that changed nothing
            kinds.setdefault(_kind(url), url)
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))"):
            target, _, fragment = urljoin(url, href).partition("#")
            assert target.startswith(base), (url, href)  # nothing leaves the site
            if fragment:
                anchors.setdefault(target, set()).add(fragment)
            if target not in seen:
                todo.append(target)
    return kinds, anchors


def test_every_page_and_link_in_a_browser(served: tuple[str, Path], browser: Any, tmp_path: Path) -> None:
    base, _ledger = served
    shots = Path(os.environ.get("SEATLEDGER_SHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": WIDTHS[0], "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    kinds, anchors = crawl(page, base)
    for url, fragments in anchors.items():
        page.goto(url)
        ids = set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
        assert fragments <= ids, (url, sorted(fragments - ids)[:5])
    assert not errors, errors
    assert len(kinds) >= 20, sorted(kinds)  # ten kinds of page, two languages
    for width in WIDTHS:
        phone = browser.new_page(viewport={"width": width, "height": 900})
        for name, url in sorted(kinds.items()):
            phone.goto(url)
            phone.screenshot(path=str(shots / f"{name}-{width}.png"), full_page=True)
            wide = phone.evaluate("document.documentElement.scrollWidth")
            assert wide <= width, (url, width, wide)  # nothing wider than the screen; tables scroll
            if width < 600 and name.startswith("index"):  # one column: the cards stack
                boxes = phone.eval_on_selector_all(
                    ".card", "els => els.map(e => e.getBoundingClientRect().x)"
                )
                assert len(set(boxes)) == 1, boxes
        phone.close()


def test_language_switch_post_and_a_damaged_month(served: tuple[str, Path], browser: Any) -> None:
    base, ledger = served
    page = browser.new_page()
    page.goto(base + "roster?lang=en")
    assert page.get_attribute("html", "lang") == "en"
    page.click("a.lang")
    assert page.get_attribute("html", "lang") == "zh-CN"
    assert urlsplit(page.url).path == "/roster" and "lang=zh" in page.url
    assert page.inner_text("nav a[aria-current]") == "人员名册"
    page.click("nav a:text('概览')")
    assert "lang=zh" in page.url and page.locator("[data-figure]").count() == 4

    assert page.request.post(base, data="x").status == 405
    assert page.request.fetch(base + "records", method="DELETE").status == 405

    may = ledger / "2022-05.yaml"
    may.write_text(may.read_text(encoding="utf-8") + "- id: broken\n  kind: attendance\n", encoding="utf-8")
    for path in ("", "statement", "attendance", "roster"):
        page.goto(base + path)
        assert page.locator("#problems").is_visible(), path
        assert page.locator("[data-figure]").count() == 0, path
        assert "2022-05.yaml" in page.inner_text("#problems")
    page.click("#problems a >> nth=0")
    assert page.locator("tr.marked").count() >= 1
