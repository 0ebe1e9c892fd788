"""`seatledger serve` (issue 23) through Starlette's test client: every page answers, only GET
and HEAD are served, the overview's figures are those of `settle --format json`, a damaged
month shows its problems and no figure, a changed file is read again, the language is kept in
links, and `--static` writes pages whose every link resolves."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from starlette.testclient import TestClient

from conftest import Run, git
from seatledger.web.server import make_app

PAGES = ["/", "/statement", "/deductions", "/attendance", "/roster", "/compliance", "/records", "/history"]


@pytest.fixture
def site(example: Path) -> Path:
    """The bundled example in git: September in a second commit, so history has a change."""
    september = example / "2022-09.yaml"
    kept = september.read_bytes()
    september.unlink()
    root = example.parent.parent
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "April to August")
    september.write_bytes(kept)
    git(root, "add", "-A")
    git(root, "commit", "-qm", "September")
    return example


@pytest.fixture
def client(site: Path) -> TestClient:
    return TestClient(make_app(None, None, "en"))


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.figures: dict[str, str] = {}
        self._figure: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("a", "link") and a.get("href"):
            self.hrefs.append(str(a["href"]))
        self._figure = a.get("data-figure")

    def handle_data(self, data: str) -> None:
        if self._figure:
            self.figures[self._figure] = data.strip()
            self._figure = None


def parsed(text: str) -> Links:
    p = Links()
    p.feed(text)
    return p


def test_every_page_answers_in_both_languages(client: TestClient) -> None:
    for path in PAGES:
        for lang in ("en", "zh"):
            r = client.get(path, params={"lang": lang})
            assert r.status_code == 200, (path, lang, r.text[:500])
            assert f'lang="{"zh-CN" if lang == "zh" else "en"}"' in r.text


def test_only_get_and_head_are_served(client: TestClient) -> None:
    assert client.head("/").status_code == 200
    for method in ("POST", "PUT", "PATCH", "DELETE"):
        for path in ("/", "/records", "/no-such-page"):
            r = client.request(method, path)
            assert r.status_code == 405, (method, path)
            assert r.headers["allow"] == "GET, HEAD"
    assert client.get("/no-such-page").status_code == 404


def _latest_date(ledger: Path) -> str:
    """The latest `date:` in the month files: the day the overview is as of."""
    return max(
        m.group(1)
        for f in ledger.glob("20*.yaml")
        for m in re.finditer(r"^\s+date: (\S+)", f.read_text(encoding="utf-8"), re.M)
    )


def test_the_overview_shows_the_figures_of_settle(client: TestClient, site: Path, run: Run) -> None:
    day = _latest_date(site)
    quarter = f"{day[:4]}-Q{(int(day[5:7]) - 1) // 3 + 1}"
    result = run("settle", "--quarter", quarter, "--as-of", day, "--format", "json")
    assert result.exit_code == 0, result.output
    expected = json.loads(result.stdout)
    figures = parsed(client.get("/").text).figures
    shown = {k: Decimal(v.replace(",", "")) for k, v in figures.items()}
    assert shown == {
        "closing_balance": Decimal(expected["closing_balance"]),
        "next_payment": Decimal(expected["next_payment"]),
        "late_interest": Decimal(expected["late_interest"]),
        "deductions": Decimal(expected["deductions"]["total"]),
    }


def _damage(site: Path) -> int:
    """A record with a bad date in May; the line it is on."""
    may = site / "2022-05.yaml"
    text = may.read_text(encoding="utf-8")
    may.write_text(
        text + "- id: bad-one\n  kind: incident\n  date: 2022-13-40\n  penalty: x\n", encoding="utf-8"
    )
    return text.count("\n") + 1


def test_a_damaged_month_shows_its_problems_and_no_figure(client: TestClient, site: Path) -> None:
    assert parsed(client.get("/").text).figures  # read once, clean
    line = _damage(site)
    for path in ["/", "/statement", "/deductions", "/attendance", "/roster", "/compliance"]:
        text = client.get(path).text
        assert 'id="problems"' in text, path
        assert not parsed(text).figures and "1,641,000.00" not in text, path
        assert "2022-05.yaml" in text
    hrefs = [h for h in parsed(client.get("/").text).hrefs if h.startswith("source?")]
    assert any(h.startswith("source?file=2022-05.yaml") for h in hrefs), hrefs
    target = next(h for h in hrefs if "2022-05.yaml" in h)
    anchor = target.split("#", 1)[1]
    source = client.get(target.split("#")[0]).text
    assert f'id="{anchor}" class="marked"' in source
    assert int(anchor[1:]) in range(line, line + 4)


def test_the_pages_say_when_the_work_tree_differs_from_the_commit(client: TestClient, site: Path) -> None:
    head = git(site.parent.parent, "rev-parse", "HEAD").stdout.strip()
    text = client.get("/").text
    assert head[:10] in text and "uncommitted" not in text
    with (site / "2022-09.yaml").open("a", encoding="utf-8") as f:
        f.write("# a comment\n")
    assert "uncommitted changes" in client.get("/").text


def test_links_keep_the_language_and_switch_it(client: TestClient) -> None:
    text = client.get("/roster", params={"lang": "zh"}).text
    hrefs = parsed(text).hrefs
    pages = [h for h in hrefs if not h.endswith(".css") and not h.startswith("data:")]
    switch = [h for h in pages if "lang=en" in h]
    assert switch == ["roster?lang=en"]
    assert all("lang=zh" in h for h in pages if h not in switch)
    assert "人员名册" in text and "Roster" not in text.split("<main>")[1]


def test_records_filter_and_page(client: TestClient, site: Path) -> None:
    incidents = sum(f.read_text(encoding="utf-8").count("kind: incident") for f in site.glob("20*.yaml"))
    text = client.get("/records", params={"kind": "incident"}).text
    assert text.count("<td>incident</td>") == incidents > 0
    everything = client.get("/records").text
    assert "page 1 of" in everything and "records?page=2&amp;lang=en" in everything
    assert client.get("/records", params={"page": "x"}).status_code == 400
    may = client.get("/records", params={"from": "2022-05-01", "to": "2022-05-31", "kind": "attendance"}).text
    days = re.findall(r"<td>(\d{4}-\d\d-\d\d)</td><td>attendance</td>", may)
    assert days and all(d.startswith("2022-05") for d in days)


def test_history_and_what_a_commit_changed(client: TestClient, site: Path, run: Run) -> None:
    root = site.parent.parent
    head = git(root, "rev-parse", "HEAD").stdout.strip()
    history = client.get("/history").text
    assert "September" in history and "April to August" in history
    text = client.get("/commit", params={"rev": head}).text
    expected = run("diff", "HEAD~1", "HEAD", "--format", "markdown").stdout
    # the same content as `diff`: every record line of its summary appears on the page
    ids = set(re.findall(r"`([a-z]+-2022-09-[\w-]+)`", expected))
    assert ids and all(i in text for i in ids)


def test_a_changed_file_is_read_again(client: TestClient, site: Path) -> None:
    before = parsed(client.get("/").text).figures
    sep = site / "2022-09.yaml"
    sep.write_text(
        sep.read_text(encoding="utf-8")
        + "- id: extra-fine\n  kind: incident\n  date: 2022-09-30\n  penalty: post-abandonment\n",
        encoding="utf-8",
    )
    after = parsed(client.get("/").text).figures
    assert after["deductions"] != before["deductions"]


def test_static_pages_link_only_to_pages_written(site: Path, run: Run, tmp_path: Path) -> None:
    out = tmp_path / "public"
    result = run("serve", "--static", str(out))
    assert result.exit_code == 0, result.output
    files = {p.name for p in out.iterdir()}
    assert {"index.html", "index.en.html", "index.zh.html", "site.css"} <= files
    for name in files - {"site.css"}:
        for href in parsed((out / name).read_text(encoding="utf-8")).hrefs:
            if href.startswith("data:"):  # the empty favicon
                continue
            parts = urlsplit(href)
            target = parts.path or name
            assert "/" not in href and "?" not in href, (name, href)
            assert target in files, (name, href)
            if parts.fragment:
                assert f'id="{parts.fragment}"' in (out / target).read_text(encoding="utf-8"), href


def test_static_pages_of_a_damaged_ledger_exit_1(site: Path, run: Run, tmp_path: Path) -> None:
    _damage(site)
    result = run("serve", "--static", str(tmp_path / "public"))
    assert result.exit_code == 1
    assert 'id="problems"' in (tmp_path / "public" / "index.html").read_text(encoding="utf-8")


def test_nothing_outside_the_ledger_is_shown(client: TestClient, site: Path) -> None:
    (site.parent.parent / "secret.txt").write_text("password\n", encoding="utf-8")
    for name in ("../secret.txt", "..", ".git", "/etc/passwd", "no-such.yaml"):
        r = client.get("/source", params={"file": name})
        assert r.status_code == 400 and "password" not in r.text, name
    assert client.get("/source", params={"file": "contract"}).status_code == 200
    for query in ({"rev": "--output=/tmp/x"}, {"branch": "-h"}, {"rev": "no-such-rev"}):
        assert client.get("/commit", params=query).status_code == 400, query
