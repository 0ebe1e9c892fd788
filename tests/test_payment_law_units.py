"""Rule 23 as a rule, on contracts written to tmp_path: each finding's field, its whole message
and its dates, and the texts in force over a span to the day. The expected words are the
message templates of docs/rules.md rule 23 filled by hand; from the mutation run of 2026-12-03."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import SEED
from seatledger.core.contract import Contract
from seatledger.read.contract_file import load_contract
from seatledger.rules import payment_law
from seatledger.rules.payment_law import Version, cite_span, law_findings, spans

R728 = "保障中小企业款项支付条例 (国务院令第728号) art. "
R802 = "保障中小企业款项支付条例 (国务院令第802号) art. "
V728, V802 = payment_law.VERSIONS
LIMIT = "days is beyond the 60 days a contract may agree for a small or medium supplier"


def contract(
    tmp_path: Path, payment: str = "", *, sme: bool = True, second_due: int = 15, years: int = 0
) -> Contract:
    """The seed contract with Party B an SME (or not), a payment term, instalment 2 due after
    `second_due` working days, its dates moved `years` on."""
    text = SEED.read_text(encoding="utf-8")
    if years:
        text = text.replace("2023-", f"{2023 + years}-").replace("2022-", f"{2022 + years}-")
    if sme:
        text = text.replace(
            "    name: 北京融通润园科技有限公司\n", "    name: 北京融通润园科技有限公司\n    sme: true\n"
        )
        text = text.replace("  day_basis: 360\n", '  day_basis: 360\n  lpr_at_signing: "3.70"\n')
    head, sep, tail = text.partition("  - number: 2\n")
    tail = tail.replace("    due_working_days: 15\n", f"    due_working_days: {second_due}\n", 1)
    path = tmp_path / "contract.yaml"
    path.write_text(head + sep + tail + payment, encoding="utf-8")
    return load_contract(path)


def payment(days: int, counted_from: str, audit: bool = False) -> str:
    return (
        f"payment:\n  clause: 九\n  days_after: {days}\n  counted_from: {counted_from}\n"
        f"  depends_on_audit: {'true' if audit else 'false'}\n"
        # an agreed acceptance period, so that its own finding (rule 23) stays out of these
        + ("  acceptance_days: 10\n" if counted_from == "acceptance" else "")
    )


@pytest.mark.parametrize("counted_from", ["acceptance", "delivery"])
def test_a_payment_term_beyond_60_days_is_a_finding_worded_whole(tmp_path: Path, counted_from: str) -> None:
    (f,) = law_findings(contract(tmp_path, payment(61, counted_from)))
    assert (f.field, f.code, f.start, f.end) == (
        "payment.days_after",
        "payment-term",
        date(2022, 4, 1),
        date(2023, 3, 31),
    )
    assert f.message == (
        f"payment due after {counted_from}: 61 {LIMIT} ({R728}8, for 2022-04-01..2023-03-31; rule 23)"
    )


def test_an_instalment_due_beyond_60_working_days_is_a_finding_for_its_own_dates(tmp_path: Path) -> None:
    """Instalment 2 (2022-07-01..2022-09-30) due 61 working days after its request; the others
    keep 15, and 60 days after delivery is the limit itself."""
    (f,) = law_findings(contract(tmp_path, payment(60, "delivery"), second_due=61))
    assert (f.field, f.code, f.start, f.end) == (
        "instalments.1.due_working_days",
        "payment-term",
        date(2022, 7, 1),
        date(2022, 9, 30),
    )
    assert f.message == (
        f"instalment 2 due after its request (working days): 61 {LIMIT} "
        f"({R728}8, for 2022-07-01..2022-09-30; rule 23)"
    )


def test_both_terms_beyond_are_both_found(tmp_path: Path) -> None:
    found = law_findings(contract(tmp_path, payment(90, "delivery"), second_due=70))
    assert [f.field for f in found] == ["payment.days_after", "instalments.1.due_working_days"]


def test_no_finding_where_party_b_is_not_an_sme(tmp_path: Path) -> None:
    assert (
        law_findings(contract(tmp_path, payment(90, "acceptance", audit=True), sme=False, second_due=70))
        == []
    )


def test_an_audit_condition_from_2025_06_01(tmp_path: Path) -> None:
    (f,) = law_findings(contract(tmp_path, payment(30, "acceptance", audit=True), years=3))
    assert (f.field, f.code, f.start, f.end) == (
        "payment.depends_on_audit",
        "audit-settlement",
        date(2025, 6, 1),
        date(2026, 3, 31),
    )
    assert f.message == (
        "settlement waits for an audit result, which may not be the basis of settlement unless a "
        f"law or administrative regulation says so ({R802}12, for 2025-06-01..2026-03-31; rule 23)"
    )


def test_a_citation_across_the_revision_names_each_text_with_its_dates() -> None:
    both = cite_span("interest-floor", date(2025, 4, 1), date(2026, 3, 31))
    assert both == f"{R728}15, for 2025-04-01..2025-05-31; {R802}17, for 2025-06-01..2026-03-31"
    assert cite_span("interest-floor", date(2022, 4, 1), date(2023, 3, 31)) == R728 + "15"
    assert cite_span("undisputed", date(2025, 4, 1), date(2026, 3, 31)) == R802 + "15"
    assert cite_span("undisputed", date(2022, 4, 1), date(2023, 3, 31)) is None


def test_spans_to_the_day() -> None:
    """A span of one day either side of 2025-06-01 is governed one day by each text."""
    assert spans(date(2025, 5, 31), date(2025, 6, 1)) == [
        (date(2025, 5, 31), date(2025, 5, 31), V728),
        (date(2025, 6, 1), date(2025, 6, 1), V802),
    ]
    assert spans(date(2025, 6, 1), date(2025, 6, 1)) == [(date(2025, 6, 1), date(2025, 6, 1), V802)]
    assert spans(date(2019, 1, 1), date(2020, 8, 31)) == []


def test_a_third_text_would_end_the_second(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each text governs until the day before the next comes into force, whatever their number."""
    later = Version("a later decree", date(2030, 1, 1), {"interest-floor": 20})
    monkeypatch.setattr(payment_law, "VERSIONS", (V728, V802, later))
    assert spans(date(2025, 1, 1), date(2030, 1, 2)) == [
        (date(2025, 1, 1), date(2025, 5, 31), V728),
        (date(2025, 6, 1), date(2029, 12, 31), V802),
        (date(2030, 1, 1), date(2030, 1, 2), later),
    ]
