/** The walkthrough's script parsing, figure filling, sentence splitting and caption timing. */
import { describe, expect, test } from '@jest/globals';

import { terminalLine } from '../../walkthrough/facts.js';
import { ranks, type Part } from '../../walkthrough/layout-diagram.js';
import { fill, fillSection, parseScript, sentences } from '../../walkthrough/script.js';
import { captionPieces, layOut, toChapters, toVtt } from '../../walkthrough/timeline.js';

const SCRIPT = `# Demo

<!-- a comment with ## not a heading -->
Intro that nobody says.

## First {{n}}

slide: bullets

- shown {{n}}
- also shown

Said one. Said
two with {{n}}.

## Second

slide: table bench

Only this.
`;

describe('parseScript', () => {
  test('one section per heading, with kind, argument, bullets and narration', () => {
    const script = parseScript(SCRIPT);
    expect(script.title).toBe('Demo');
    expect(script.sections).toEqual([
      { title: 'First {{n}}', kind: 'bullets', argument: '', bullets: ['shown {{n}}', 'also shown'], narration: 'Said one. Said two with {{n}}.' },
      { title: 'Second', kind: 'table', argument: 'bench', bullets: [], narration: 'Only this.' },
    ]);
  });

  test.each([
    ['no sections', '# T\n\ntext\n', /no "## " sections/],
    ['no slide line', '## A\n\nsaid\n', /"A" has no "slide: <kind>"/],
    ['nothing said', '## A\nslide: bullets\n- b\n', /"A" has nothing to say/],
  ])('refuses a script with %s', (_, text, message) => {
    expect(() => parseScript(text)).toThrow(message);
  });
});

describe('fill', () => {
  test('replaces figures and refuses unknown ones', () => {
    expect(fill('{{a}} and {{ b.c }}', { a: '1', 'b.c': '2' })).toBe('1 and 2');
    expect(() => fill('{{missing}}', {})).toThrow('{{missing}}');
    const [section] = parseScript(SCRIPT).sections;
    expect(fillSection(section!, { n: '7' })).toMatchObject({ title: 'First 7', bullets: ['shown 7', 'also shown'], narration: 'Said one. Said two with 7.' });
  });
});

describe('sentences', () => {
  test.each([
    ['One. Two! Three?', ['One.', 'Two!', 'Three?']],
    ['It took 1.5 seconds. Then 20 more.', ['It took 1.5 seconds.', 'Then 20 more.']],
    ['Filters, e.g. blur. Next.', ['Filters, e.g. blur.', 'Next.']],
    ['report dot html. 3 files.', ['report dot html.', '3 files.']],
    ['no end', ['no end']],
  ])('%s', (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });
});

describe('captions', () => {
  test('pieces fit the width, keep every word, and never end on a lone word', () => {
    const sentence = 'The quick brown fox jumps over the lazy dog and keeps running through the field until the sun sets behind the hills';
    const pieces = captionPieces(sentence, 40);
    expect(pieces.join(' ')).toBe(sentence);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(40);
    expect(pieces.at(-1)!.split(' ').length).toBeGreaterThan(1);
  });

  test('slides follow their speech; cues cover each slide from its first sentence to its end', () => {
    const slides = layOut(
      [
        {
          title: 'A',
          sentences: [
            { text: 'One.', durationMs: 1000 },
            { text: 'Two two.', durationMs: 2000 },
          ],
        },
        { title: 'B', sentences: [{ text: 'Three.', durationMs: 500 }] },
      ],
      { leadMs: 100, betweenMs: 200, tailMs: 300 },
    );
    expect(slides.map((s) => [s.startMs, s.endMs])).toEqual([
      [0, 3600],
      [3600, 4500],
    ]);
    expect(slides[0]!.cues).toEqual([
      { startMs: 100, endMs: 1300, text: 'One.' },
      { startMs: 1300, endMs: 3600, text: 'Two two.' },
    ]);
    expect(slides[1]!.cues).toEqual([{ startMs: 3700, endMs: 4500, text: 'Three.' }]);
    const vtt = toVtt(slides);
    expect(vtt).toMatch(/^WEBVTT\n\nNOTE section: A\n\n1\n00:00:00\.100 --> 00:00:01\.300\nOne\.\n/);
    expect(vtt).toContain('NOTE section: B\n\n3\n00:00:03.700 --> 00:00:04.500\nThree.');
    expect(toChapters('T=1', slides)).toBe(
      ';FFMETADATA1\ntitle=T\\=1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=3600\ntitle=A\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=3600\nEND=4500\ntitle=B\n',
    );
  });
});

describe('layout diagram ranks', () => {
  const part = (name: string, imports: string[]): [string, Part] => [name, { name, modules: 1, lines: 1, imports: new Set(imports) }];
  test('a part sits one row above the highest part it imports; a cycle is an error', () => {
    const parts = new Map([part('cli', ['pipeline', 'domain']), part('pipeline', ['domain']), part('domain', [])]);
    expect(Object.fromEntries(ranks(parts))).toEqual({ cli: 2, pipeline: 1, domain: 0 });
    expect(() => ranks(new Map([part('a', ['b']), part('b', ['a'])]))).toThrow('import cycle');
  });
});

describe('terminalLine', () => {
  test('drops the trailing key=value fields of a log line, keeps progress figures', () => {
    expect(terminalLine('02:38:53 info  stage dedup: 20 → 20 frames in 39 ms (2 %) runId=267a stage=dedup share=0.0172')).toBe(
      '02:38:53 info  stage dedup: 20 → 20 frames in 39 ms (2 %)',
    );
    expect(terminalLine('02:38:53 info  progress x done=20 total=20')).toBe('02:38:53 info  progress x done=20 total=20');
  });
});
