"""A contract that extends a shared base (`extends:`): the seed contract split into a base of
the terms a district keeps from year to year and a contract of the year's own, merged and
validated as one; problems name the file and line they are in; a base alone is not a
contract; a missing base or a cycle is a problem at the `extends:` line."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SEED, Run, snapshot

BASE_KEYS = ("parties", "breakdown", "final_payment", "staffing", "penalties", "obligations",
             "late_interest", "settings", "termination", "payment_documents", "documents_clause")  # fmt: skip
OTHER_B = "北京某某科技有限公司"


def blocks(text: str) -> list[tuple[str, str]]:
    """The seed's top-level keys, each with its lines (comments before a key go with it)."""
    out: list[tuple[str, str]] = []
    pending: list[str] = []
    for line in text.splitlines(keepends=True):
        if line[:1] not in (" ", "#", "\n", "") and ":" in line:
            out.append((line.split(":", 1)[0], "".join(pending) + line))
            pending = []
        elif line.startswith("#") or not out:
            pending.append(line)
        else:
            key, body = out[-1]
            out[-1] = (key, body + line)
    return out


def split(project: Path, cid: str = "district-2022") -> tuple[Path, Path]:
    """contracts/_base/hotline-base.yaml with BASE_KEYS, and contracts/<cid>.yaml with the
    rest, extending it and overriding Party B's name alone (a mapping two levels down)."""
    parts = blocks(SEED.read_text(encoding="utf-8"))
    (project / "contracts" / SEED.name).unlink()
    base = project / "contracts" / "_base" / "hotline-base.yaml"
    base.parent.mkdir()
    base.write_text("".join(b for k, b in parts if k in BASE_KEYS), encoding="utf-8")
    own = "".join(b for k, b in parts if k not in BASE_KEYS).replace("id: haidian-hotline-2022", f"id: {cid}")
    contract = project / "contracts" / f"{cid}.yaml"
    contract.write_text(
        f"extends: hotline-base\n{own}parties:\n  b:\n    name: {OTHER_B}\n", encoding="utf-8"
    )
    return base, contract


def ok(run: Run, *args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, (args, result)
    return result.stdout


def line_in(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_a_contract_over_its_base_reads_as_the_whole_contract(project: Path, run: Run) -> None:
    _base, contract = split(project)
    # the same contract written out whole: the seed with the other Party B
    whole = SEED.read_text(encoding="utf-8").replace("北京融通润园科技有限公司", OTHER_B)
    (project / "whole.yaml").write_text(whole.replace("id: haidian-hotline-2022", "id: district-2022"))
    merged = json.loads(ok(run, "contract", "--contract", str(contract), "--format", "json"))
    written = json.loads(ok(run, "contract", "--contract", "whole.yaml", "--format", "json"))
    assert merged == written
    assert merged["party_a"] == "北京市海淀区城市管理指挥中心"  # kept from the base
    assert merged["party_b"] == OTHER_B  # the contract's own
    ok(run, "init", "--contract", "district-2022")
    assert ok(run, "check", "--contract", "district-2022").startswith("ok")
    # the base is no contract: discovery finds the one contract alone
    p = json.loads(ok(run, "portfolio", "--as-of", "2022-05-01", "--format", "json"))
    assert [c["id"] for c in p["contracts"]] == ["district-2022"]
    alone = run("check", "--contract", "contracts/_base/hotline-base.yaml")
    assert alone.exit_code == 1 and "is a base (a template)" in alone.output


def test_a_list_in_the_contract_replaces_the_bases_whole(project: Path, run: Run) -> None:
    base, contract = split(project)
    # one ground instead of the base's three: the list is replaced, not merged by position
    contract.write_text(
        contract.read_text(encoding="utf-8")
        + "termination:\n  grounds:\n    - clause: 十(3)\n      title: 违反保密制度\n      needs_notice: false\n",
        encoding="utf-8",
    )
    assert base.read_text(encoding="utf-8").count("- clause:") == 3
    shown = ok(run, "contract", "--contract", "district-2022", "--format", "json")
    grounds = [t for t in json.loads(shown)["terms"] if t["section"] == "grounds"]
    assert [t["clause"] for t in grounds] == ["十(3)"]


def test_problems_name_the_file_and_line_they_are_in(project: Path, run: Run) -> None:
    base, contract = split(project)
    run("init", "--contract", "district-2022")
    before = snapshot(project)
    text = base.read_text(encoding="utf-8")
    base.write_text(text.replace("day_basis: 360", "day_basis: many"), encoding="utf-8")
    bad = run("check", "--contract", "district-2022")
    assert bad.exit_code == 1
    assert f"{Path('contracts/_base/hotline-base.yaml')}:{line_in(base, 'day_basis')}:" in bad.output
    base.write_text(text, encoding="utf-8")
    own = contract.read_text(encoding="utf-8")
    contract.write_text(own.replace(f"name: {OTHER_B}", "name: [1, 2]"), encoding="utf-8")
    bad = run("check", "--contract", "district-2022", "--lang", "zh")
    assert bad.exit_code == 1
    assert f"{Path('contracts/district-2022.yaml')}:{line_in(contract, 'name: [1, 2]')}:" in bad.output
    contract.write_text(own, encoding="utf-8")
    assert snapshot(project) == before


def test_a_missing_base_or_a_cycle_is_a_problem_at_the_extends_line(project: Path, run: Run) -> None:
    base, contract = split(project)
    own = contract.read_text(encoding="utf-8")
    contract.write_text(own.replace("extends: hotline-base", "extends: nowhere"), encoding="utf-8")
    missing = run("check", "--contract", "district-2022")
    assert missing.exit_code == 1
    assert "contracts/district-2022.yaml:1: extends:" in missing.output and "nowhere.yaml" in missing.output
    zh = run("check", "--contract", "district-2022", "--lang", "zh")
    assert zh.exit_code == 1 and "没有" in zh.output
    contract.write_text(own, encoding="utf-8")
    base.write_text("extends: ../district-2022.yaml\n" + base.read_text(encoding="utf-8"), encoding="utf-8")
    cycle = run("check", "--contract", "district-2022")
    assert (
        cycle.exit_code == 1
        and "district-2022.yaml -> hotline-base.yaml -> district-2022.yaml" in cycle.output
    )


def test_renew_keeps_extends_and_a_changed_base_is_seen(project: Path, run: Run) -> None:
    base, _contract = split(project)
    ok(run, "init", "--contract", "district-2022")
    assert ok(run, "check", "--contract", "district-2022").startswith("ok")  # now a clean verdict is kept
    ok(run, "renew", "--from", "district-2022", "--id", "district-2023", "--start", "2023-04-01")
    renewed = (project / "contracts" / "district-2023.yaml").read_text(encoding="utf-8")
    assert renewed.startswith("extends: hotline-base\n") and "renews: district-2022" in renewed
    shown = json.loads(ok(run, "contract", "--contract", "district-2023", "--format", "json"))
    assert (shown["start"], shown["end"], shown["party_b"]) == ("2023-04-01", "2024-03-31", OTHER_B)
    # a change to the base alone reaches every contract that extends it, cached or not
    base.write_text(base.read_text(encoding="utf-8").replace("day_basis: 360", "day_basis: many"))
    assert run("check", "--contract", "district-2022").exit_code == 1


def test_renew_refuses_a_term_held_in_the_base(project: Path, run: Run) -> None:
    base, contract = split(project)
    parts = dict(blocks(contract.read_text(encoding="utf-8")))
    base.write_text(base.read_text(encoding="utf-8") + parts["term"], encoding="utf-8")
    contract.write_text(contract.read_text(encoding="utf-8").replace(parts["term"], ""), encoding="utf-8")
    ok(run, "init", "--contract", "district-2022")
    before = snapshot(project)
    refused = run("renew", "--from", "district-2022", "--id", "district-2023", "--start", "2023-04-01")
    assert refused.exit_code == 1 and "the term is in a base it extends" in refused.output
    assert snapshot(project) == before
