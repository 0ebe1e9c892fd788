"""The pull-request comment (`diff --format markdown`, issue 21) explains the money: each
record's substance and the deductions it makes, per period accrued, deducted, paid and the
balance owed before and after; a close shows the figures it seals; a reopen is not told to
reopen; a change that repairs a broken main gets its comment; both languages complete.
Expected figures come from the reports (`deduct`, `settle`, closings.yaml), not from the diff."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import LEDGER, Run, commit, git
from seatledger.core.money import fmt_grouped

pytestmark = pytest.mark.slow  # git in every test


def grouped(text: str) -> str:
    return fmt_grouped(Decimal(text))


def test_each_record_says_what_it_is_and_what_it_costs(repo: Path, run: Run) -> None:
    git(repo, "checkout", "-qb", "week-27")
    assert (
        run("record", "attendance", "--date", "2022-07-04", "--present", "47", "--absent", "S001").exit_code
        == 0
    )
    inc = run("record", "incident", "--date", "2022-07-05", "--penalty", "post-abandonment").stdout.split()[1]
    pay = ("record", "payment", "--date", "2022-07-06", "--instalment", "1", "--amount", "1000")
    assert run(*pay).exit_code == 0
    assert (
        run("record", "attendance", "--date", "2022-07-06", "--present", "48").exit_code == 0
    )  # 07-05 later
    commit(repo, "week 27")
    md = run("diff", "--base", "main", "--format", "markdown").stdout
    deduct = json.loads(run("deduct", "--month", "2022-07", "--format", "json").stdout)
    lines = {line["record"]: line for line in deduct["lines"]}
    row = next(line for line in md.splitlines() if "`att-2022-07-04-day`" in line)
    assert "day shift: 47 of 48 present; absent S001" in row
    assert grouped(lines["att-2022-07-04-day"]["amount"]) in row
    row = next(line for line in md.splitlines() if f"`{inc}`" in line)
    assert "penalty post-abandonment" in row and grouped(lines[inc]["amount"]) in row
    row = next(line for line in md.splitlines() if "`pay-" in line)
    assert "instalment 1" in row and "amount 1000.00" in row
    # The quarter: paid 0 -> 1,000, deducted 0 -> the report's total, balance owed before -> after.
    settle = json.loads(run("settle", "--quarter", "2022-Q3", "--format", "json").stdout)
    q3 = next(line for line in md.splitlines() if line.startswith("| 2022-Q3"))
    assert f"0.00 → {grouped(settle['paid'])} (+{grouped(settle['paid'])})" in q3
    assert f"→ {grouped(settle['deductions']['total'])} (+{grouped(settle['deductions']['total'])})" in q3
    assert f"→ {grouped(settle['closing_balance'])}" in q3
    assert "balance owed" in md
    # Days not recorded yet in the month it moves: listed as the findings check lists.
    check = run("check", "--format", "json").stdout
    gaps = [p["record"] for p in json.loads(check)["problems"] if p["code"] == "gap"]
    listed = next(line for line in md.splitlines() if line.startswith("**Gaps**"))
    assert gaps and f"**Gaps** ({len(gaps)};" in listed
    assert all(g[4:14] + " " + g[15:] in listed for g in gaps[:30])


def test_a_close_shows_what_it_seals_and_a_reopen_is_not_told_to_reopen(repo: Path, run: Run) -> None:
    git(repo, "checkout", "-qb", "close-q2")
    assert run("close", "--quarter", "Q2", "--date", "2022-07-02").exit_code == 0
    commit(repo, "close Q2")
    md = run("diff", "--base", "main", "--format", "markdown").stdout
    closings = (repo / LEDGER / "closings.yaml").read_text(encoding="utf-8")
    paid = re.search(r"paid: \"?([0-9.,-]+)", closings)
    assert paid and "**Sealed**: closing 2022-Q2 seals" in md and f"paid {paid.group(1)}" in md
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "close-q2")
    git(repo, "checkout", "-qb", "correction")
    assert (
        run("reopen", "--quarter", "Q2", "--reason", "a payment from paper", "--date", "2022-07-03").exit_code
        == 0
    )
    assert (
        run("record", "payment", "--date", "2022-06-30", "--instalment", "1", "--amount", "500").exit_code
        == 0
    )
    commit(repo, "reopen Q2")
    md = run("diff", "--base", "main", "--format", "markdown").stdout
    assert "reopen 2022-Q2 on 2022-07-03" in md and "reopen it first" not in md


def test_a_repair_of_a_broken_main_gets_its_comment(repo: Path, run: Run) -> None:
    month = repo / LEDGER / "2022-07.yaml"
    good = month.read_text(encoding="utf-8")
    month.write_text(good.replace("  present: 48\n", "  present: lots\n", 1), encoding="utf-8")
    commit(repo, "a broken merge")
    git(repo, "checkout", "-qb", "repair")
    month.write_text(good, encoding="utf-8")
    commit(repo, "repair")
    result = run("diff", "--base", "main", "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert "that this change resolves" in result.stdout and "present" in result.stdout
    assert "seatledger-diff-" not in result.output and "/tmp" not in result.output


def test_the_chinese_comment_is_chinese(repo: Path, run: Run) -> None:
    git(repo, "checkout", "-qb", "week-27")
    assert (
        run("record", "attendance", "--date", "2022-07-04", "--present", "47", "--absent", "S001").exit_code
        == 0
    )
    commit(repo, "week 27")
    md = run("diff", "--base", "main", "--format", "markdown", "--lang", "zh").stdout
    english = [w for w in ("| change", "| period", "Records", "added", "balance owed", "shift:") if w in md]
    assert english == [], md
