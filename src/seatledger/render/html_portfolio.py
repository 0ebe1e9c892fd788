"""The portfolio as a plain HTML page: the same grid as the spreadsheet, money right-aligned,
a contract with problems shown by them (rule 13). Self-contained: no script, no fetch."""

from __future__ import annotations

from html import escape

from seatledger.core.i18n import _, local, tr
from seatledger.render.grids import yes_no
from seatledger.render.schemas_portfolio import grid
from seatledger.reports.portfolio import Portfolio, incomplete_note

_STYLE = (
    "body{font-family:'Noto Sans CJK SC','Source Han Sans SC',sans-serif;margin:2em}"
    "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .5em}"
    "td.money{text-align:right;font-variant-numeric:tabular-nums}tr.total{font-weight:bold}"
    ".warn{color:#b00}"
)


def page(p: Portfolio) -> str:
    g = grid(p)
    head = "".join(f"<th>{escape(name)}</th>" for name, _kind in g.columns)
    body = []
    for n, row in enumerate((*g.rows, *([g.total] if g.total is not None else []))):
        cells = "".join(
            f'<td class="{kind}">{escape(yes_no(value) if isinstance(value, bool) else str(value))}</td>'
            for value, (_n, kind) in zip(row, g.columns, strict=True)
        )
        body.append(f"<tr{' class=total' if n == len(g.rows) else ''}>{cells}</tr>")
    problems = [f"<li><b>{escape(r.id)}</b>: {escape(pr.render())}</li>" for r in p.rows for pr in r.problems]
    title = escape(tr("Portfolio as of {date}: {n} contract(s)", date=p.as_of, n=len(p.rows)))
    parts = [
        f'<!doctype html><html lang="{escape(_("en"))}"><meta charset="utf-8"><title>{title}</title>',
        f"<style>{_STYLE}</style><h1>{title}</h1><table><tr>{head}</tr>{''.join(body)}</table>",
    ]
    if problems:
        parts.append(f"<h2>{escape(_('Problems'))}</h2><ul>{''.join(problems)}</ul>")
    if not p.complete:
        parts.append(f'<p class="warn">{escape(local(incomplete_note(p)))}</p>')
    return "".join(parts) + "</html>\n"
