"""The one cache between runs: the validated contract, each ledger file's built values and the
verdicts on clean ledgers, per user, in one private folder.

An entry holds its whole key and is used only when every part of it matches what this run
would write: the format, the code key (`code_key`: every source file and message catalogue of
seatledger and the versions of the libraries that shape results), the kind of value, the name
the value depends on (a month file's name decides which records belong in it) and the digest of
the bytes it was made from. Anything else (stale, torn, forged, swapped, not ours) is a miss and
is rebuilt. Entries are marshal data of plain values (str, int, tuples...): loading them cannot
run code, and the callers rebuild their values from them field by field, checking each.

The folder (`$SEATLEDGER_CACHE/seatledger`, else `$XDG_CACHE_HOME/seatledger`, else
`~/.cache/seatledger`) is made 0700 and used only while it is a real folder (not a symbolic
link), owned by this user and writable by nobody else; otherwise the cache is off and one line
says why. Entries are opened relative to the folder, never through a symbolic link, and written
whole and renamed into place. `SEATLEDGER_NO_CACHE=1` turns the cache off. Where the system
cannot open files relative to a folder or without following links (Windows), it is off too.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import re
import stat
import sys
import time
from collections.abc import Iterator
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from seatledger.core.atomic import TMP_SUFFIX, replace_at
from seatledger.core.i18n import msg, tr

FORMAT = "seatledger-cache-2"
_PACKAGE = Path(__file__).resolve().parent.parent
# The libraries whose versions shape what is cached: distribution name -> module.
DEPENDENCIES = {
    "pydantic": "pydantic",
    "PyYAML": "yaml",
    "chinesecalendar": "chinese_calendar",
    "python-dateutil": "dateutil",
}
# Sized for a city's portfolio (issue 24: 160 contract-years, 13 files each) read in one run;
# below that, each run evicted what the next needed and every portfolio ran cold.
KEEP = {
    "month": 4000,
    "roster": 400,
    "meta": 400,
    "contract": 400,
    "verdict": 400,
    "figures": 400,
    "export": 400,
    "stats": 400,
    "head": 400,
}
_SUPPORTED = (
    hasattr(os, "O_NOFOLLOW")
    and hasattr(os, "O_DIRECTORY")
    and hasattr(os, "getuid")
    and os.open in os.supports_dir_fd
    and os.scandir in os.supports_fd
)


def _sources(root: Path) -> Iterator[tuple[str, Path]]:
    """Every *.py of the package and every compiled catalogue, by path relative to `root`."""
    for top, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".mo")):
                path = Path(top, name)
                yield path.relative_to(root).as_posix(), path


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def dependency_version(dist: str, module: str) -> str:
    """The version of `dist` as installed beside `module`, from its dist-info folder's name
    (importing importlib.metadata alone took longer than a cached `check`)."""
    spec = find_spec(module)
    if spec is None or not spec.origin:
        return "-"
    origin = Path(spec.origin).parent
    folder = origin.parent if spec.submodule_search_locations else origin
    wanted = _normal(dist)
    try:
        for entry in os.scandir(folder):
            if entry.name.endswith(".dist-info"):
                name, _, version = entry.name[: -len(".dist-info")].partition("-")
                if _normal(name) == wanted:
                    return version
    except OSError:
        pass
    from importlib import metadata  # not a wheel install

    try:
        return str(metadata.version(dist))
    except metadata.PackageNotFoundError:
        return "-"


def digest_of_code(root: Path) -> str:
    h = hashlib.sha256(FORMAT.encode())
    for rel, path in _sources(root):
        data = path.read_bytes()
        h.update(f"\0{rel}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
        h.update(data)
    for dist, module in sorted(DEPENDENCIES.items()):
        h.update(f"\0{dist}=={dependency_version(dist, module)}".encode())
    return h.hexdigest()


@cache
def code_key() -> str:
    """The one code key of every cache, computed once per process."""
    return digest_of_code(_PACKAGE)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def configured() -> Path | None:
    names = ("SEATLEDGER_NO_CACHE", "SEATLEDGER_CACHE", "XDG_CACHE_HOME", "HOME")
    return _configured(tuple(os.environ.get(n) for n in names))


@cache
def _configured(env: tuple[str | None, ...]) -> Path | None:
    """The folder for these environment values: made once per values, not once per entry (a
    city's cold portfolio asks about 9,000 times)."""
    off, ours, xdg, _home = env
    if off or not _SUPPORTED:
        return None
    base = ours or xdg
    try:
        return (Path(base) if base else Path.home() / ".cache") / "seatledger"
    except RuntimeError:  # no home folder
        return None


_WARNED: set[tuple[str, str]] = set()  # a refused folder is said once per process, not per entry


def _refuse(folder: Path, reason: str) -> None:
    if (str(folder), reason) in _WARNED:
        return
    _WARNED.add((str(folder), reason))
    print(tr("warning: the cache is not used: {reason}", reason=reason), file=sys.stderr)


def _refusal(folder: Path, st: os.stat_result) -> str | None:
    if stat.S_ISLNK(st.st_mode):
        return msg("{folder} is a symbolic link", folder=folder)
    if not stat.S_ISDIR(st.st_mode):
        return msg("{folder} is not a folder", folder=folder)
    if st.st_uid != os.getuid():
        return msg("{folder} is not owned by you", folder=folder)
    if st.st_mode & 0o022:
        return msg(
            "{folder} can be written by others (mode {mode:o}); make it private with chmod 700",
            folder=folder,
            mode=stat.S_IMODE(st.st_mode),
        )
    return None


def _make(folder: Path) -> None:
    folder.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.mkdir(folder, 0o700)


# The folder this process has open, by path: one open a process, not one a get or put (a warm
# portfolio makes about 500). Its status is checked again at every use; only one is held.
_HELD: dict[Path, int] = {}


def open_folder() -> int | None:
    """A descriptor of the private cache folder, made where missing; None where the cache is
    off, cannot be made (that costs time only) or is refused (then one line says why). The
    descriptor is held for the process: callers never close it."""
    folder = configured()
    if folder is None:
        return None
    held = _HELD.get(folder)
    if held is not None:
        try:
            if _refusal(folder, os.fstat(held)) is None:
                return held
        except OSError:
            pass
    _release()
    fd = _open_folder(folder)
    if fd is not None:
        _HELD[folder] = fd
    return fd


def _release() -> None:
    for fd in _HELD.values():
        with contextlib.suppress(OSError):
            os.close(fd)
    _HELD.clear()


def _open_folder(folder: Path) -> int | None:
    try:
        try:
            found = os.lstat(folder)
        except FileNotFoundError:
            _make(folder)
            found = os.lstat(folder)
        reason = _refusal(folder, found)
        if reason is None:
            fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
            reason = _refusal(folder, os.fstat(fd))  # what was opened, not what was looked at
            if reason is None:
                return fd
            os.close(fd)
    except OSError:
        return None
    _refuse(folder, reason)
    return None


def _header(kind: str, name: str, data_digest: str) -> tuple[str, str, str, str, str]:
    return (FORMAT, code_key(), kind, name, data_digest)


def _entry_name(header: tuple[str, ...]) -> str:
    whole = "\0".join(header).encode("utf-8", "surrogateescape")
    return f"{header[2]}-{hashlib.sha256(whole).hexdigest()[:40]}.entry"


def _read(folder: int, name: str) -> bytes:
    fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=folder)
    with open(fd, "rb") as f:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o022:
            raise OSError("not an entry of this user")
        return f.read()


def get(kind: str, name: str, data_digest: str) -> Any:
    """The plain value kept under this key; None where there is none that matches it whole."""
    folder = open_folder()
    if folder is None:
        return None
    header = _header(kind, name, data_digest)
    try:
        entry = marshal.loads(_read(folder, _entry_name(header)))
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if type(entry) is not tuple or len(entry) != 2 or entry[0] != header:
        return None
    return entry[1]


def put(kind: str, name: str, data_digest: str, value: Any) -> None:
    """Keep `value` (plain values only) under this key; a value that cannot be kept, or a folder
    that cannot be written, costs time only."""
    folder = open_folder()
    if folder is None:
        return
    header = _header(kind, name, data_digest)
    try:
        replace_at(folder, _entry_name(header), marshal.dumps((header, value)))
        _prune(folder, kind)
    except Exception:  # noqa: BLE001  a cache that cannot be written never stops a command
        pass


# Entries of each kind (by folder) this process has seen or written: an upper bound, since a
# put may replace an entry. The folder is scanned only when that bound passes KEEP, not on every
# put: a cold portfolio of a city puts about 2,500 entries, and a scan each took 40% of its time.
_COUNTED: dict[tuple[str, str], int] = {}


def _prune(folder: int, kind: str) -> None:
    """Past KEEP entries of a kind, the older half goes, with any writer's leftover."""
    st = os.fstat(folder)
    counted = (f"{st.st_dev}:{st.st_ino}", kind)  # the folder, however it was named
    if counted in _COUNTED and _COUNTED[counted] < KEEP[kind]:
        _COUNTED[counted] += 1
        return
    entries = []
    with os.scandir(folder) as found:
        for e in found:
            if e.name.startswith(f"{kind}-") and e.name.endswith(".entry"):
                entries.append(e)
    _COUNTED[counted] = len(entries)
    if len(entries) <= KEEP[kind]:
        return
    _COUNTED[counted] = KEEP[kind] // 2
    entries.sort(key=lambda e: e.stat(follow_symlinks=False).st_mtime)
    for old in entries[: len(entries) - KEEP[kind] // 2]:
        os.unlink(old.name, dir_fd=folder)
    stale = time.time() - 600  # a writer that died; a live one renames within moments
    with os.scandir(folder) as found:
        for e in found:
            leftover = e.name.startswith(".") and e.name.endswith(TMP_SUFFIX)
            if leftover and e.stat(follow_symlinks=False).st_mtime < stale:
                os.unlink(e.name, dir_fd=folder)
