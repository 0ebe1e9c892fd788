"""The printed page's style: A4 with page numbers, CJK serif fonts, tables that break between
rows, signature blocks that stay whole."""

CSS = """
@page { size: A4; margin: 16mm 14mm 18mm 14mm;
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; } }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", SimSun,
  "Songti SC", serif; font-size: 10.5pt; color: #000; margin: 0; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 4mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #000; }
table { border-collapse: collapse; width: 100%; page-break-inside: auto; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #555; padding: 1mm 1.5mm; vertical-align: top; }
th { background: #eee; }
td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.k { white-space: nowrap; font-size: 9pt; }
td.c { white-space: nowrap; }
tr.total td { font-weight: bold; border-top: 2px solid #000; }
.meta td { border: none; padding: 0.5mm 1mm; }
.warn { border: 2px solid #000; padding: 2mm; font-weight: bold; }
.sign { display: flex; gap: 10mm; margin-top: 10mm; page-break-inside: avoid; }
.sign div { flex: 1; border: 1px solid #000; height: 42mm; padding: 3mm; }
.sign p { margin: 0 0 8mm; }
svg { width: 100%; height: auto; }
@media screen { body { max-width: 190mm; margin: 10mm auto; } }
"""
