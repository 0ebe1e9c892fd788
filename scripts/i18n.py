"""The message catalogues, with Babel: extract every message from src/ (msg, _, tr, ngettext,
the CLI's command docstrings, table column names, click's and typer's words) into
locale/seatledger.pot, merge it into each language's .po, and compile the .po to the .mo that
ships in the package.

    python scripts/i18n.py update    # extract, merge into zh_CN; new entries are untranslated
    python scripts/i18n.py compile   # .po -> .mo
    python scripts/i18n.py check     # exit 1 if a message is missing, untranslated or stale
    python scripts/i18n.py merge REV...  # after a merge: update, then fill what REV's .po translates
"""

from __future__ import annotations

import ast
import gettext
import inspect
import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "seatledger"
LOCALE = SRC / "locale"
LANGS = ("zh_CN",)
KEYWORDS = {
    "msg": None,
    "Msg": None,
    "_": None,
    "tr": None,
    "N_": None,
    "ngettext": (1, 2),
    "tm": None,
    "mk": None,
}  # tm, mk: render/text.py, messages with style tags
# click's and typer's own words that a run shows (from their sources; they call gettext).
FRAMEWORK = [
    "Usage:",
    "Options",
    "Commands",
    "Arguments",
    "Error",
    "Aborted.",
    "(deprecated) ",
    "[default: {}]",
    "[env var: {}]",
    "[required]",
    "Show this message and exit.",
    "Try [blue]'{command_path} {help_option}'[/] for help.",
    "Try '{command} {option}' for help.",
    "Missing option '{param_hint}'.",
    "Missing option",
    "Missing argument",
    "Missing parameter",
    "Missing command.",
    "No such command {name!r}.",
    "No such option: {name}",
    "Got unexpected extra argument ({args})",
    "Invalid value for {param_hint}: {message}",
    "Invalid value: {message}",
    "{value!r} is not a valid {number_type}.",
    "{value!r} is not one of {choices}.",
    "{value!r} is not {choice}.",
    "Option {name!r} requires an argument.",
    "Did you mean {possibility}?",
    "(Possible options: {possibilities})",
    "Install completion for the current shell.",
    "Show completion for the current shell, to copy it or customize the installation.",
]


def _docstrings() -> list[tuple[str, int, str]]:  # noqa: C901
    """The CLI's command docstrings (typer shows them as help), table column names, and calls
    inside f-strings, which Babel's tokenizer does not look into."""
    out = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in KEYWORDS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and node.func.id != "ngettext"
            ):
                out.append((str(path.relative_to(ROOT)), node.lineno, node.args[0].value))
    for path in sorted((SRC / "cli").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and any(
                isinstance(d, ast.Call) and getattr(d.func, "id", "") == "command"
                for d in node.decorator_list
            ):
                doc = ast.get_docstring(node)
                if doc:
                    out.append((str(path.relative_to(ROOT)), node.lineno, inspect.cleandoc(doc)))
    for path in sorted((SRC / "render").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Tuple)
                and len(node.elts) == 2
                and all(isinstance(e, ast.Constant) for e in node.elts)
                and node.elts[1].value in ("left", "right")
            ):
                out.append((str(path.relative_to(ROOT)), node.lineno, node.elts[0].value))
    return out


def extract() -> Catalog:
    catalog = Catalog(project="seatledger", domain="seatledger", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
        str(SRC),
        # web/templates: Jinja2's own extractor finds _() and tr() in the pages
        method_map=[("**.py", "python"), ("**/templates/**.html", "jinja2.ext:babel_extract")],
        options_map={"**/templates/**.html": {"trim_blocks": "true", "lstrip_blocks": "true"}},
        keywords=KEYWORDS,
        comment_tags=("i18n:",),
        strip_comment_tags=True,
    ):
        catalog.add(
            message, None, [(f"src/seatledger/{filename}", lineno)], auto_comments=comments, context=context
        )
    for filename, lineno, message in _docstrings():
        catalog.add(message, None, [(filename, lineno)])
    for message in FRAMEWORK:
        catalog.add(message, None, [("click/typer", 0)])
    return catalog


def _po(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "seatledger.po"


STABLE_DATE = datetime(2022, 4, 1, tzinfo=UTC)  # a date in the header changed every run and conflicted


def update() -> None:
    template = extract()
    template.creation_date = STABLE_DATE
    with (LOCALE / "seatledger.pot").open("wb") as f:
        write_po(f, template, width=100, omit_header=False, sort_output=True, no_location=True)
    for lang in LANGS:
        path = _po(lang)
        catalog = read_po(path.open("rb")) if path.exists() else Catalog(locale=lang, domain="seatledger")
        catalog.update(template, no_fuzzy_matching=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as f:
            write_po(f, catalog, width=100, sort_output=True, ignore_obsolete=True, no_location=True)


def compiled(lang: str) -> bytes:
    catalog = read_po(_po(lang).open("rb"))
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    return buf.getvalue()


def _mo_messages(data: bytes) -> dict[object, str]:
    """What a compiled catalogue translates, without its header: the header names the Babel
    release that wrote it, so comparing bytes failed on every machine with a newer Babel."""
    catalog = dict(gettext.GNUTranslations(io.BytesIO(data))._catalog)  # type: ignore[attr-defined]
    catalog.pop("", None)
    return catalog


def compile_all() -> None:
    for lang in LANGS:
        _po(lang).with_suffix(".mo").write_bytes(compiled(lang))


def problems() -> list[str]:
    template = extract()
    out = []
    for lang in LANGS:
        catalog = read_po(_po(lang).open("rb"))
        for message in template:
            if not message.id:
                continue
            entry = catalog.get(message.id, context=message.context)
            if entry is None:
                out.append(f"{lang}: missing {message.id!r}")
            elif not entry.string or (isinstance(entry.string, tuple) and not all(entry.string)):
                out.append(f"{lang}: untranslated {message.id!r}")
            elif entry.fuzzy:
                out.append(f"{lang}: fuzzy {message.id!r}")
            else:
                for placeholder in _placeholders(message.id):
                    if placeholder not in "".join(
                        entry.string if isinstance(entry.string, tuple) else [entry.string]
                    ):
                        out.append(f"{lang}: {message.id!r} loses {placeholder}")
        if _mo_messages(_po(lang).with_suffix(".mo").read_bytes()) != _mo_messages(compiled(lang)):
            out.append(f"{lang}: the .mo is stale: run python scripts/i18n.py compile")
    return out


def _placeholders(text: object) -> set[str]:
    import re

    texts = text if isinstance(text, tuple) else (text,)
    return {m for t in texts for m in re.findall(r"\{[A-Za-z_][A-Za-z0-9_]*\}?", str(t))}


def merge(revisions: list[str]) -> None:
    """Two branches that both add messages conflict in the .po on every merge: take either side
    (`git checkout --ours`), then this: extract again and fill each untranslated entry from the
    other branches' catalogues, as git holds them at each revision."""
    import subprocess

    update()
    for lang in LANGS:
        path = _po(lang)
        catalog = read_po(path.open("rb"))
        for rev in revisions:
            shown = subprocess.run(
                ["git", "show", f"{rev}:{path.relative_to(ROOT).as_posix()}"],
                cwd=ROOT,
                capture_output=True,
                check=True,
            ).stdout
            for message in read_po(io.BytesIO(shown)):
                entry = catalog.get(message.id, context=message.context)
                if message.id and entry is not None and not entry.string and message.string:
                    entry.string = message.string
        with path.open("wb") as f:
            write_po(f, catalog, width=100, sort_output=True, ignore_obsolete=True, no_location=True)
    compile_all()


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command == "update":
        update()
    elif command == "merge":
        merge(sys.argv[2:])
    elif command == "compile":
        compile_all()
    else:
        found = problems()
        print("\n".join(found) or "catalogues complete")
        sys.exit(1 if found else 0)
