/**
 * The walkthrough's script (docs/walkthrough/script.md): one `## ` heading a section, one section a
 * slide. In a section, a `slide: <kind> [argument]` line picks the slide's layout, list items are
 * what the slide shows, and every other paragraph is what is said. `{{name}}` stands for a figure
 * measured during the build; an unknown name is an error, so the video never shows a stale number.
 */

export interface ScriptSection {
  title: string;
  kind: string;
  argument: string;
  bullets: string[];
  narration: string;
}

export interface Script {
  title: string;
  sections: ScriptSection[];
}

const HEADING = /^## +(.+?)\s*$/;
const SLIDE = /^slide:\s*([a-z-]+)(?:\s+(.+?))?\s*$/;
const BULLET = /^[-*] +(.+?)\s*$/;

export function parseScript(markdown: string): Script {
  const lines = markdown.replace(/<!--[\s\S]*?-->/g, '').split('\n');
  const title = /^# +(.+)$/.exec(lines.find((l) => l.startsWith('# ')) ?? '')?.[1]?.trim() ?? 'Walkthrough';
  const sections: ScriptSection[] = [];
  let current: (ScriptSection & { paragraphs: string[][] }) | null = null;
  let paragraph: string[] = [];
  const endParagraph = (): void => {
    if (current && paragraph.length > 0) current.paragraphs.push(paragraph);
    paragraph = [];
  };
  for (const line of lines) {
    const heading = HEADING.exec(line);
    if (heading) {
      endParagraph();
      current = { title: heading[1]!, kind: '', argument: '', bullets: [], narration: '', paragraphs: [] };
      sections.push(current);
      continue;
    }
    if (!current) continue;
    const slide = SLIDE.exec(line);
    const bullet = BULLET.exec(line);
    if (slide) {
      endParagraph();
      current.kind = slide[1]!;
      current.argument = slide[2] ?? '';
    } else if (bullet) {
      endParagraph();
      current.bullets.push(bullet[1]!);
    } else if (line.trim() === '') {
      endParagraph();
    } else {
      paragraph.push(line.trim());
    }
  }
  endParagraph();
  for (const section of sections) {
    if (!section.kind) throw new Error(`script section "${section.title}" has no "slide: <kind>" line`);
    const { paragraphs } = section as ScriptSection & { paragraphs: string[][] };
    section.narration = paragraphs.map((p) => p.join(' ')).join(' ');
    delete (section as Partial<ScriptSection & { paragraphs: string[][] }>).paragraphs;
    if (!section.narration) throw new Error(`script section "${section.title}" has nothing to say`);
  }
  if (sections.length === 0) throw new Error('the script has no "## " sections');
  return { title, sections };
}

/** Replaces every `{{name}}` with its figure; throws naming the first unknown one. */
export function fill(text: string, facts: Readonly<Record<string, string>>): string {
  return text.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => {
    const value = facts[name];
    if (value === undefined) throw new Error(`the script uses {{${name}}}, which the build did not measure`);
    return value;
  });
}

export function fillSection(section: ScriptSection, facts: Readonly<Record<string, string>>): ScriptSection {
  return {
    ...section,
    title: fill(section.title, facts),
    argument: fill(section.argument, facts),
    bullets: section.bullets.map((b) => fill(b, facts)),
    narration: fill(section.narration, facts),
  };
}

/**
 * Splits narration into sentences: at `.`, `!` or `?` followed by a space and a capital letter or a
 * digit, never inside a number (`1.5`) or after a one-letter abbreviation (`e.g.`).
 */
export function sentences(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  const boundary = /([.!?])\s+(?=[A-Z0-9"'(])/g;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 3), m.index + 1);
    if (/(^|\s)(e\.g|i\.e|vs|etc)\.$/i.test(before) || /\b[a-z]\.[a-z]\.$/i.test(before)) continue;
    parts.push(text.slice(start, m.index + 1).trim());
    start = m.index + m[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) parts.push(rest);
  return parts.filter((s) => s.length > 0);
}
