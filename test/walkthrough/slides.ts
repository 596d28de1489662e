/**
 * A slide is a 1280x720 HTML page: a header with the section's number and title, the bullets the
 * script lists, and (by the slide's kind) one visual made during the build: a table, a terminal
 * capture, a screenshot or the architecture diagram.
 */
import type { ScriptSection } from './script.js';

export type Visual =
  | { type: 'table'; header: string[]; rows: string[][]; align?: ('left' | 'right')[] }
  | { type: 'text'; text: string }
  | { type: 'image'; file: string }
  | { type: 'svg'; svg: string };

export const SLIDE_WIDTH = 1280;
export const SLIDE_HEIGHT = 720;

/** Kinds of slide the script may name, and whether they take a visual's name as their argument. */
export const SLIDE_KINDS: Readonly<Record<string, { visual: boolean }>> = {
  title: { visual: false },
  bullets: { visual: false },
  table: { visual: true },
  terminal: { visual: true },
  image: { visual: true },
  diagram: { visual: true },
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** `code` spans and **bold** in a bullet; everything else escaped. */
function inline(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<b>$1</b>');
}

const STYLE = `
*{box-sizing:border-box;margin:0;padding:0}
html,body{width:${SLIDE_WIDTH}px;height:${SLIDE_HEIGHT}px;overflow:hidden}
body{font-family:"DejaVu Sans",Arial,sans-serif;background:#f6f7f9;color:#17202a;display:flex;flex-direction:column}
header{background:#1d2b3a;color:#fff;padding:22px 48px 18px;display:flex;align-items:baseline;gap:22px}
header .n{font-size:20px;color:#8fb3d9;font-weight:700;min-width:64px}
header h1{font-size:34px;font-weight:700;letter-spacing:-.01em}
main{flex:1;display:flex;gap:32px;padding:30px 48px 26px;min-height:0}
main.title{flex-direction:column;justify-content:center;padding:0 96px}
main.title h2{font-size:56px;margin-bottom:18px;color:#1d2b3a}
main.title p{font-size:26px;color:#3d5166;margin-bottom:30px}
ul{list-style:none;display:flex;flex-direction:column;gap:16px;font-size:24px;line-height:1.32}
ul li{padding-left:26px;position:relative}
ul li::before{content:"";position:absolute;left:0;top:.5em;width:10px;height:10px;border-radius:2px;background:#2f80c9}
.side{flex:0 0 36%}
.wide ul{font-size:27px;gap:20px}
.visual{flex:1;min-width:0;display:flex;align-items:flex-start;justify-content:center}
code{font-family:"DejaVu Sans Mono",monospace;font-size:.88em;background:#e4e9ef;padding:1px 5px;border-radius:3px}
table{border-collapse:collapse;font-size:17px;width:100%;background:#fff;box-shadow:0 1px 3px #0002}
th,td{padding:7px 10px;border-bottom:1px solid #dde3ea;text-align:left;vertical-align:top}
th{background:#e8eef5;font-size:15px;text-transform:uppercase;letter-spacing:.03em;color:#3d5166}
td.r,th.r{text-align:right;font-variant-numeric:tabular-nums}
pre{background:#111820;color:#d7e1ea;font:14px/1.45 "DejaVu Sans Mono",monospace;padding:16px 18px;border-radius:6px;width:100%;max-height:100%;overflow:hidden;white-space:pre}
pre .line{display:block;overflow:hidden;text-overflow:ellipsis}
img{max-width:100%;max-height:100%;object-fit:contain;object-position:top;border-radius:4px;box-shadow:0 2px 8px #0003;background:#fff}
svg{max-width:100%;max-height:100%}
main.stack{flex-direction:column;gap:18px}
main.stack ul{font-size:20px;gap:6px}
main.stack .visual{align-items:flex-start}
footer{padding:0 48px 14px;font-size:14px;color:#6b7c8f;display:flex;justify-content:space-between}
`;

function visualHtml(visual: Visual): string {
  switch (visual.type) {
    case 'table': {
      const cls = (i: number): string => (visual.align?.[i] === 'right' ? ' class="r"' : '');
      const head = visual.header.map((h, i) => `<th${cls(i)}>${inline(h)}</th>`).join('');
      const body = visual.rows.map((row) => `<tr>${row.map((c, i) => `<td${cls(i)}>${inline(c)}</td>`).join('')}</tr>`).join('');
      return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
    }
    case 'text':
      return `<pre>${visual.text
        .split('\n')
        .map((l) => `<span class="line">${escapeHtml(l) || ' '}</span>`)
        .join('')}</pre>`;
    case 'image':
      return `<img src="${escapeHtml(new URL(`file://${visual.file}`).href)}" alt="">`;
    case 'svg':
      return visual.svg;
  }
}

export interface SlideContext {
  number: number;
  count: number;
  footer: string;
  visual?: Visual;
}

export function slideHtml(section: ScriptSection, context: SlideContext): string {
  const bullets = section.bullets.length ? `<ul>${section.bullets.map((b) => `<li>${inline(b)}</li>`).join('')}</ul>` : '';
  let main: string;
  if (section.kind === 'title') {
    main = `<main class="title"><h2>${inline(section.title)}</h2>${section.argument ? `<p>${inline(section.argument)}</p>` : ''}${bullets}</main>`;
  } else if (!context.visual) {
    main = `<main class="wide">${bullets}</main>`;
  } else if (section.kind === 'terminal') {
    // A terminal's lines are long: the bullets above it, the capture at full width.
    main = `<main class="stack">${bullets}<div class="visual">${visualHtml(context.visual)}</div></main>`;
  } else {
    main = `<main>${bullets ? `<div class="side">${bullets}</div>` : ''}<div class="visual">${visualHtml(context.visual)}</div></main>`;
  }
  const header =
    section.kind === 'title' ? '' : `<header><span class="n">${context.number} / ${context.count}</span><h1>${inline(section.title)}</h1></header>`;
  return `<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}</style></head><body>${header}${main}<footer><span>${escapeHtml(context.footer)}</span><span>dataset-gen walkthrough</span></footer></body></html>`;
}
