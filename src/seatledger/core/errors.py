"""Errors are values: every problem names its file, line and field."""

from __future__ import annotations

from typing import NamedTuple

from seatledger.core.i18n import local, msg


class Problem(NamedTuple):
    file: str
    line: int
    field: str
    message: str
    severity: str = "error"
    record: str = ""  # the id of the record at fault, where there is one
    code: str = ""  # a stable name for the kind of problem, where callers branch on it

    def render(self) -> str:
        where = f"{local(self.file)}:{self.line}" if self.line else local(self.file)
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {local(self.message)}"

    def as_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "field": self.field,
            "message": self.message,
            "severity": self.severity,
            "record": self.record,
            "code": self.code,
        }


def did_you_mean(value: object, choices: list[str]) -> str:
    """`; did you mean 'x'?` where one choice is close to `value`, else nothing."""
    import difflib  # only on the error path

    close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.6)
    return msg("; did you mean {choice!r}?", choice=close[0]) if close else ""


class SeatledgerError(Exception):
    """The one error the domain raises; the CLI turns it into a message and an exit code."""

    exit_code = 1

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems or []

    def render(self) -> str:
        lines = [p.render() for p in self.problems]
        if self.message and (not lines or local(self.message) not in lines):
            lines.insert(0, local(self.message))
        return "\n".join(lines)


class UsageError(SeatledgerError):
    """A value on the command line is not valid; exit code 2, as for any bad command line."""

    exit_code = 2
