"""JSON is indented for a person at a terminal and one compact line for a pipe or a file (json's
C encoder: the indented one is pure Python, a third of a warm portfolio of a city); both are
the same data."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Run

ARGS = ("settle", "--quarter", "Q3", "--format", "json")


def on_a_terminal(*args: str) -> str:
    """What the real CLI writes to a pseudo-terminal."""
    leader, follower = pty.openpty()
    code = "from seatledger.cli.main import main; main()"
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=follower, stderr=subprocess.DEVNULL)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert proc.wait() == 0
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_json_to_a_pipe_is_one_compact_line(example: Path, run: Run) -> None:
    out = run(*ARGS).stdout
    assert out.endswith("\n") and out.count("\n") == 1
    assert '":' in out and '": ' not in out


@pytest.mark.slow
def test_json_on_a_terminal_is_indented_and_the_same_data(example: Path, run: Run) -> None:
    shown = on_a_terminal(*ARGS)
    assert shown.startswith("{\n  ") and '": ' in shown
    assert json.loads(shown) == json.loads(run(*ARGS).stdout)
