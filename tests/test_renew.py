"""`renew`: next term's contract from this one, validated before it is written, with the
roster carried over and a `renews:` line."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SEED, Run, snapshot


def ok(run: Run, *args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, (args, result)
    return result.stdout


def test_renew_moves_the_term_and_keeps_the_rest(ledger: Path, project: Path, run: Run) -> None:
    out = ok(
        run,
        "renew",
        "--from",
        "haidian-hotline-2022",
        "--id",
        "haidian-hotline-2023",
        "--start",
        "2023-04-01",
    )
    assert "seatledger check --contract haidian-hotline-2023" in out
    new = project / "contracts" / "haidian-hotline-2023.yaml"
    old_lines, new_lines = (
        SEED.read_text(encoding="utf-8").splitlines(),
        new.read_text(encoding="utf-8").splitlines(),
    )
    assert "renews: haidian-hotline-2022" in new_lines
    rows = json.loads(
        ok(run, "balance", "--contract", "haidian-hotline-2023", "--by", "quarter", "--format", "json")
    )
    # The seed's four quarters (九), each a year on, each accruing its unchanged 1,641,000.00.
    assert [(r["from"], r["to"], r["accrued"]) for r in rows["rows"]] == [
        ("2023-04-01", "2023-06-30", "1641000.00"),
        ("2023-07-01", "2023-09-30", "1641000.00"),
        ("2023-10-01", "2023-12-31", "1641000.00"),
        ("2024-01-01", "2024-03-31", "1641000.00"),
    ]
    assert "    - since: 2015-10-24" in new_lines  # the rate table is not a term date
    assert len(new_lines) == len(old_lines) + 1
    assert (project / "ledgers" / "haidian-hotline-2023" / "roster.yaml").read_text() == (
        ledger / "roster.yaml"
    ).read_text()
    assert ok(run, "check", "--contract", "haidian-hotline-2023").startswith("ok")
    p = json.loads(ok(run, "portfolio", "--as-of", "2023-05-01", "--format", "json"))
    assert [(c["id"], c["renews"]) for c in p["contracts"]] == [
        ("haidian-hotline-2022", None),
        ("haidian-hotline-2023", "haidian-hotline-2022"),
    ]


def test_renew_refuses_and_writes_nothing(ledger: Path, project: Path, run: Run) -> None:
    before = snapshot(project)
    inside = run("renew", "--from", "haidian-hotline-2022", "--id", "x-2023", "--start", "2023-01-01")
    assert inside.exit_code == 2 and "inside the term" in inside.stderr
    taken = run(
        "renew", "--from", "haidian-hotline-2022", "--id", "haidian-hotline-2022", "--start", "2023-04-01"
    )
    assert taken.exit_code == 1 and "exists" in taken.stderr
    bad = run("renew", "--from", "haidian-hotline-2022", "--id", "Bad Id", "--start", "2023-04-01")
    assert bad.exit_code == 2 and "--id" in bad.stderr
    dry = run(
        "renew", "--from", "haidian-hotline-2022", "--id", "y-2023", "--start", "2023-04-01", "--dry-run"
    )
    assert dry.exit_code == 0
    assert snapshot(project) == before


def test_renews_must_name_a_contract_of_the_repository(ledger: Path, project: Path, run: Run) -> None:
    ok(
        run,
        "renew",
        "--from",
        "haidian-hotline-2022",
        "--id",
        "haidian-hotline-2023",
        "--start",
        "2023-04-01",
    )
    new = project / "contracts" / "haidian-hotline-2023.yaml"
    assert "renews" not in ok(run, "check", "--contract", "haidian-hotline-2023")
    text = new.read_text(encoding="utf-8")
    new.write_text(
        text.replace("renews: haidian-hotline-2022", "renews: haidian-hotline-2021"), encoding="utf-8"
    )
    line = next(n for n, s in enumerate(new.read_text().splitlines(), 1) if s.startswith("renews:"))
    # a finding, not a problem: no figure depends on it, so check passes and the reports read
    found = run("check", "--contract", "haidian-hotline-2023", "--format", "json")
    assert found.exit_code == 0, found
    (warning,) = [p for p in json.loads(found.stdout)["problems"] if p["code"] == "unknown-renews"]
    assert (warning["file"], warning["line"], warning["field"], warning["severity"]) == (
        str(Path("contracts/haidian-hotline-2023.yaml")),
        line,
        "renews",
        "warning",
    )
    assert "haidian-hotline-2021" in warning["message"] and "haidian-hotline-2022" in warning["message"]
    zh = run("check", "--contract", "haidian-hotline-2023", "--lang", "zh")
    assert zh.exit_code == 0 and "不是本仓库的合同" in zh.output
    ok(run, "settle", "--contract", "haidian-hotline-2023", "--quarter", "Q1")
