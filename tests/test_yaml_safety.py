"""Contract and ledger files are data: hostile YAML is refused with its line, never run."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from conftest import Run, snapshot
from seatledger.core.errors import SeatledgerError
from seatledger.read import yaml_reader as yamlread
from seatledger.read.contract_file import load_contract
from seatledger.read.ledger_files import load
from seatledger.read.yaml_reader import YamlError, load_text

HOSTILE = {
    "python tag": ('- !!python/object/apply:os.system ["touch PWNED"]\n', "tag"),
    "custom tag": ("- id: !secret x\n", "tag"),
    "anchor": ("- &a {id: x}\n", "anchors"),
    "alias bomb": (
        'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
        "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
        "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n",
        "anchors",
    ),
    "merge key": ("- id: x\n  <<: {kind: attendance}\n", "<<"),
    "syntax": ("- id: x\n  date: [2022-07-01\n", "YAML syntax"),
    "two documents": ("- a: 1\n---\n- b: 2\n", "one YAML document"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_refused(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text, words = HOSTILE[name]
    try:
        value = load_text(text, "f.yaml")
    except YamlError as exc:
        assert words in exc.problem.message
        assert exc.problem.line >= 1
    else:  # a merge key is only a key here, and the record reader refuses it as unknown
        assert name == "merge key"
        assert "<<" in value[0]
    assert not (tmp_path / "PWNED").exists()


def test_duplicate_key_names_both_lines() -> None:
    with pytest.raises(YamlError) as err:
        load_text("- id: a\n  kind: void\n  id: b\n", "m.yaml")
    assert err.value.problem.line == 3
    assert "first on line 1" in err.value.problem.message


def test_non_utf8_names_line(tmp_path: Path) -> None:
    path = tmp_path / "2022-07.yaml"
    path.write_bytes(b"- id: a\n  note: \xff\xfe broken\n")
    with pytest.raises(YamlError) as err:
        yamlread.load_path(path)
    assert err.value.problem.line == 2
    assert "UTF-8" in err.value.problem.message


def test_oversized_file_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlread, "MAX_FILE_BYTES", 100)
    path = tmp_path / "big.yaml"
    path.write_text("- id: a\n" * 20)
    with pytest.raises(YamlError) as err:
        yamlread.load_path(path)
    assert "limit" in err.value.problem.message


def test_scalars_stay_text_so_money_never_floats() -> None:
    value = load_text("a: 0.10\nb: 0.20\nc: 1e400\nd: .nan\ne: true\nf: ~\ng: ''\n", "x")
    assert value == {"a": "0.10", "b": "0.20", "c": "1e400", "d": ".nan", "e": "true", "f": None, "g": ""}


def test_unquoted_amounts_add_exactly(ledger: Path, run: Run) -> None:
    """0.10 + 0.20 read from a file is exactly 0.30, as Decimal, never 0.30000000000000004."""
    (ledger / "2022-04.yaml").write_text(
        "- id: pay-2022-04-20-aaaaaa\n  kind: payment\n  date: 2022-04-20\n  instalment: 1\n"
        "  amount: 0.10\n"
        "- id: pay-2022-04-21-bbbbbb\n  kind: payment\n  date: 2022-04-21\n  instalment: 1\n"
        "  amount: 0.20\n",
        encoding="utf-8",
    )
    led = load(ledger.parent.parent / "contracts" / "haidian-hotline-2022.yaml", ledger)
    amounts = [r.amount for r in led.records if r.kind == "payment"]
    assert all(type(a) is Decimal for a in amounts)
    assert sum(amounts) == Decimal("0.30")
    assert [p for p in led.problems if p.code not in ("gap", "old-layout")] == []


@pytest.mark.parametrize("name", ["python tag", "alias bomb", "anchor", "syntax"])
def test_check_reports_hostile_ledger_file(name: str, ledger: Path, run: Run) -> None:
    path = ledger / "2022-07.yaml"
    path.write_text("- id: att-2022-07-01-day\n  kind: attendance\n" + HOSTILE[name][0], encoding="utf-8")
    before = snapshot(ledger)
    result = run("check")
    assert result.exit_code == 1
    assert "ledgers/haidian-hotline-2022/2022-07.yaml:" in result.output
    assert "Traceback" not in result.output
    assert snapshot(ledger) == before


def test_check_reports_non_utf8_and_hostile_contract(project: Path, run: Run) -> None:
    contract = project / "contracts" / "haidian-hotline-2022.yaml"
    contract.write_bytes(contract.read_bytes().replace(b"seats: 48", b"seats: !!python/name:os.system 48"))
    result = run("check")
    assert result.exit_code == 1
    assert "tag" in result.output and "haidian-hotline-2022.yaml:" in result.output
    contract.write_bytes(b"id: x\ntitle: \xc3\x28\n")
    result = run("check")
    assert result.exit_code == 1
    assert "haidian-hotline-2022.yaml:2:" in result.output and "UTF-8" in result.output


def test_contract_with_alias_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("id: &x a\ntitle: *x\n")
    with pytest.raises(SeatledgerError) as err:
        load_contract(path)
    assert err.value.problems[0].line == 1
