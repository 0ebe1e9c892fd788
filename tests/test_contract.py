"""The seed contract's own figures, and a contract refused for each kind of mistake."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CONTRACTS, SEED, Run, examples
from seatledger.core.errors import SeatledgerError
from seatledger.core.money import capitals
from seatledger.read.contract_file import load_contract


def test_seed_contract_figures() -> None:
    c = load_contract(SEED)
    assert c.id == "haidian-hotline-2022"
    assert (c.term.start.isoformat(), c.term.end.isoformat()) == ("2022-04-01", "2023-03-31")
    assert c.signed is None
    assert c.total == Decimal("6695568.00")
    assert sum(b.amount for b in c.breakdown) == c.total
    assert [i.amount for i in c.instalments] == [Decimal("1641000.00")] * 4
    assert 4 * Decimal("1641000.00") + c.final_payment.cap == c.total
    assert c.final_payment.cap == Decimal("131568.00")
    assert c.staffing.seats == 48
    assert c.staffing.degree_quota.ratio == Decimal("0.60")
    assert (c.staffing.management.project_managers, c.staffing.management.team_leaders) == (1, 4)
    assert [g.key for g in c.staffing.groups] == ["follow-up", "dispatch", "data", "supervision"]
    assert c.staffing.groups[0].name == "案件回访组"
    # DOMAIN rule 3: each cost line divides evenly by 48 people x 12 months.
    per_head = {b.key: b.amount / (48 * 12) for b in c.breakdown}
    assert per_head == {
        "service": Decimal("5200"),
        "insurance-and-clothing": Decimal("4480.25"),
        "management-and-tax": Decimal("1944"),
    }


def test_seed_penalty_table() -> None:
    c = load_contract(SEED)
    p = c.penalties
    assert (p["seat-shortage"].amount, p["seat-shortage"].clause) == (Decimal("300.00"), "三(一)5, 三(二)4")
    assert p["seat-shortage"].computed and p["seat-shortage"].basis == "per-person-shift"
    assert p["post-abandonment"].amount == Decimal("1000.00")
    assert (p["assessment-deduction"].min, p["assessment-deduction"].max) == (
        Decimal("1000.00"),
        Decimal("10000.00"),
    )
    assert p["fire-hazard-personal"].payer == "person" and not p["fire-hazard-personal"].set_off
    assert p["fire-hazard-serious"].min == Decimal("5000.00")
    assert p["fire-rectification-overdue"].min == Decimal("2000.00")
    assert c.penalty_amount_fixed("liquidated-damages") == Decimal("334778.40")
    assert c.penalty_amount_fixed("confidentiality-breach") == Decimal("334778.40")
    assert set(c.obligations) == {
        "weekly-training",
        "monthly-assessment",
        "weibo-update",
        "fire-inspection",
        "fire-drill",
        "health-report",
    }
    assert c.obligations["weibo-update"].required == 3
    assert c.late_interest.rates[0].annual_percent == Decimal("0.35")
    assert c.late_interest.day_basis == 360


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("6695568.00", "陆佰陆拾玖万伍仟伍佰陆拾捌元整"),
        ("1641000.00", "壹佰陆拾肆万壹仟元整"),
        ("131568.00", "壹拾叁万壹仟伍佰陆拾捌元整"),
        ("334778.40", "叁拾叁万肆仟柒佰柒拾捌元肆角"),
        ("100.05", "壹佰元零伍分"),
        ("-300.00", "负叁佰元整"),
    ],
)
def test_capitals(amount: str, expected: str) -> None:
    assert capitals(Decimal(amount)) == expected


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = SEED.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "c.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        ('total: "6695568.00"', 'total: "6695569.00"', "breakdown", "not the total"),
        (
            '  - key: service\n    title: 日常服务费用（含人工费、过节费及其他补助）\n    amount: "2995200.00"',
            '  - key: service\n    title: 日常服务费用（含人工费、过节费及其他补助）\n    amount: "2995300.00"',
            "breakdown",
            "adds up to 6695668.00",
        ),
        (
            "total_capitals: 人民币陆佰陆拾玖万伍仟伍佰陆拾捌元整",
            "total_capitals: 人民币陆佰陆拾玖万伍仟伍佰陆拾柒元整",
            "total_capitals",
            "does not match",
        ),
        ("    start: 2022-07-01\n", "    start: 2022-06-30\n", "instalments.1.start", "overlaps"),
        ("    start: 2022-10-01\n", "    start: 2022-10-02\n", "instalments.2.start", "hole"),
        (
            "    end: 2023-03-31\n    amount",
            "    end: 2023-04-30\n    amount",
            "instalments.3",
            "leaves the term",
        ),
        (
            '    min: "1000.00"\n    max: "10000.00"',
            '    min: "10000.00"\n    max: "1000.00"',
            "penalties.assessment-deduction.min",
            "above max",
        ),
        ('    amount: "300.00"', '    amount: "-300.00"', "penalties.seat-shortage.amount", "negative"),
        ("  seats: 48", "  seats: 48\n  chairs: 48", "staffing.chairs", "unknown key"),
        ("    basis: per-case", "    basis: per-kase", "penalties.assessment-deduction.basis", "per-kase"),
        (
            "  start: 2022-04-01\n  end",
            "  start: 2022-02-30\n  end",
            "term.start",
            "not a real calendar date",
        ),
    ],
)
def test_contract_refused(tmp_path: Path, old: str, new: str, field: str, words: str) -> None:
    path = _broken(tmp_path, old, new)
    with pytest.raises(SeatledgerError) as err:
        load_contract(path)
    fields = {p.field: p for p in err.value.problems}
    assert field in fields, err.value.render()
    assert words in fields[field].message
    assert fields[field].line > 0


def test_contract_error_names_line_in_check(project: Path, run: Run) -> None:
    path = project / "contracts" / SEED.name
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  seats: 48", "  seats: many"), encoding="utf-8")
    assert run("init").exit_code == 1
    line = next(n for n, s in enumerate(text.splitlines(), 1) if s == "  seats: 48")
    result = run("check", "--ledger", str(project / "nowhere"))
    assert result.exit_code == 1
    assert f"haidian-hotline-2022.yaml:{line}: staffing.seats:" in result.output


def test_another_contract_works_from_its_own_file(tmp_path: Path, run: Run) -> None:
    """A 60-seat district contract with other rates: nothing about Haidian is hard-coded."""
    other = CONTRACTS / "chaoyang-60-seats.yaml"
    c = load_contract(other)
    assert c.staffing.seats == 60
    ledger = tmp_path / "ledger"
    assert run("init", "--contract", str(other), "--ledger", str(ledger)).exit_code == 0
    result = run(
        "calendar",
        "--month",
        "2024-02",
        "--contract",
        str(other),
        "--ledger",
        str(ledger),
        "--format",
        "json",
    )
    assert result.exit_code == 0, result
    assert '"day":60' in result.stdout


@settings(max_examples=examples(500), deadline=None)
@given(st.integers(min_value=-(10**13), max_value=10**13))
def test_capitals_match_cn2an(cents: int) -> None:
    """The hand-written capitals agree with cn2an's rmb mode (a test-only dependency)."""
    import cn2an

    amount = Decimal(cents) / 100
    ours, theirs = capitals(amount), cn2an.an2cn(f"{amount:.2f}", "rmb")
    # Where a whole 万 section is zero before a non-zero 千 (100,001,000), the cheque rules
    # allow one 零 or none: we write it, cn2an does not.
    assert ours == theirs or ours.replace("亿零", "亿") == theirs


@pytest.mark.parametrize(
    "text",
    ["100000000.00", "100010000.00", "100000001.00", "1001.00", "0.55", "10.00", "20000.05", "1000000000.10"],
)
def test_capitals_edge_cases_match_cn2an(text: str) -> None:
    import cn2an

    assert capitals(Decimal(text)) == cn2an.an2cn(text, "rmb")


def test_unknown_contract_key_gets_a_suggestion(tmp_path: Path) -> None:
    path = _broken(tmp_path, "    basis: per-case", "    basis: per-case\n    clawse: x")
    with pytest.raises(SeatledgerError) as err:
        load_contract(path)
    assert "did you mean 'clause'?" in err.value.render()
