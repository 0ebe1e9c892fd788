"""`check` warns in a clone that runs another seatledger than the repository pins in
seatledger-requirements.txt (the one CI, the hooks and the merge driver run)."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pytest

from conftest import Run, git
from seatledger.git.pinned_version import differs, pinned


def test_the_pin_is_read_from_the_seatledger_line() -> None:
    assert pinned("# comment\nother==1\nseatledger==0.3.1  # pinned\n") == ("version", "0.3.1")
    assert pinned("seatledger @ git+https://example.org/o/seatledger@0123abcd\n") == ("ref", "0123abcd")
    assert pinned("# seatledger==9\nrequests==2\n") is None


@pytest.mark.parametrize(
    ("pin", "version", "commit", "found"),
    [
        (("version", "0.2.0"), "0.2.0", None, None),
        (("version", "0.2.0"), "0.2.1", None, "0.2.1"),
        (("ref", "0123456789ab"), "0.2.0", "0123456789abcdef0123456789abcdef01234567", None),
        (("ref", "0123456789ab"), "0.2.0", "fedcba9876543210fedcba9876543210fedcba98", "fedcba987654"),
        (("ref", "v0.2.0"), "0.2.0", "fedcba9876543210fedcba9876543210fedcba98", None),  # a tag
        (("ref", "0123456789ab"), "0.2.0", None, None),  # not installed from git: unknown
    ],
)
def test_only_a_knowable_difference_counts(
    pin: tuple[str, str], version: str, commit: str | None, found: str | None
) -> None:
    assert differs(pin, version, commit) == found


@pytest.mark.slow
def test_check_warns_in_a_clone_running_another_version(example: Path, run: Run) -> None:
    root = example.parent.parent
    git(root, "init", "-q", "-b", "main")
    pin = root / "seatledger-requirements.txt"
    pin.write_text("seatledger==0.0.1\n", encoding="utf-8")
    out = run("check")
    assert out.exit_code == 0, out
    assert "seatledger-requirements.txt pins 0.0.1" in out.output and "pip install -r" in out.output
    zh = run("check", "--lang", "zh").output
    assert "0.0.1" in zh and "pip install -r" in zh and "pins" not in zh
    pin.write_text(f"seatledger=={metadata.version('seatledger')}\n", encoding="utf-8")
    assert "pins" not in run("check").output
