/**
 * report.html's stylesheet: one inline `<style>` (the page loads nothing else). Mobile first enough to
 * read on a phone: the cards, grids and contact sheet reflow below 640 px, wide charts scroll.
 */

/** The page's CSS, minified to one line (newlines removed; rules stay one per source line below). */
export const REPORT_CSS = `
:root{--fg:#1d2430;--muted:#5d6673;--line:#e1e5ea;--bg:#f4f6f9;--card:#fff;--ok:#1e7a4a;--bad:#b3261e}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.wrap{max-width:1240px;margin:0 auto;padding:16px 20px}
header.top{background:var(--card);border-bottom:1px solid var(--line)}
h1{font-size:1.6rem;margin:0 0 .6rem;line-height:1.2;overflow-wrap:anywhere}
h1 small{display:block;font-size:.8rem;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.06em;margin-bottom:.2rem}
h2{font-size:1.1rem;margin:0 0 .6rem}
section{margin:18px 0}
.meta{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.15rem 1rem;margin:0 0 .8rem}
.meta dt{color:var(--muted)}
.meta dd{margin:0;overflow-wrap:anywhere}
code{font:.9em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#eef1f5;padding:0 .25em;border-radius:3px}
.verdict{margin:0;padding:.6rem .8rem;border-radius:6px;border:1px solid}
.verdict strong{margin-right:.4rem}
.verdict ul{margin:.3rem 0 0;padding-left:1.2rem}
.verdict.pass{background:#e7f6ed;border-color:#b5e0c5;color:var(--ok)}
.verdict.fail{background:#fdecea;border-color:#f3b9b4;color:var(--bad)}
.verdict.none{background:#eef1f5;border-color:var(--line);color:var(--muted)}
.verdict.loss{margin-top:.5rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:12px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px;min-width:0}
.card .label{color:var(--muted);font-size:.78rem;font-weight:600;text-transform:uppercase;letter-spacing:.04em}
.card .value{font-size:2rem;font-weight:700;line-height:1.2;font-variant-numeric:tabular-nums}
.card .sub{color:var(--muted);font-size:.85rem}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,440px),1fr));gap:16px}
.panel{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px;min-width:0}
.panel.wide{grid-column:1/-1}
.note{color:var(--muted);font-size:.85rem;margin:.4rem 0 0}
svg.chart{display:block;width:100%;height:auto;font-family:inherit}
.scroll{overflow-x:auto}
.scroll svg.chart{min-width:720px}
.sheet{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,230px),1fr));gap:12px}
.sheet figure{margin:0;min-width:0}
.sheet img{display:block;width:100%;height:auto;border-radius:4px;background:#d9dee5}
.sheet figcaption{font-size:.8rem;color:var(--muted);margin-top:.25rem;overflow-wrap:anywhere}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums;font-size:.9rem}
th,td{padding:.35rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{color:var(--muted);font-weight:600;white-space:nowrap}
.n{text-align:right;white-space:nowrap}
tfoot td{font-weight:600}
.nowrap{white-space:nowrap}
.swatch{display:inline-block;width:.7em;height:.7em;border-radius:2px;margin-right:.4em;vertical-align:baseline}
.files{margin:0;padding-left:1.2rem}
.files li{margin:.15rem 0}
footer{color:var(--muted);font-size:.8rem;padding-bottom:24px}
@media (max-width:640px){
body{font-size:14px}
.wrap{padding:12px}
h1{font-size:1.3rem}
.cards{grid-template-columns:repeat(2,minmax(0,1fr));gap:8px}
.card{padding:10px}
.card .value{font-size:1.45rem}
.panel{padding:12px}
.meta{grid-template-columns:minmax(0,1fr)}
.meta dt{font-size:.8rem;margin-top:.3rem}
.cards .card:first-child{grid-column:1/-1}
.sheet{grid-template-columns:repeat(2,minmax(0,1fr));gap:8px}
.sheet figcaption{font-size:.72rem}
th,td{padding:.3rem .35rem}
th{white-space:normal}
}
`
  .trim()
  .replace(/\n/g, '');
