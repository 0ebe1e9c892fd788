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
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import git

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"]
WIDTHS = (1280, 390)


@pytest.fixture
def served(example: Path) -> Iterator[tuple[str, Path]]:
    """The example ledger in git, served by `seatledger serve` on a free port: (base URL, ledger)."""
    root = example.parent.parent
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "the example ledger")
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
def browser() -> Iterator[object]:
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


def test_every_page_and_link_in_a_browser(served: tuple[str, Path], browser: object, tmp_path: Path) -> None:
    base, _ledger = served
    shots = Path(os.environ.get("SEATLEDGER_SHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": WIDTHS[0], "height": 900})  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    todo, seen, kinds = [base + "?lang=en", base + "?lang=zh"], set(), {}
    anchors: dict[str, set[str]] = {}  # page -> the `#L12` its links point at
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        kinds.setdefault(_kind(url), url)
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))"):
            target, _, fragment = urljoin(url, href).partition("#")
            assert target.startswith(base), (url, href)  # nothing leaves the site
            if fragment:
                anchors.setdefault(target, set()).add(fragment)
            if target not in seen:
                todo.append(target)
    for url, fragments in anchors.items():
        page.goto(url)
        ids = set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
        assert fragments <= ids, (url, sorted(fragments - ids)[:5])
    assert not errors, errors
    assert len(kinds) >= 16, sorted(kinds)
    for width in WIDTHS:
        phone = browser.new_page(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
        for name, url in sorted(kinds.items()):
            phone.goto(url)
            phone.screenshot(path=str(shots / f"{name}-{width}.png"), full_page=True)
            if width < 600 and name.startswith("index"):  # one column: the cards stack
                boxes = phone.eval_on_selector_all(
                    ".card", "els => els.map(e => e.getBoundingClientRect().x)"
                )
                assert len(set(boxes)) == 1, boxes
        phone.close()


def test_language_switch_post_and_a_damaged_month(served: tuple[str, Path], browser: object) -> None:
    base, ledger = served
    page = browser.new_page()  # type: ignore[attr-defined]
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
