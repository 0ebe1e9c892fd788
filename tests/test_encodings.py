"""Files as Windows and Chinese editors save them: a CRLF file stays CRLF when appended to and
formatted; a GBK/GB18030 file is refused with the command that converts it, which works; output
survives a GBK console; a closed pipe ends quietly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import Run, snapshot


def test_a_crlf_file_keeps_crlf_on_append_and_fmt(blank: Path, run: Run) -> None:
    month = blank / "2022-10.yaml"
    assert run("record", "attendance", "--date", "2022-10-08", "--present", "48").exit_code == 0
    month.write_bytes(month.read_bytes().replace(b"\n", b"\r\n"))
    for day in ("2022-10-10", "2022-10-09"):  # at the end, then in the middle
        assert run("record", "attendance", "--date", day, "--present", "47").exit_code == 0
    data = month.read_bytes()
    assert data.count(b"\r\n") == data.count(b"\n") and b"2022-10-09" in data
    assert run("record", "attendance", "--date", "2022-10-09", "--present", "48", "--replace").exit_code == 0
    assert month.read_bytes().count(b"\r\n") == month.read_bytes().count(b"\n")
    assert run("fmt", "--check").exit_code == 0
    assert run("check", "--allow-gaps").exit_code == 0


def test_a_gbk_file_is_refused_with_the_conversion_command_which_works(blank: Path, run: Run) -> None:
    month = blank / "2022-10.yaml"
    assert (
        run(
            "record",
            "incident",
            "--date",
            "2022-10-10",
            "--penalty",
            "post-abandonment",
            "--staff",
            "S001",
            "--note",
            "脱岗十分钟",
        ).exit_code
        == 0
    )
    month.write_bytes(month.read_text(encoding="utf-8").encode("gb18030"))
    before = snapshot(blank)
    appended = run(
        "record", "incident", "--date", "2022-10-11", "--penalty", "post-abandonment", "--staff", "S002"
    )
    assert appended.exit_code == 1, appended
    assert (
        "GBK/GB18030" in appended.stderr
        and f"seatledger to-utf8 {month.relative_to(blank.parent.parent)}" in appended.stderr
    )
    assert "internal error" not in appended.stderr and snapshot(blank) == before
    assert "GBK/GB18030" in run("check").output
    converted = run("to-utf8", str(month))
    assert converted.exit_code == 0 and "converted" in converted.stdout
    assert "脱岗十分钟" in month.read_text(encoding="utf-8")
    assert run("to-utf8", str(month)).stdout.strip().endswith("already UTF-8, left as it is")
    assert run("check", "--allow-gaps").exit_code == 0


def test_to_utf8_refuses_bytes_that_are_neither(tmp_path: Path, run: Run) -> None:
    bad, good = tmp_path / "bad.yaml", tmp_path / "good.yaml"
    bad.write_bytes(b"\xff\xfe\x00\x01 not text")
    good.write_bytes("备注".encode("gb18030"))
    result = run("to-utf8", str(good), str(bad))
    assert result.exit_code == 1 and "neither UTF-8 nor GBK" in result.stderr
    assert good.read_bytes() == "备注".encode("gb18030")  # all or nothing


def _cli(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-c", "from seatledger.cli.main import main; main()", *args],
        cwd=cwd,
        capture_output=True,
        env=dict(os.environ, **env),
    )


def test_output_survives_a_gbk_console(blank: Path, run: Run) -> None:
    assert (
        run(
            "record",
            "incident",
            "--date",
            "2022-10-10",
            "--penalty",
            "post-abandonment",
            "--staff",
            "S001",
            "--note",
            "emoji 🙂 and 脱岗",
        ).exit_code
        == 0
    )
    project = blank.parent.parent
    out = _cli(
        "--lang", "zh", "deduct", "--month", "2022-10", cwd=project, PYTHONIOENCODING="gbk", COLUMNS="160"
    )
    assert out.returncode == 0, out.stderr
    assert "扣罚项" in out.stdout.decode("gbk")
    bad = _cli(
        "--lang",
        "zh",
        "record",
        "incident",
        "--date",
        "2022-10-10",
        "--penalty",
        "🙂",
        cwd=project,
        PYTHONIOENCODING="gbk",
    )
    assert bad.returncode == 2 and b"Traceback" not in bad.stderr


def test_a_closed_pipe_ends_quietly(blank: Path) -> None:
    project = blank.parent.parent
    proc = subprocess.run(
        f"{sys.executable} -c 'from seatledger.cli.main import main; main()' contract | head -1",
        shell=True,
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert proc.stderr == "" and proc.stdout.strip()
