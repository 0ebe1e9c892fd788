"""`seatledger import` (issue 22) through the real CLI on exports written by
tests/export_fixtures.py: what the contract counts is derived from the fixture's schedule,
never from the importer."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import chinese_calendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import export_fixtures as fx
from conftest import Run, examples, snapshot

NIGHT = ["S041", "S042"]  # the night shift: 18:00 to 09:00 the next morning
BADGES = {"S003": "10003", "S004": "10004"}  # in the export by 工号, on the roster as badges
LEFT = ("S043", dt.date(2022, 10, 20))  # left, still in DingTalk
NOT_ON_ROSTER = {"S099": "李四"}


def _ids(ledger: Path) -> list[str]:
    text = (ledger / "roster.yaml").read_text(encoding="utf-8")
    return [line.split(": ")[1] for line in text.splitlines() if line.startswith("- id: ")]


def _setup(run: Run, ledger: Path) -> None:
    """Badges, a departure and a night demand, through the CLI as a clerk would."""
    text = (ledger / "roster.yaml").read_text(encoding="utf-8")
    for pid, badge in BADGES.items():
        text = text.replace(f"- id: {pid}\n", f"- id: {pid}\n  badge: '{badge}'\n")
    (ledger / "roster.yaml").write_text(text, encoding="utf-8")
    assert run("roster", "leave", LEFT[0], "--date", str(LEFT[1])).exit_code == 0
    r = run(
        "record",
        "demand",
        "--from",
        "2022-10-01",
        "--to",
        "2022-10-31",
        "--shift",
        "night",
        "--required",
        "2",
    )
    assert r.exit_code == 0, r.output


def _schedule(ledger: Path, seed: int = 7) -> tuple[fx.Schedule, dict[str, str]]:
    """The month in the export's own ids, and the badge -> roster id map the test knows."""
    ids = _ids(ledger)
    badge_of = {pid: BADGES.get(pid, pid) for pid in ids}
    schedule = fx.october([*badge_of.values(), *NOT_ON_ROSTER], [badge_of[p] for p in NIGHT], seed=seed)
    return schedule, {b: pid for pid, b in badge_of.items()}


def _expected(
    schedule: fx.Schedule, to_id: dict[str, str]
) -> dict[tuple[dt.date, str], tuple[int, tuple[str, ...]]]:
    """What the contract counts: working days' day shifts, every night (the demand), people on
    the roster on the day."""
    on_roster = {
        k: d
        for k, d in schedule.items()
        if k[0] in to_id and not (to_id[k[0]] == LEFT[0] and k[1] >= LEFT[1])
    }
    counted = fx.counted(on_roster, to_id)
    return {k: v for k, v in counted.items() if k[1] == "night" or chinese_calendar.is_workday(k[0])}


@pytest.fixture
def october(blank: Path, run: Run) -> tuple[Path, fx.Schedule, dict[str, str]]:
    _setup(run, blank)
    schedule, to_id = _schedule(blank)
    names = {b: f"员工{b}" for b, _ in schedule}
    fx.dingtalk(blank.parent.parent / "dingtalk-2022-10.xlsx", schedule, names, departed=NOT_ON_ROSTER)
    return blank, schedule, to_id


def _october_records(ledger: Path, run: Run) -> dict[tuple[dt.date, str], tuple[int, tuple[str, ...]]]:
    r = run("check", "--format", "json")
    assert r.exit_code == 0, r.output
    out = {}
    text = (ledger / "2022-10.yaml").read_text(encoding="utf-8")
    for item in text.split("- id: ")[1:]:
        fields = dict(line.strip().split(": ", 1) for line in item.splitlines()[1:] if ": " in line)
        if fields.get("kind") != "attendance":
            continue
        absent = tuple(a.strip() for a in fields.get("absent", "[]").strip("[]").split(",") if a.strip())
        out[dt.date.fromisoformat(fields["date"]), fields["shift"]] = (int(fields["present"]), absent)
    return out


def test_october_import_is_what_the_schedule_counts(
    october: tuple[Path, fx.Schedule, dict[str, str]], run: Run
) -> None:
    ledger, schedule, to_id = october
    r = run("import", "dingtalk-2022-10.xlsx")
    assert r.exit_code == 0, r.output
    assert _october_records(ledger, run) == _expected(schedule, to_id)
    assert "sha256:" in (ledger / "2022-10.yaml").read_text(encoding="utf-8")


def test_import_equals_the_same_attendance_entered_by_hand(
    october: tuple[Path, fx.Schedule, dict[str, str]],
    run: Run,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ledger, schedule, to_id = october
    project = ledger.parent.parent
    by_hand = tmp_path_factory.mktemp("by-hand")
    shutil.copytree(project, by_hand, dirs_exist_ok=True)
    assert run("import", "dingtalk-2022-10.xlsx").exit_code == 0
    imported = _figures(run)
    monkeypatch.chdir(by_hand)
    for (day, shift), (present, absent) in sorted(_expected(schedule, to_id).items()):
        args = ["record", "attendance", "--date", str(day), "--shift", shift, "--present", str(present)]
        args += ["--absent", ",".join(absent)] if absent else []
        assert run(*args).exit_code == 0
    typed = _figures(run)
    # absences on working days: the month has deductions, so equal figures are not two zeros
    assert Decimal(json.loads(imported[0])["deductions"]["total"]) > 0
    assert imported == typed


def _figures(run: Run) -> list[str]:
    """settle and deduct as JSON, each refused run a failure rather than an empty string."""
    out = []
    for cmd in (
        ("settle", "--quarter", "Q4"),
        ("settle", "--month", "2022-10"),
        ("deduct", "--month", "2022-10"),
    ):
        r = run(*cmd, "--format", "json")
        assert r.exit_code == 0, r.output
        out.append(r.stdout)
    return out


def test_the_same_file_twice_writes_nothing_and_says_so(
    october: tuple[Path, fx.Schedule, dict[str, str]], run: Run
) -> None:
    ledger = october[0]
    assert run("import", "dingtalk-2022-10.xlsx").exit_code == 0
    before = snapshot(ledger)
    r = run("import", "dingtalk-2022-10.xlsx")
    assert r.exit_code == 0
    assert "already imported" in r.stdout
    assert snapshot(ledger) == before


def test_an_overlap_is_refused_unless_replace(
    october: tuple[Path, fx.Schedule, dict[str, str]], run: Run
) -> None:
    ledger, schedule, to_id = october
    assert run("record", "attendance", "--date", "2022-10-10", "--present", "1").exit_code == 0
    before = snapshot(ledger)
    r = run("import", "dingtalk-2022-10.xlsx")
    assert r.exit_code == 1
    assert "att-2022-10-10-day is already recorded" in r.output
    assert snapshot(ledger) == before
    assert run("import", "dingtalk-2022-10.xlsx", "--replace").exit_code == 0
    assert _october_records(ledger, run) == _expected(schedule, to_id)


def test_dry_run_shows_records_and_every_skipped_row_and_writes_nothing(
    october: tuple[Path, fx.Schedule, dict[str, str]], run: Run
) -> None:
    ledger, schedule, to_id = october
    before = snapshot(ledger)
    r = run("import", "dingtalk-2022-10.xlsx", "--dry-run", "--format", "json")
    assert r.exit_code == 0, r.output
    assert snapshot(ledger) == before
    data = json.loads(r.stdout)
    (f,) = data["files"]
    assert f["profile"] == "dingtalk-daily"
    expected = _expected(schedule, to_id)
    assert {
        (dt.date.fromisoformat(x["date"]), x["shift"]): (x["present"], tuple(x["absent"]))
        for x in f["records"]
    } == expected
    used = {(w["sheet"], w["row"]) for x in f["records"] for w in x["rows"]}
    skipped = {(s["sheet"], s["row"]) for s in f["skipped"]}
    data_rows = set(range(4, 4 + len(schedule)))  # two title rows and the header above the data
    assert used | skipped == {("每日统计", n) for n in data_rows} and not used & skipped
    reasons = " ".join(s["reason"] for s in f["skipped"])
    assert "'S099' is not on the roster" in reasons and "S043 is not on the roster on 2022-10-20" in reasons
    text = run("import", "dingtalk-2022-10.xlsx", "--dry-run", "--lang", "zh")
    assert "将添加 att-2022-10-10-day" in text.stdout and "已跳过 每日统计 第" in text.stdout
    assert snapshot(ledger) == before


def test_every_profile_is_identified_and_counts_alike(
    october: tuple[Path, fx.Schedule, dict[str, str]], run: Run
) -> None:
    ledger, schedule, to_id = october
    project = ledger.parent.parent
    names = {b: f"员工{b}" for b, _ in schedule}
    fx.wecom(project / "wecom.xlsx", schedule, names)
    fx.punch_csv(project / "punches.csv", schedule, names)
    expected = _expected(schedule, to_id)
    runs = {
        "wecom.xlsx": ("wecom-daily", ()),
        "punches.csv": ("punch-csv", ()),
        "dingtalk-2022-10.xlsx": ("dingtalk-raw", ("--profile", "dingtalk-raw")),
    }
    for name, (profile, args) in runs.items():
        r = run("import", name, "--dry-run", "--format", "json", *args)
        assert r.exit_code == 0, r.output
        (f,) = json.loads(r.stdout)["files"]
        assert f["profile"] == profile
        got = {
            (dt.date.fromisoformat(x["date"]), x["shift"]): (x["present"], tuple(x["absent"]))
            for x in f["records"]
        }
        if profile == "wecom-daily":
            assert got == expected
        else:  # punches know no absence, and a lone punch asks: those shifts are left out
            lone = {
                (d, "night" if s.shift == "夜班" else "day")
                for (b, d), s in schedule.items()
                if s.result == "缺卡"
            }
            assert got == {k: (v[0], ()) for k, v in expected.items() if k not in lone}
            assert any(k[1] == "night" for k in got)


def test_a_word_the_rules_do_not_know_refuses_the_import_by_row(blank: Path, run: Run) -> None:
    schedule = {("S001", dt.date(2022, 10, 10)): fx.Day("白班", "外星")}
    fx.dingtalk(blank.parent.parent / "odd.xlsx", schedule, {})
    before = snapshot(blank)
    r = run("import", "odd.xlsx")
    assert r.exit_code == 1
    assert "odd.xlsx:4: 每日统计: '外星' is not a word of the rules' outcomes" in r.stderr
    assert snapshot(blank) == before


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("broken.xlsx", b"PK\x03\x04 not really a zip", "not a readable .xlsx workbook"),
        ("report.pdf", b"%PDF-1.4", "expected an attendance export"),
        ("binary.csv", b"\x00\x01\x02", "a binary file, not CSV text"),
        ("latin.csv", "工号".encode("utf-16"), "not text in"),
        ("long.csv", b"x" * 200_000, "line 1 has a cell longer than 131,072 characters"),  # was exit 3
    ],
)
def test_a_damaged_or_foreign_file_is_refused_naming_it(
    blank: Path, run: Run, name: str, data: bytes, says: str
) -> None:
    (blank.parent.parent / name).write_bytes(data)
    before = snapshot(blank)
    r = run("import", name)
    assert r.exit_code == 1, r.output
    assert name in r.stderr and says in r.stderr
    assert "Traceback" not in r.output
    assert snapshot(blank) == before


def test_a_rules_file_is_checked_by_line_and_adapts_a_profile(
    october: tuple[Path, fx.Schedule, dict[str, str]], run: Run
) -> None:
    ledger = october[0]
    bad = ledger.parent.parent / "import-rules.yaml"  # in the repository, beside the ledger folder
    bad.write_text("base: dingtalk-daily\noutcomes:\n  缺卡: maybe\n", encoding="utf-8")
    r = run("import", "dingtalk-2022-10.xlsx", "--rules", str(bad))
    assert r.exit_code == 1
    assert f"{bad}:3: 缺卡: 'maybe' is not one of present, absent, leave, ask, rest" in r.stderr
    # every row present on the day shift, whatever DingTalk says: a rules file can say so
    bad.write_text("base: dingtalk-daily\noutcomes:\n  旷工: present\n  事假: present\n", encoding="utf-8")
    r = run("import", "dingtalk-2022-10.xlsx", "--rules", str(bad), "--dry-run", "--format", "json")
    assert r.exit_code == 0, r.output
    assert all(not x["absent"] for x in json.loads(r.stdout)["files"][0]["records"])


def test_gbk_and_gb18030_and_bom_csv_read_alike(
    october: tuple[Path, fx.Schedule, dict[str, str]], run: Run
) -> None:
    schedule = october[1]
    project = october[0].parent.parent
    outs = []
    for encoding in ("gbk", "gb18030", "utf-8-sig", "utf-8"):
        fx.punch_csv(project / f"p-{encoding}.csv", schedule, {b: f"员工{b}" for b, _ in schedule}, encoding)
        r = run("import", f"p-{encoding}.csv", "--dry-run", "--format", "json")
        assert r.exit_code == 0, r.output
        outs.append([(x["id"], x["present"]) for x in json.loads(r.stdout)["files"][0]["records"]])
    assert outs[0] and all(o == outs[0] for o in outs)


@pytest.mark.slow
def test_an_xls_export_reads_as_its_xlsx(
    october: tuple[Path, fx.Schedule, dict[str, str]], run: Run, tmp_path: Path
) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed: no .xls can be written here")
    project = october[0].parent.parent
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "xls",
            "--outdir",
            str(project),
            str(project / "dingtalk-2022-10.xlsx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    xlsx = run("import", "dingtalk-2022-10.xlsx", "--dry-run", "--format", "json")
    xls = run("import", "dingtalk-2022-10.xls", "--dry-run", "--format", "json")
    assert xls.exit_code == 0, xls.output
    records = [
        [(x["id"], x["present"], x["absent"]) for x in json.loads(r.stdout)["files"][0]["records"]]
        for r in (xlsx, xls)
    ]
    assert records[0] and records[0] == records[1]


def test_a_monthly_summary_counts_the_days_it_shows(
    october: tuple[Path, fx.Schedule, dict[str, str]], run: Run
) -> None:
    ledger, schedule, to_id = october
    r = run(
        "import", "dingtalk-2022-10.xlsx", "--profile", "dingtalk-monthly", "--dry-run", "--format", "json"
    )
    assert r.exit_code == 0, r.output
    (f,) = json.loads(r.stdout)["files"]
    got = {
        (dt.date.fromisoformat(x["date"]), x["shift"]): (x["present"], tuple(x["absent"]))
        for x in f["records"]
    }
    assert got == _expected(schedule, to_id)


def test_a_shift_in_two_files_given_together_is_refused(
    october: tuple[Path, fx.Schedule, dict[str, str]], run: Run
) -> None:
    ledger, schedule, _ = october
    project = ledger.parent.parent
    fx.wecom(project / "wecom.xlsx", schedule, {})
    before = snapshot(ledger)
    r = run("import", "dingtalk-2022-10.xlsx", "wecom.xlsx")
    assert r.exit_code == 1
    assert "att-2022-10-10-day is also in dingtalk-2022-10.xlsx" in r.stderr
    assert snapshot(ledger) == before


def test_a_bad_profile_option_is_a_bad_command_line(
    october: tuple[Path, fx.Schedule, dict[str, str]], run: Run
) -> None:
    r = run("import", "dingtalk-2022-10.xlsx", "--profile", "dingtalk-dialy")
    assert r.exit_code == 2
    assert "did you mean 'dingtalk-daily'" in r.stderr


@pytest.mark.slow
def test_one_import_is_one_reviewable_change(
    october: tuple[Path, fx.Schedule, dict[str, str]], run: Run
) -> None:
    from conftest import git

    ledger, schedule, to_id = october
    project = ledger.parent.parent
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "before the import")
    assert run("import", "dingtalk-2022-10.xlsx").exit_code == 0
    r = run("diff", "HEAD", "--format", "json")
    assert r.exit_code == 0, r.output
    diff = json.loads(r.stdout)
    added = {x["id"] for x in diff["records"] if x["change"] == "added"}
    assert added == {f"att-{d}-{s}" for d, s in _expected(schedule, to_id)}
    (october_money,) = [m for m in diff["months"] if m["period"] == "2022-10"]
    assert Decimal(october_money["deducted_change"]) > 0  # the money the month's records move


@settings(
    max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.integers(min_value=0, max_value=10_000), flips=st.lists(st.integers(0, 10_000), max_size=8))
def test_a_damaged_workbook_or_csv_never_is_an_internal_error(
    blank: Path, run: Run, cut: int, flips: list[int]
) -> None:
    """Truncated or bit-flipped exports: refused or read, never exit 3, never a half write."""
    project = blank.parent.parent
    source = project / "one.xlsx"
    if not source.exists():
        schedule = {(pid, dt.date(2022, 10, 10)): fx.Day("白班", "正常") for pid in ("S001", "S002", "S099")}
        fx.dingtalk(source, schedule, {})
        fx.punch_csv(project / "one.csv", schedule, {})
    before = snapshot(blank)
    for name in ("one.xlsx", "one.csv"):
        data = bytearray((project / name).read_bytes())
        data = data[: max(1, cut % (len(data) + 1))]
        for at in flips:
            data[at % len(data)] ^= 0xFF
        damaged = project / f"damaged{Path(name).suffix}"
        damaged.write_bytes(bytes(data))
        r = run("import", damaged.name, "--dry-run")
        assert r.exit_code in (0, 1), r.output
        assert "Traceback" not in r.output
    assert snapshot(blank) == before


def test_a_voided_shift_is_imported_beside_its_void(
    october: tuple[Path, fx.Schedule, dict[str, str]], run: Run
) -> None:
    """Rule 7: the void frees the shift; the withdrawn record stays in its file."""
    ledger = october[0]
    assert run("record", "attendance", "--date", "2022-10-10", "--present", "1").exit_code == 0
    assert run("void", "att-2022-10-10-day", "--reason", "typed before the export came").exit_code == 0
    r = run("import", "dingtalk-2022-10.xlsx")
    assert r.exit_code == 0, r.output
    text = (ledger / "2022-10.yaml").read_text(encoding="utf-8")
    assert "- id: att-2022-10-10-day\n" in text and "- id: att-2022-10-10-day-2\n" in text
    assert run("check").exit_code == 0


def test_a_monthly_summary_with_its_days_under_a_merged_header(blank: Path, run: Run) -> None:
    """DingTalk's newer 月度汇总: 姓名, 工号 ... and 考勤结果 on one row, the day numbers below."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "月度汇总"
    ws.append(["月度汇总 统计日期：2022-10-01 至 2022-10-31"])
    ws.append(["姓名", "工号", "考勤结果"])
    ws.append(["", "", *(str(d) for d in range(10, 13))])  # 10, 11, 12 October
    ws.append(["张三", "S001", "正常", "事假", "旷工"])
    ws.append(["李四", "S002", "迟到", "正常", "正常"])
    wb.save(blank.parent.parent / "monthly.xlsx")
    r = run("import", "monthly.xlsx", "--dry-run", "--format", "json")
    assert r.exit_code == 0, r.output
    (f,) = json.loads(r.stdout)["files"]
    assert f["profile"] == "dingtalk-monthly"
    got = {x["date"]: (x["present"], x["absent"]) for x in f["records"]}
    assert got == {"2022-10-10": (2, []), "2022-10-11": (1, ["S001"]), "2022-10-12": (1, ["S001"])}


def test_a_date_the_rules_cannot_read_refuses_its_row(blank: Path, run: Run) -> None:
    fx.wecom(blank.parent.parent / "w.xlsx", {("S001", dt.date(2022, 10, 10)): fx.Day("白班", "正常")}, {})
    from openpyxl import load_workbook

    wb = load_workbook(blank.parent.parent / "w.xlsx")
    wb.active["A2"] = "2022.10.10"  # not a date format of the profile
    wb.save(blank.parent.parent / "w.xlsx")
    r = run("import", "w.xlsx")
    assert r.exit_code == 1
    assert "w.xlsx:2: 打卡日报: date '2022.10.10' is in none of the rules' date_formats" in r.stderr
