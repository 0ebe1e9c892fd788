"""`seatledger serve` in a repository with several contracts (issue 24): the portfolio page
shows each contract with the figures of `portfolio --format json`, links to each contract's
own pages (under `<id>/`, which link back), filters by party and year, speaks both languages,
and `--static` writes it with every link resolving."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from starlette.testclient import TestClient

from conftest import Run
from seatledger.web.server import make_app
from test_portfolio import AS_OF, OTHER, two_contracts
from test_serve import parsed
from test_serve_browser import browser  # noqa: F401  the fixture

MONEY = ("accrued", "deducted", "paid", "balance_owed", "next_payment")


@pytest.fixture
def client(project: Path, run: Run) -> TestClient:
    two_contracts(project, run)
    return TestClient(make_app(None, None, "en"))


def shown(text: str) -> dict[str, str]:
    """The page's figures by `<contract>:<key>`, commas dropped."""
    return {k: v.replace(",", "") for k, v in parsed(text).figures.items()}


def test_the_page_shows_the_figures_of_portfolio_json(client: TestClient, run: Run) -> None:
    expected = json.loads(run("portfolio", "--as-of", AS_OF, "--format", "json").stdout)
    page = client.get("/", params={"as_of": AS_OF})
    assert page.status_code == 200
    figures = shown(page.text)
    for c in expected["contracts"]:
        for key in MONEY:
            assert figures[f"{c['id']}:{key}"] == c["figures"][key], (c["id"], key)
    for key in MONEY:
        assert figures[f"total:{key}"] == expected["total"][key]
    assert Decimal(figures["total:balance_owed"]) == sum(
        Decimal(figures[f"{c['id']}:balance_owed"]) for c in expected["contracts"]
    )
    assert client.get("/portfolio", params={"as_of": AS_OF}).text == page.text


def test_filters_by_party_and_year(client: TestClient, run: Run) -> None:
    only = shown(client.get("/", params={"as_of": AS_OF, "party": "某某"}).text)
    assert {k.split(":")[0] for k in only} == {OTHER, "total"}
    expected = json.loads(run("portfolio", "--as-of", AS_OF, "--party", "某某", "--format", "json").stdout)
    assert only["total:balance_owed"] == expected["total"]["balance_owed"]
    none = client.get("/", params={"as_of": AS_OF, "year": "2021"})
    assert {k.split(":")[0] for k in shown(none.text)} == {"total"}
    bad = client.get("/", params={"year": "last"})
    assert bad.status_code == 400 and "2022" in bad.text
    assert client.get("/", params={"as_of": "2022-13-01"}).status_code == 400


def test_each_contract_has_its_pages_below_it_in_both_languages(client: TestClient) -> None:
    for lang in ("en", "zh"):
        page = client.get("/", params={"lang": lang})
        assert page.status_code == 200 and f'lang="{"zh-CN" if lang == "zh" else "en"}"' in page.text
        assert ("合同汇总" if lang == "zh" else "Portfolio") in page.text
        contracts = [h for h in parsed(page.text).hrefs if h.endswith(f"/?lang={lang}")]
        assert sorted(contracts) == sorted([f"haidian-hotline-2022/?lang={lang}", f"{OTHER}/?lang={lang}"])
        for href in contracts:
            url = urljoin("http://testserver/", href)
            overview = client.get(url)
            assert overview.status_code == 200, (href, overview.text[:300])
            assert "data-figure" in overview.text  # the contract's own overview, with figures
            back = [h for h in parsed(overview.text).hrefs if h.startswith("../portfolio")]
            assert back and client.get(urljoin(url, back[0])).status_code == 200
            for link in parsed(overview.text).hrefs:
                if not link.startswith("data:"):
                    assert client.get(urljoin(url, link)).status_code == 200, (url, link)
    assert client.post("/").status_code == 405


def test_a_change_is_seen_and_a_contract_with_problems_shows_them(
    client: TestClient, project: Path, run: Run
) -> None:
    before = shown(client.get("/", params={"as_of": AS_OF}).text)
    ok = run("record", "payment", "--contract", OTHER, "--date", "2022-11-01", "--instalment", "3",
             "--amount", "1000")  # fmt: skip
    assert ok.exit_code == 0, ok
    after = shown(client.get("/", params={"as_of": AS_OF}).text)
    assert Decimal(after[f"{OTHER}:paid"]) == Decimal(before[f"{OTHER}:paid"]) + 1000
    month = project / "ledgers" / OTHER / "2022-10.yaml"
    month.write_text(month.read_text() + "- id: x\n  kind: payment\n  date: 2022-10-11\n", encoding="utf-8")
    broken = client.get("/", params={"as_of": AS_OF})
    assert broken.status_code == 200 and "2022-10.yaml" in broken.text and "INCOMPLETE" in broken.text
    figures = shown(broken.text)
    assert f"{OTHER}:paid" not in figures  # no figure for it (rule 13); the total leaves it out
    assert figures["total:balance_owed"] == figures["haidian-hotline-2022:balance_owed"]
    assert 'id="problems"' in client.get(f"/{OTHER}/").text


def test_static_pages_include_the_portfolio(project: Path, run: Run, tmp_path: Path) -> None:
    two_contracts(project, run)
    out = tmp_path / "public"
    result = run("serve", "--static", str(out))
    assert result.exit_code == 0, result.output
    names = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert {
        "index.html",
        "portfolio.en.html",
        "portfolio.zh.html",
        "portfolio-2022.en.html",
        "site.css",
    } <= names
    assert {f"{OTHER}/index.zh.html", "haidian-hotline-2022/index.en.html", f"{OTHER}/site.css"} <= names
    for name in (n for n in names if n.endswith(".html")):
        here = f"http://x/{name}"
        for href in parsed((out / name).read_text(encoding="utf-8")).hrefs:
            if href.startswith("data:"):
                continue
            target = urlsplit(urljoin(here, href)).path.lstrip("/")
            assert target in names, (name, href)
    figures = shown((out / "portfolio.en.html").read_text(encoding="utf-8"))
    assert set(figures) >= {f"{OTHER}:balance_owed", "total:balance_owed"}


@pytest.fixture
def served_portfolio(project: Path, run: Run) -> Iterator[str]:
    """Two contracts served by the real `seatledger serve` on a free port: the base URL."""
    two_contracts(project, run)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    script = Path(sys.executable).parent / "seatledger"
    proc = subprocess.Popen(
        [str(script), "serve", "--port", str(port), "--lang", "zh"],
        cwd=project,
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
        yield f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.slow
def test_the_portfolio_page_in_a_browser(served_portfolio: str, browser: Any) -> None:  # noqa: F811
    base = served_portfolio
    page = browser.new_page(viewport={"width": 390, "height": 844})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    for lang in ("zh", "en"):
        response = page.goto(f"{base}?lang={lang}&as_of={AS_OF}")
        assert response is not None and response.status == 200
        assert page.get_attribute("html", "lang") == ("zh-CN" if lang == "zh" else "en")
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= 390, (lang, wide)  # the table scrolls inside its box; the page fits a phone
        assert page.locator(f"#c-{OTHER} [data-figure]").count() == len(MONEY)
    # filter by year with the form, as a person would
    page.fill("input[name=year]", "2021")
    page.click("button[type=submit]")
    assert "year=2021" in page.url and page.locator("tbody tr[id]").count() == 0
    page.goto(f"{base}portfolio?lang=en&party=某某")
    assert page.locator("tbody tr[id]").count() == 1
    # a contract's link opens its pages, which link back
    page.click(f"#c-{OTHER} a >> nth=0")
    assert urlsplit(page.url).path == f"/{OTHER}/" and page.locator("[data-figure]").count() >= 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.click("nav a[href^='../portfolio']")
    assert urlsplit(page.url).path == "/portfolio" and page.locator("tbody tr[id]").count() == 2
    assert not errors, errors
