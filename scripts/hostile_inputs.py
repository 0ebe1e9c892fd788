"""Throw generated bad input at the real command line and count what goes wrong.

Each case is a copy of the bundled example with one thing damaged (a command-line value, a
month file, the roster, the closings, the ledger settings, the contract, or an attendance
export given to `import`), then one command
run in a process of its own. A case fails if the command prints a traceback, exits 3 (an
internal error), or exits non-zero yet changed a byte on disk.

    python scripts/hostile_inputs.py               # every case (over 300)
    python scripts/hostile_inputs.py --sample 40   # a deterministic sample, for the tests
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parent.parent
LEDGER = Path("ledgers") / "haidian-hotline-2022"
MONTH = LEDGER / "2022-08.yaml"


class Case(NamedTuple):
    name: str
    damage: Callable[[Path], None]  # applied to the project folder
    args: tuple[str, ...]


def snapshot(folder: Path) -> dict[str, bytes]:
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file() and not p.is_symlink() and p.name != ".seatledger.lock":
            out[str(p.relative_to(folder))] = p.read_bytes()
    return out


# -- command-line values ------------------------------------------------------------------------

BAD_DATES = [
    "2022-02-30",
    "",
    " ",
    "2022/13/01",
    "22-07-01",
    "2022-07-01T00:00",
    "2022-7-1",
    "tomorrow",
    "2022-07-01\x00",
    "9999-12-31",
    "0000-01-01",
    "2022-07-01 ",
    "-1",
    "２０２２-０７-０１",
    "2022-07-01\udcff",
    "2022-W27",
    "1e9",
    "2022-07-32",
    "x" * 5000,
]
BAD_AMOUNTS = [
    "NaN",
    "nan",
    "Infinity",
    "-Infinity",
    "1e400",
    "-5",
    "0",
    "0.001",
    "1,0,0.5.0",
    "１０００",
    "641000元",
    "",
    "  ",
    "0x10",
    "1_000",
    "1e3",
    "+-1",
    "¥100",
    "9" * 40,
    "1.",
    ".5e",
    "\udcff",
    "100\x00",
]
BAD_COUNTS = ["-1", "0", "1.5", "99999999999", "", "one", "1e3", "\udcff", "0x1"]
BAD_IDS = [
    "",
    ",",
    "，",
    "S001,S001",
    "S0 01",
    "../etc",
    "S001;rm -rf /",
    "\udcff",
    "S" * 200,
    "S001,,",
    "-S001",
    "张三",
]
BAD_KEYS = [
    "",
    "Seat-Shortage",
    "seat_shortage",
    "脱岗",
    "seat-shortage ",
    "\x7f",
    "x" * 300,
    "seat-shortage",
    "fire-hazard-personal\n",
]
BAD_TEXT = [
    "typo\x7f",
    "a\x85b",
    "line\nbreak",
    "tab\there",
    "\udcff",
    "\ufffe",
    "  ",
    "nul\x00",
    "\u2028",
    "bell\x07",
]


def cli_cases() -> Iterator[Case]:
    nothing: Callable[[Path], None] = lambda _: None  # noqa: E731
    att = ("record", "attendance", "--present", "48")
    for d in BAD_DATES:
        yield Case(f"attendance --date {d!r}", nothing, (*att, "--date", d))
        yield Case(f"settle --as-of {d!r}", nothing, ("settle", "--quarter", "Q3", "--as-of", d))
        yield Case(f"deduct --from {d!r}", nothing, ("deduct", "--from", d, "--to", "2022-09-30"))
    for a in BAD_AMOUNTS:
        yield Case(
            f"payment --amount {a!r}",
            nothing,
            ("record", "payment", "--date", "2022-09-20", "--instalment", "3", "--amount", a),
        )
        yield Case(
            f"incident --amount {a!r}",
            nothing,
            (
                "record",
                "incident",
                "--date",
                "2022-09-20",
                "--penalty",
                "assessment-deduction",
                "--amount",
                a,
            ),
        )
        yield Case(
            f"completion --amount {a!r}",
            nothing,
            ("record", "completion", "--date", "2023-04-20", "--amount", a),
        )
    for n in BAD_COUNTS:
        yield Case(
            f"attendance --present {n!r}",
            nothing,
            ("record", "attendance", "--date", "2022-09-30", "--present", n),
        )
        yield Case(
            f"incident --count {n!r}",
            nothing,
            ("record", "incident", "--date", "2022-09-20", "--penalty", "post-abandonment", "--count", n),
        )
        yield Case(
            f"request --instalment {n!r}",
            nothing,
            ("record", "request", "--date", "2022-09-20", "--instalment", n),
        )
    for i in BAD_IDS:
        yield Case(
            f"attendance --absent {i!r}",
            nothing,
            ("record", "attendance", "--date", "2022-09-30", "--present", "47", "--absent", i),
        )
        yield Case(
            f"consent --staff {i!r}", nothing, ("record", "consent", "--date", "2022-09-20", "--staff", i)
        )
        yield Case(f"void {i!r}", nothing, ("void", i, "--reason", "x"))
    for k in BAD_KEYS:
        yield Case(
            f"incident --penalty {k!r}",
            nothing,
            ("record", "incident", "--date", "2022-09-20", "--penalty", k),
        )
        yield Case(
            f"activity --obligation {k!r}",
            nothing,
            ("record", "activity", "--date", "2022-09-20", "--obligation", k),
        )
        yield Case(
            f"payment --excused {k!r}",
            nothing,
            (
                "record",
                "payment",
                "--date",
                "2022-09-20",
                "--instalment",
                "3",
                "--amount",
                "1",
                "--excused",
                k,
            ),
        )
    for t in BAD_TEXT:
        yield Case(
            f"activity --note {t!r}",
            nothing,
            ("record", "activity", "--date", "2022-09-20", "--obligation", "weekly-training", "--note", t),
        )
        yield Case(
            f"incident --ref {t!r}",
            nothing,
            ("record", "incident", "--date", "2022-09-20", "--penalty", "post-abandonment", "--ref", t),
        )
    for period in (
        ("--month", "2022-13"),
        ("--quarter", "Q5"),
        ("--quarter", "2021-Q3"),
        ("--instalment", "0"),
        ("--instalment", "9"),
        ("--from", "2022-09-30"),
        ("--month", "2021-12"),
        ("--month", "2022-07", "--quarter", "Q3"),
    ):
        for cmd in ("deduct", "settle", "balance", "check-roster", "compliance"):
            yield Case(f"{cmd} {' '.join(period)}", nothing, (cmd, *period))
    for args in (
        ("close", "--quarter", "Q9"),
        ("reopen", "--quarter", "Q3", "--reason", ""),
        ("diff", "no-such-rev"),
        ("merge-driver", "/nonexistent", "/nonexistent", "/x"),
        ("roster", "leave", "NOBODY", "--date", "2022-09-01"),
        ("roster", "add", "S001", "--role", "boss", "--degree", "phd", "--joined", "x"),
        ("calendar", "--month", "1900-01"),
        ("calendar", "--month", "2099-01"),
        ("--contract", "/nonexistent.yaml", "check"),
        ("check", "--ledger", "/nonexistent"),
        ("init",),
        ("fmt", "--bogus"),
    ):
        yield Case(" ".join(args), nothing, args)


# -- damaged and hostile files ------------------------------------------------------------------


def _instead_of_october(make: Callable[[Path], object]) -> Callable[[Path], None]:
    """October's month file (day lines only: written by `init` for the whole term) replaced."""

    def damage(root: Path) -> None:
        (root / LEDGER / "2022-10.yaml").unlink(missing_ok=True)
        make(root / LEDGER / "2022-10.yaml")

    return damage


def _rewrite(rel: Path, change: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def damage(root: Path) -> None:
        path = root / rel
        path.write_bytes(change(path.read_bytes()))

    return damage


def _replace_file(rel: Path, data: bytes) -> Callable[[Path], None]:
    def damage(root: Path) -> None:
        (root / rel).write_bytes(data)

    return damage


HOSTILE_YAML = [
    b"- &a {id: x}\n- *a\n",
    b"- !!python/object:os.system {}\n",
    b"a: 1\na: 2\n",
    b"- id: x\n  id: y\n",
    b"[" * 5000,
    b"- " * 3000 + b"x\n",
    b"\x00\x01\x02",
    b"---\n---\n",
    b"- kind: attendance\n",
    b"- 1\n- 2\n",
    b"just a string\n",
    b"{}\n",
    b"- {}\n",
    b"- id: att-2022-08-01-day\n  kind: attendance\n  date: 2022-08-01\n  shift: day\n  present: 1e9\n",
    b"- id: x\n  kind: payment\n  date: 2022-08-01\n  instalment: 2\n  amount: 1641000\n",
    b"\xef\xbb\xbf\xef\xbb\xbf- x\n",
    b"- id: x\n  kind: void\n  date: 2022-08-01\n  target: x\n  reason: self\n",
    b"<<<<<<< ours\n=======\n>>>>>>> theirs\n",
    b"- id: x\n  kind: incident\n  date: 2022-08-01\n  penalty: post-abandonment\n"
    b"  count: 99999999999999999999\n",
    "- note: \u2028\n".encode(),
    b"- date: 2022-02-30\n",
]


def file_cases(rng: random.Random) -> Iterator[Case]:
    month = MONTH
    commands = [
        ("check",),
        ("settle", "--quarter", "Q3"),
        ("deduct", "--month", "2022-08"),
        ("record", "attendance", "--date", "2022-08-31", "--present", "48", "--replace"),
        ("fmt",),
        ("balance", "--by", "month"),
        ("close", "--quarter", "Q3"),
    ]
    damages: list[tuple[str, Callable[[Path], None]]] = [
        ("gbk", _rewrite(month, lambda b: b.decode().replace("# ", "# 中文", 1).encode("gbk"))),
        ("utf-16", _rewrite(month, lambda b: b.decode().encode("utf-16"))),
        ("tab", _rewrite(month, lambda b: b.replace(b"  kind:", b"\tkind:", 1))),
        ("crlf", _rewrite(month, lambda b: b.replace(b"\n", b"\r\n"))),
        ("lone cr", _rewrite(month, lambda b: b.replace(b"\n", b"\r", 3))),
        ("no newline", _rewrite(month, lambda b: b.rstrip(b"\n"))),
        ("conflict", _rewrite(month, lambda b: b"<<<<<<< ours\n" + b + b"=======\n>>>>>>> x\n")),
        ("renamed .yml", lambda root: (root / month).rename(root / LEDGER / "2022-08.yml")),
        ("stray .orig", lambda root: shutil.copy(root / month, root / LEDGER / "2022-08.orig")),
        ("directory", _instead_of_october(lambda p: p.mkdir())),
        ("dev zero", _instead_of_october(lambda p: p.symlink_to("/dev/zero"))),
        ("dangling link", _instead_of_october(lambda p: p.symlink_to("/nowhere"))),
        ("empty", _replace_file(month, b"")),
        ("too big", lambda root: os.truncate(root / month, 33 * 1024 * 1024)),
        ("closings mapping", _replace_file(LEDGER / "closings.yaml", b"m:\n")),
        ("closings scalar", _replace_file(LEDGER / "closings.yaml", b"closed\n")),
        ("closings garbage", _replace_file(LEDGER / "closings.yaml", b"- kind: close\n  x: [\n")),
        ("roster scalar", _replace_file(LEDGER / "roster.yaml", b"nobody\n")),
        ("roster gbk", _rewrite(LEDGER / "roster.yaml", lambda b: "# 名单\n".encode("gbk") + b)),
        ("ledger.yaml list", _replace_file(LEDGER / "ledger.yaml", b"- a\n")),
        (
            "ledger.yaml wrong contract",
            _replace_file(LEDGER / "ledger.yaml", b"contract: other\nrecorded_from: 2022-04-01\n"),
        ),
        (
            "ledger.yaml bad date",
            _replace_file(
                LEDGER / "ledger.yaml", b"contract: haidian-hotline-2022\nrecorded_from: 2022-02-30\n"
            ),
        ),
        (
            "contract float",
            _rewrite(
                Path("contracts/haidian-hotline-2022.yaml"),
                lambda b: b.replace(b'amount: "300.00"', b"amount: 300.0", 1),
            ),
        ),
        (
            "contract sums",
            _rewrite(
                Path("contracts/haidian-hotline-2022.yaml"),
                lambda b: b.replace(b'total: "6695568.00"', b'total: "1.00"'),
            ),
        ),
        (
            "contract gbk",
            _rewrite(Path("contracts/haidian-hotline-2022.yaml"), lambda b: b.decode().encode("gbk")),
        ),
    ]
    for n, data in enumerate(HOSTILE_YAML):
        damages.append((f"hostile yaml {n}", _replace_file(month, data)))
    for _ in range(12):  # a month file cut at a random byte
        cut = rng.randrange(1, 5000)
        damages.append((f"truncated at {cut}", _rewrite(month, lambda b, c=cut: b[:c])))
    for _ in range(12):  # random bytes spliced in
        at, junk = rng.randrange(0, 5000), bytes(rng.randrange(256) for _n in range(rng.randrange(1, 8)))
        damages.append(
            (f"spliced {junk!r} at {at}", _rewrite(month, lambda b, a=at, j=junk: b[:a] + j + b[a:]))
        )
    for name, damage in damages:
        for args in commands:
            yield Case(f"{name}: {' '.join(args)}", damage, args)


EXPORT = REPO / "examples" / "exports" / "dingtalk-2022-10.xlsx"
PUNCH_HEAD = "工号,姓名,打卡时间\n"
HOSTILE_CSV: list[tuple[str, bytes]] = [
    ("empty", b""),
    ("header only", PUNCH_HEAD.encode("gbk")),
    ("no known column", b"a,b,c\n1,2,3\n"),
    ("bad date", (PUNCH_HEAD + "S001,张三,2022-02-30 08:00\n").encode("gbk")),
    ("bad time", (PUNCH_HEAD + "S001,张三,2022-10-09 25:61\n").encode("gbk")),
    ("outside the term", (PUNCH_HEAD + "S001,张三,2030-10-09 08:00\n").encode("gbk")),
    ("unknown person", (PUNCH_HEAD + "NOBODY,某人,2022-10-09 08:00\n").encode("gbk")),
    ("nul bytes", b"\x00" * 64),
    ("utf-16", (PUNCH_HEAD + "S001,张三,2022-10-09 08:00\n").encode("utf-16")),
    ("one long line", b"x" * 2_000_000),
    ("ragged rows", (PUNCH_HEAD + "S001\nS002,李四,2022-10-09 08:00,extra,extra\n").encode("gbk")),
    ("quote never closed", (PUNCH_HEAD + 'S001,"张三,2022-10-09 08:00\n').encode("gbk")),
]
HOSTILE_RULES: list[bytes] = [b"", b"- a\n", b"columns: 5\n", b"[" * 3000, b"profile: nosuch\n"]


def _export(name: str, data: Callable[[], bytes]) -> Callable[[Path], None]:
    def damage(root: Path) -> None:
        (root / name).write_bytes(data())

    return damage


def import_cases(rng: random.Random) -> Iterator[Case]:
    """Exports of an attendance system, damaged: `import` must refuse them cleanly."""
    xlsx = EXPORT.read_bytes
    damages: list[tuple[str, str, Callable[[], bytes]]] = [
        (f"csv {name}", "punches.csv", lambda d=data: d) for name, data in HOSTILE_CSV
    ]
    damages += [
        ("xlsx empty", "export.xlsx", lambda: b""),
        ("xlsx not a zip", "export.xlsx", lambda: b"PK\x03\x04 not really"),
        ("xlsx as .xls", "export.xls", xlsx),
        ("xlsx as .csv", "export.csv", xlsx),
        ("csv as .xlsx", "export.xlsx", lambda: HOSTILE_CSV[3][1]),
    ]
    for _ in range(6):  # the real export cut short, or with bytes spliced in
        cut = rng.randrange(1, len(xlsx()))
        damages.append((f"xlsx cut at {cut}", "export.xlsx", lambda c=cut: xlsx()[:c]))
        at, junk = rng.randrange(0, len(xlsx())), bytes(rng.randrange(256) for _n in range(8))
        damages.append(
            (f"xlsx spliced at {at}", "export.xlsx", lambda a=at, j=junk: xlsx()[:a] + j + xlsx()[a:])
        )
    for name, file, data in damages:
        for extra in ((), ("--dry-run",), ("--profile", "punch-csv")):
            label = f"import {name} {' '.join(extra)}".strip()
            yield Case(label, _export(file, data), ("import", file, *extra))
    for n, rules in enumerate(HOSTILE_RULES):
        yield Case(
            f"import --rules hostile {n}",
            _export("rules.yaml", lambda r=rules: r),
            ("import", str(EXPORT), "--rules", "rules.yaml"),
        )


# -- running --------------------------------------------------------------------------------------


class Outcome(NamedTuple):
    case: Case
    code: int
    traceback: bool
    changed: bool


def run_case(case: Case, python: str) -> Outcome:
    with tempfile.TemporaryDirectory(prefix="seatledger-hostile-") as tmp:
        root = Path(tmp)
        shutil.copytree(REPO / "contracts", root / "contracts")
        shutil.copytree(REPO / LEDGER, root / LEDGER)
        case.damage(root)
        before = snapshot(root)
        env = dict(os.environ, SEATLEDGER_NO_CACHE="1", COLUMNS="80")
        env.pop("SEATLEDGER_DEBUG", None)
        try:
            proc = subprocess.run(
                [python, "-m", "seatledger", *case.args], cwd=root, capture_output=True, env=env, timeout=120
            )
            code, output = proc.returncode, proc.stdout + proc.stderr
        except subprocess.TimeoutExpired:
            code, output = -1, b"timed out"
        after = snapshot(root)
        return Outcome(case, code, b"Traceback" in output or code == -1, code != 0 and after != before)


def cases(sample: int | None) -> list[Case]:
    rng = random.Random(20221001)
    # No process can be given an argument with a NUL byte (exec refuses it), so none is tried.
    every = [c for c in cli_cases() if not any("\x00" in a for a in c.args)]
    every += file_cases(rng)
    every += import_cases(rng)
    return sorted(rng.sample(every, sample), key=lambda c: c.name) if sample else every


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, help="run this many cases, chosen deterministically")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args()
    chosen = cases(args.sample)
    with ThreadPoolExecutor(args.jobs) as pool:
        outcomes = list(pool.map(lambda c: run_case(c, args.python), chosen))
    bad = [o for o in outcomes if o.traceback or o.code == 3 or o.changed]
    for o in bad:
        what = "traceback" if o.traceback else "exit 3" if o.code == 3 else "changed bytes"
        print(f"FAIL ({what}, exit {o.code}): {o.case.name}")
    codes = {c: sum(1 for o in outcomes if o.code == c) for c in sorted({o.code for o in outcomes})}
    print(
        f"{len(outcomes)} cases; exit codes {codes}; "
        f"{sum(o.traceback for o in outcomes)} tracebacks, "
        f"{sum(o.code == 3 for o in outcomes)} exit 3, "
        f"{sum(o.changed for o in outcomes)} refused commands that changed bytes"
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
