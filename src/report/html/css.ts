/** The report's one stylesheet: system fonts only (nothing is fetched), readable from 390 px up. */
export const REPORT_CSS = `
:root { color-scheme: light; --fg: #1f2937; --muted: #6b7280; --line: #e5e7eb; --bg: #ffffff; --panel: #f8fafc;
  --good: #15803d; --bad: #b91c1c; --warn: #a16207; --accent: #4f7cac; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); line-height: 1.5;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header, main, footer, nav { max-width: 1040px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 28px; }
h1 { font-size: 1.75rem; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 1.25rem; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
p { margin: 8px 0; overflow-wrap: anywhere; }
.subtitle { color: var(--muted); margin: 0 0 8px; }
.meta { color: var(--muted); font-size: 0.85rem; }
nav ol { display: flex; flex-wrap: wrap; gap: 4px 14px; list-style: none; padding: 0; margin: 12px 0 0; font-size: 0.9rem; }
nav a { color: var(--accent); text-decoration: none; }
.meta code { white-space: nowrap; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.88em; background: var(--panel);
  padding: 1px 4px; border-radius: 4px; overflow-wrap: anywhere; }
.table-wrap { overflow-x: auto; margin: 12px 0; max-width: 100%; }
table { border-collapse: collapse; font-size: 0.9rem; min-width: 50%; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
td code { overflow-wrap: normal; }
th { font-weight: 600; background: var(--panel); white-space: nowrap; }
td.r, th.r { text-align: right; font-variant-numeric: tabular-nums; }
dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 10px; margin: 12px 0; }
dl.facts div { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; min-width: 0; }
dt { color: var(--muted); font-size: 0.82rem; }
dd { margin: 2px 0 0; font-size: 1.05rem; font-weight: 600; overflow-wrap: anywhere; }
ul { padding-left: 20px; }
li { margin: 4px 0; overflow-wrap: anywhere; }
.tone-good { color: var(--good); font-weight: 600; }
.tone-bad { color: var(--bad); font-weight: 600; }
.tone-warn { color: var(--warn); font-weight: 600; }
.tone-muted { color: var(--muted); }
figure.chart { margin: 16px 0; max-width: 100%; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
figcaption { color: var(--muted); font-size: 0.85rem; margin-top: 6px; }
figcaption strong { color: var(--fg); }
details { margin-top: 6px; font-size: 0.85rem; }
footer { color: var(--muted); font-size: 0.8rem; padding-top: 24px; padding-bottom: 40px; border-top: 1px solid var(--line); margin-top: 40px; }
@media (max-width: 600px) {
  body { font-size: 14px; }
  header, main, footer, nav { padding: 0 12px; }
  h1 { font-size: 1.4rem; }
  dl.facts { grid-template-columns: 1fr 1fr; }
}
@media print { nav { display: none; } h2 { break-after: avoid; } figure, table { break-inside: avoid; } }
`;
