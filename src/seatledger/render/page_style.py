"""The printed page's style: A4 with page numbers, CJK serif fonts, tables that break between
rows, headings kept with what follows them, signature blocks that stay whole."""

CSS = """
@page { size: A4; margin: 14mm 13mm 16mm 13mm;
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; } }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", SimSun,
  "Songti SC", serif; font-size: 9pt; color: #000; margin: 0; }
h1 { font-size: 15pt; text-align: center; margin: 0 0 3mm; }
h2 { font-size: 11pt; margin: 4mm 0 1.5mm; border-bottom: 1px solid #000;
  break-after: avoid; page-break-after: avoid; }
section.keep > h2 + * { break-before: avoid; page-break-before: avoid; }
table { border-collapse: collapse; width: 100%; page-break-inside: auto; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #555; padding: 0.6mm 1.2mm; vertical-align: top; }
th { background: #eee; font-weight: bold; }
td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.k { white-space: nowrap; font-size: 8.5pt; }
tr.total td { font-weight: bold; border-top: 2px solid #000; }
tr.caps td { border-top: none; font-size: 9pt; }
.meta td { border: none; padding: 0.3mm 1mm; }
.meta.form td { padding: 1mm; }
.warn { border: 2px solid #000; padding: 2mm; font-weight: bold; }
.note { font-size: 8.5pt; margin: 1mm 0; }
svg { width: 100%; height: auto; break-inside: avoid; }
table.sign { margin-top: 5mm; break-inside: avoid; page-break-inside: avoid; }
table.sign td, table.sign th { height: 6mm; width: 40%; text-align: left; }
table.sign td:first-child, table.sign th:first-child { width: 20%; }
table.sign tr.seal td { height: 15mm; }
table.approve td, table.approve th, table.approve td:first-child, table.approve th:first-child {
  width: 33%; }
table.follow { margin-top: 2mm; }
table.approve tr.seal td { height: 22mm; }
.amount { font-size: 12pt; font-weight: bold; margin: 2mm 0; }
.onepage, div.close { break-inside: avoid; page-break-inside: avoid; }
@media screen { body { max-width: 190mm; margin: 10mm auto; } }
"""
