"""The structure is a rule too: layers that only import downward, and nothing of a particular
contract in the code (its keys and clause labels come from its YAML)."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from seatledger.read.contract_file import load_contract

REPO = Path(__file__).resolve().parent.parent
SRC = REPO / "src" / "seatledger"
SEED = REPO / "contracts" / "haidian-hotline-2022.yaml"


def contract_names(path: Path) -> tuple[set[str], set[str]]:
    """(keys, clause labels) that a contract file defines."""
    c = load_contract(path)
    keys = {
        *c.penalties,
        *c.obligations,
        *c.late_interest.excuses,
        *(g.key for g in c.staffing.groups),
        *(line.key for line in c.breakdown),
    }
    s = c.staffing
    clauses = {
        c.term.clause,
        c.total_clause,
        c.final_payment.clause,
        c.late_interest.clause,
        s.seats_clause,
        s.groups_clause,
        s.degree_quota.clause,
        s.management.clause,
        s.management.change_clause,
        s.replacement.clause,
        *(i.clause for i in c.instalments),
        *(p.clause for p in c.penalties.values()),
        *(o.clause for o in c.obligations.values()),
    }
    labels = {part.strip() for clause in clauses for part in clause.split(",")}
    return keys, labels


def code_strings(path: Path) -> list[tuple[int, str]]:
    """Every string constant in a module that is code, not a docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def named(folder: Path, keys: set[str], labels: set[str]) -> list[str]:
    """`file:line: text` for each string in the code that names a key or a clause label."""
    # A hyphenated key is distinctive wherever it stands; a one-word key ("data") only alone.
    patterns = [re.compile(rf"(?<![\w-]){re.escape(k)}(?![\w-])") for k in keys if "-" in k]
    out = []
    for path in sorted(folder.rglob("*.py")):
        for line, text in code_strings(path):
            if (
                text in keys
                or any(p.search(text) for p in patterns)
                or any(label in text for label in labels)
            ):
                out.append(f"{path.relative_to(folder)}:{line}: {text!r}")
    return out


def test_the_code_names_no_key_or_clause_of_the_bundled_contract() -> None:
    keys, labels = contract_names(SEED)
    assert "seat-shortage" in keys and "十(1)" in labels and "附件1 四" in labels
    assert named(SRC, keys, labels) == []


def test_the_scan_finds_a_key_or_clause_written_into_code(tmp_path: Path) -> None:
    keys, labels = contract_names(SEED)
    (tmp_path / "planted.py").write_text(
        '"""Docstrings may cite 十(1)."""\n'
        'RATE = "seat-shortage"\n'
        'def f(x):\n    return f"{x} per 三(一)4"\n',
        encoding="utf-8",
    )
    found = named(tmp_path, keys, labels)
    assert [f.split(":")[1] for f in found] == ["2", "4"]


def _lint_imports() -> str | None:
    found = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    return found or shutil.which("lint-imports")


def _copy_project(dest: Path) -> None:
    shutil.copytree(SRC, dest / "src" / "seatledger", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", dest / "pyproject.toml")


def _lint(folder: Path) -> subprocess.CompletedProcess[str]:
    tool = _lint_imports()
    if tool is None:
        pytest.skip("lint-imports is not installed (pip install -e '.[test]')")
    return subprocess.run(
        [tool, "--no-cache"],
        cwd=folder,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(folder / "src"), "PATH": "/usr/bin:/bin"},
    )


def test_the_layers_hold(tmp_path: Path) -> None:
    _copy_project(tmp_path)
    result = _lint(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_lower_layer_importing_a_higher_one_breaks_the_layers(tmp_path: Path) -> None:
    _copy_project(tmp_path)
    money = tmp_path / "src" / "seatledger" / "core" / "money.py"
    money.write_text(
        money.read_text(encoding="utf-8") + "\nfrom seatledger.reports import settlement  # noqa\n",
        encoding="utf-8",
    )
    result = _lint(tmp_path)
    assert result.returncode != 0
    assert "seatledger.core is not allowed to import seatledger.reports" in result.stdout


def test_the_architecture_layout_lists_every_module_and_no_other() -> None:
    doc = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    block = doc.split("## Layout", 1)[1].split("```", 2)[1]
    listed, folder = set(), ""
    for line in block.splitlines():
        first = line.split()[0] if line.strip() else ""
        if not line.startswith(" ") and first.endswith("/"):
            folder = first
        elif first.endswith(".py"):
            listed.add(folder + first)
    actual = {str(p.relative_to(SRC)) for p in SRC.glob("*/*.py") if p.name != "__init__.py"}
    assert listed == actual
