"""A git history over a generated ledger, for timing `seatledger check --since` (issue 19):

    python bench/generate.py year OUT && python bench/history.py OUT 250 [--edit]
    cd OUT && seatledger check --since "$(git rev-list --max-parents=0 HEAD)"

The month files are emptied of records and committed, then their records come back in order,
a share in each of COMMITS - 1 commits (each touches one or two months). With --edit, every
commit also inserts a comment line near the top of the file it touches, so that no commit
only appends (the audit's cheapest case) and every changed file is compared line by line.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path


def main(out: Path, commits: int, edit: bool) -> None:
    ledger = next((out / "ledgers").iterdir())
    blocks = []
    for month in sorted(ledger.glob("20*.yaml")):
        head, *records = re.split(r"(?m)^(?=- id: )", month.read_text(encoding="utf-8"))
        month.write_text(head, encoding="utf-8")
        blocks += [(month, record) for record in records]
    env = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.org"}
    env |= {"GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=out, check=True, env=env, capture_output=True)

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-qm", "the ledger, no records yet")
    size = -(-len(blocks) // (commits - 1))
    for n in range(0, len(blocks), size):
        for month, record in blocks[n : n + size]:
            text = month.read_text(encoding="utf-8") + record
            if edit:
                text = text.replace("\n", f"\n# edit {n}\n", 1)
            month.write_text(text, encoding="utf-8")
        git("commit", "-qam", f"records {n} to {n + size - 1}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), "--edit" in sys.argv[3:])
