"""The documentation holds together: every relative link in the READMEs, CONTRIBUTING.md and
docs/ points at a file that exists (and at a heading that exists, where it names one), and the
two READMEs stay short enough to read as a front door."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PAGES = [
    REPO / "README.md",
    REPO / "README.zh-CN.md",
    REPO / "CONTRIBUTING.md",
    *sorted((REPO / "docs").glob("*.md")),
]
FENCE = re.compile(r"^```.*?^```", re.S | re.M)
CODE = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"\[[^\]\n]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6} +(.+?) *#*$", re.M)


def prose(text: str) -> str:
    """The text without code blocks and code spans, where brackets are not links."""
    return CODE.sub("", FENCE.sub("", text))


def anchors(page: Path) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens."""
    found = set()
    for title in HEADING.findall(prose(page.read_text(encoding="utf-8"))):
        slug = re.sub(r"[^\w\- ]", "", title.strip().lower())
        found.add(slug.replace(" ", "-"))
    return found


def broken_links(page: Path) -> list[str]:
    broken = []
    for target in LINK.findall(prose(page.read_text(encoding="utf-8"))):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto:
            continue
        path, _, anchor = target.partition("#")
        file = (page.parent / path).resolve() if path else page
        if not file.exists():
            broken.append(f"{target}: no such file")
        elif anchor and file.suffix == ".md" and anchor not in anchors(file):
            broken.append(f"{target}: no such heading")
    return broken


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_relative_link_resolves(page: Path) -> None:
    assert page.exists()
    assert broken_links(page) == []


@pytest.mark.parametrize("name", ["README.md", "README.zh-CN.md"])
def test_the_readme_is_at_most_150_lines(name: str) -> None:
    lines = (REPO / name).read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 150, f"{name} has {len(lines)} lines"


def test_a_broken_link_is_found(tmp_path: Path) -> None:
    (tmp_path / "here.md").write_text("# Here\n")
    page = tmp_path / "page.md"
    page.write_text(
        "# Page\n[ok](here.md) [ok](here.md#here) [ok](#page) [web](https://example.org)\n"
        "`[code](missing.md)`\n[gone](missing.md) [wrong](here.md#there)\n",
        encoding="utf-8",
    )
    assert broken_links(page) == ["missing.md: no such file", "here.md#there: no such heading"]
