/**
 * `npm run walkthrough`: builds docs/walkthrough/walkthrough.mp4 (H.264 + AAC, 1280x720) and
 * walkthrough.vtt from docs/walkthrough/script.md. Every figure, terminal capture and screenshot is
 * measured during the build (facts.ts); each slide is an HTML page rendered by headless Chromium;
 * narration is spoken by espeak-ng, one WAV per sentence, so the slides last as long as their speech
 * and the captions carry the sentences' real timings.
 *
 *   node build/test/walkthrough/build.js [--preview] [--out DIR] [--bench-rounds N]
 *
 * `--preview` speaks only each section's first sentence, skips the benchmark and writes into
 * .tmp/walkthrough-preview: the same pipeline in about a minute, for the test.
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { assemble } from './assemble.js';
import { runBench } from './bench-facts.js';
import { gatherFacts } from './facts.js';
import { Renderer } from './render.js';
import { fillSection, parseScript, sentences } from './script.js';
import { SLIDE_HEIGHT, SLIDE_KINDS, SLIDE_WIDTH, slideHtml } from './slides.js';
import { concatPcm, durationMs, silence, speak, writeWav, type Pcm } from './speech.js';
import { DEFAULT_PAUSES, layOut, toChapters, toVtt } from './timeline.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      preview: { type: 'boolean', default: false },
      out: { type: 'string' },
      script: { type: 'string', default: path.join('docs', 'walkthrough', 'script.md') },
      'bench-rounds': { type: 'string', default: '1' },
    },
  });
  const root = process.cwd();
  const preview = values.preview;
  const outDir = path.resolve(values.out ?? (preview ? path.join('.tmp', 'walkthrough-preview') : path.join('docs', 'walkthrough')));
  const workDir = path.resolve('.tmp', preview ? 'walkthrough-work-preview' : 'walkthrough-work');
  await rm(workDir, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true });
  await mkdir(outDir, { recursive: true });
  const started = performance.now();
  const log = (message: string): void => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

  const script = parseScript(await readFile(values.script, 'utf8'));
  for (const section of script.sections) {
    if (!(section.kind in SLIDE_KINDS))
      throw new Error(`script section "${section.title}": unknown slide kind "${section.kind}" (known: ${Object.keys(SLIDE_KINDS).join(', ')})`);
  }

  const renderer = await Renderer.start();
  try {
    log('measuring: demo runs, screenshots, bad input, action, cost, layout' + (preview ? '' : ', benchmark'));
    const facts = await gatherFacts({
      root,
      workDir,
      renderer,
      bench: () => (preview ? Promise.resolve(null) : runBench(root, Number(values['bench-rounds']), log)),
    });
    if (preview) fillMissing(script.sections.map((s) => s.narration + s.bullets.join(' ') + s.argument).join(' '), facts.values);

    const sections = script.sections.map((s) => fillSection(s, facts.values));
    log(`rendering ${sections.length} slides`);
    const pngs: string[] = [];
    for (const [i, section] of sections.entries()) {
      const visual = SLIDE_KINDS[section.kind]!.visual ? facts.visuals[section.argument] : undefined;
      if (SLIDE_KINDS[section.kind]!.visual && !visual)
        throw new Error(
          `script section "${section.title}" shows "${section.argument}", which the build did not make (made: ${Object.keys(facts.visuals).join(', ')})`,
        );
      const html = path.join(workDir, `slide-${String(i + 1).padStart(2, '0')}.html`);
      const png = html.replace(/\.html$/, '.png');
      await writeFile(html, slideHtml(section, { number: i + 1, count: sections.length, footer: script.title, visual }));
      await renderer.capture(html, png, { width: SLIDE_WIDTH, height: SLIDE_HEIGHT });
      pngs.push(png);
    }

    log('speaking the narration (espeak-ng)');
    const spoken: { title: string; sentences: { text: string; durationMs: number; pcm: Pcm }[] }[] = [];
    for (const [i, section] of sections.entries()) {
      const said = sentences(section.narration).slice(0, preview ? 1 : undefined);
      const pieces = [];
      for (const [j, text] of said.entries()) {
        const pcm = await speak(text, path.join(workDir, `speech-${i + 1}-${j + 1}.wav`));
        pieces.push({ text, durationMs: durationMs(pcm), pcm });
      }
      spoken.push({ title: section.title, sentences: pieces });
    }
    const timings = layOut(spoken);
    const rate = spoken[0]!.sentences[0]!.pcm.sampleRate;
    const track: Pcm[] = [];
    for (const [i, section] of spoken.entries()) {
      // Samples are placed by the layout's rounded times, so audio, slides and captions agree.
      const slide = timings[i]!;
      track.push(silence(rate, DEFAULT_PAUSES.leadMs));
      section.sentences.forEach((s, j) => {
        track.push(s.pcm);
        if (j < section.sentences.length - 1) track.push(silence(rate, DEFAULT_PAUSES.betweenMs));
      });
      const spokenMs = durationMs(concatPcm(track)) - slide.startMs;
      track.push(silence(rate, Math.max(0, slide.endMs - slide.startMs - spokenMs)));
    }
    const narration = path.join(workDir, 'narration.wav');
    await writeWav(narration, concatPcm(track));
    const chapters = path.join(workDir, 'chapters.txt');
    await writeFile(chapters, toChapters(script.title, timings));

    log('encoding (ffmpeg)');
    const video = path.join(outDir, 'walkthrough.mp4');
    await assemble({ slides: pngs.map((png, i) => ({ png, timing: timings[i]! })), narrationWav: narration, chaptersFile: chapters, out: video, workDir });
    await writeFile(path.join(outDir, 'walkthrough.vtt'), toVtt(timings));
    const total = timings.at(-1)!.endMs / 1000;
    const size = (await stat(video)).size;
    log(
      `wrote ${path.relative(root, video)}: ${Math.floor(total / 60)} min ${Math.round(total % 60)} s, ${(size / 1024 / 1024).toFixed(1)} MB, ${sections.length} sections; captions in walkthrough.vtt`,
    );
  } finally {
    await renderer.close();
  }
}

/** In a preview the benchmark is skipped: its figures read "(full build only)" so the script still fills. */
function fillMissing(text: string, values: Record<string, string>): void {
  for (const match of text.matchAll(/\{\{\s*(bench\.[\w.-]+)\s*\}\}/g)) values[match[1]!] ??= 'not measured in a preview';
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
