"""Kill writers with SIGKILL at random moments and count what survives.

Phase 1: --appends record commands, two at a time, a random share of them killed with
SIGKILL after a random delay. Every append that exited 0 and printed `added <id>` was
acknowledged; each of those must be in the ledger exactly once, every file must read, no
temporary file may outlive the next write, and the lock must not be stale (the next write
goes through at once).
Phase 2: --writers processes each making --each appends at the same time; all must be there.

    python scripts/crash_appends.py                         # 1000 appends, 8 x 100 writers
    python scripts/crash_appends.py --appends 60 --writers 4 --each 5   # quick
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "contracts" / "haidian-hotline-2022.yaml"
LEDGER = Path("ledgers") / "haidian-hotline-2022"


def setup(root: Path, python: str) -> None:
    (root / "contracts").mkdir()
    shutil.copy(SEED, root / "contracts" / SEED.name)
    subprocess.run([python, "-m", "seatledger", "init"], cwd=root, check=True, capture_output=True)


def append_args(n: int, duty: str = "weekly-training") -> list[str]:
    """A distinct activity for each n (its count differs), spread over a quarter's days."""
    day = date(2022, 7, 1) + timedelta(days=n % 92)
    return ["record", "activity", "--date", day.isoformat(), "--obligation", duty, "--count", str(n + 1)]


def ids_in(root: Path) -> list[str]:
    out = []
    for path in sorted((root / LEDGER).glob("*.yaml")):
        out += re.findall(r"^- id: (\S+)$", path.read_text(encoding="utf-8"), flags=re.M)
    return out


def run(
    root: Path, python: str, args: list[str], kill_after: float | None, env: dict[str, str]
) -> tuple[int, str]:
    proc = subprocess.Popen(
        [python, "-m", "seatledger", *args],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    if kill_after is not None:
        time.sleep(kill_after)
        proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate()
    return proc.returncode, out


def acknowledged(out: str) -> str | None:
    m = re.match(r"added (\S+) in ", out)
    return m.group(1) if m else None


def phase_kill(root: Path, python: str, appends: int, env: dict[str, str]) -> list[str]:
    rng = random.Random(7)
    plans = [(n, rng.uniform(0.05, 0.6) if rng.random() < 0.5 else None) for n in range(appends)]
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda p: run(root, python, append_args(p[0]), p[1], env), plans))
    acks = [rid for code, out in results if code == 0 and (rid := acknowledged(out))]
    killed = sum(1 for code, _ in results if code == -signal.SIGKILL)
    print(f"phase 1: {appends} appends, {killed} killed with SIGKILL, {len(acks)} acknowledged")
    return acks


def phase_writers(root: Path, python: str, writers: int, each: int, env: dict[str, str]) -> list[str]:
    def writer(w: int) -> list[str]:
        acks = []
        for k in range(each):
            code, out = run(root, python, append_args(w * each + k, "monthly-assessment"), None, env)
            if code == 0 and (rid := acknowledged(out)):
                acks.append(rid)
            else:
                print(f"writer {w} append {k} failed ({code}): {out.strip()[:200]}")
        return acks

    with ThreadPoolExecutor(writers) as pool:
        acks = [rid for part in pool.map(writer, range(writers)) for rid in part]
    print(f"phase 2: {writers} writers x {each} appends, {len(acks)} acknowledged")
    return acks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--appends", type=int, default=1000)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--each", type=int, default=100)
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args()
    env = dict(os.environ, SEATLEDGER_NO_CACHE="1")
    failures = []
    with tempfile.TemporaryDirectory(prefix="seatledger-crash-") as tmp:
        root = Path(tmp)
        setup(root, args.python)
        acks = phase_kill(root, args.python, args.appends, env)
        present = ids_in(root)
        lost = sorted(set(acks) - set(present))
        twice = sorted({i for i in present if present.count(i) > 1})
        failures += [f"acknowledged but lost: {rid}" for rid in lost]
        failures += [f"written twice: {rid}" for rid in twice]
        started = time.monotonic()
        code, out = run(root, args.python, append_args(0, "weibo-update"), None, env)
        waited = time.monotonic() - started
        if code != 0:
            failures.append(f"the next append after the kills failed: {out}")
        leftovers = sorted(p.name for p in (root / LEDGER).glob(".*.tmp"))
        failures += [f"temporary file left: {name}" for name in leftovers]
        check = subprocess.run(
            [args.python, "-m", "seatledger", "check"], cwd=root, env=env, capture_output=True, text=True
        )
        if check.returncode != 0:
            failures.append(f"check after the kills: {check.stdout}{check.stderr}"[:2000])
        print(
            f"after phase 1: {len(present)} records, {len(lost)} acknowledged lost, "
            f"{len(twice)} twice, {len(leftovers)} temporary files, next append in "
            f"{waited:.2f} s, check exit {check.returncode}"
        )
        acks2 = phase_writers(root, args.python, args.writers, args.each, env)
        present = ids_in(root)
        lost2 = sorted(set(acks2) - set(present))
        failures += [f"writer append lost: {rid}" for rid in lost2]
        if len(acks2) != args.writers * args.each:
            failures.append(f"only {len(acks2)} of {args.writers * args.each} appends went through")
        print(f"after phase 2: {len(set(acks2) & set(present))} of {args.writers * args.each} present")
    for f in failures:
        print("FAIL:", f)
    print("ok" if not failures else f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
