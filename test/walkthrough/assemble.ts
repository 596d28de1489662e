/**
 * ffmpeg joins the slides and the narration: each slide PNG shown for its slide's duration (the
 * concat demuxer), the narration as AAC, chapters from the script's headings, captions as a
 * separate WebVTT file. Slides change a few times a minute, so a low frame rate keeps the file small.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import type { SlideTiming } from './timeline.js';

const run = promisify(execFile);

export interface AssembleInput {
  slides: readonly { png: string; timing: SlideTiming }[];
  narrationWav: string;
  chaptersFile: string;
  out: string;
  workDir: string;
  fps?: number;
}

function concatList(slides: AssembleInput['slides']): string {
  const quote = (file: string): string => `'${file.replace(/'/g, "'\\''")}'`;
  const lines = ['ffconcat version 1.0'];
  for (const { png, timing } of slides) lines.push(`file ${quote(png)}`, `duration ${((timing.endMs - timing.startMs) / 1000).toFixed(3)}`);
  // The concat demuxer ignores the last entry's duration unless the file is listed once more.
  const last = slides[slides.length - 1];
  if (last) lines.push(`file ${quote(last.png)}`);
  return `${lines.join('\n')}\n`;
}

export async function assemble(input: AssembleInput): Promise<void> {
  const list = path.join(input.workDir, 'slides.ffconcat');
  await writeFile(list, concatList(input.slides));
  const fps = input.fps ?? 5;
  await run(
    'ffmpeg',
    [
      '-hide_banner',
      '-nostdin',
      '-loglevel',
      'error',
      '-y',
      '-f',
      'concat',
      '-safe',
      '0',
      '-i',
      list,
      '-i',
      input.narrationWav,
      '-f',
      'ffmetadata',
      '-i',
      input.chaptersFile,
      '-map',
      '0:v',
      '-map',
      '1:a',
      '-map_metadata',
      '2',
      '-map_chapters',
      '2',
      '-vf',
      `fps=${fps},format=yuv420p`,
      '-c:v',
      'libx264',
      '-preset',
      'medium',
      '-tune',
      'stillimage',
      '-crf',
      '26',
      '-g',
      String(fps * 10),
      '-c:a',
      'aac',
      '-b:a',
      '64k',
      '-ar',
      '22050',
      '-ac',
      '1',
      '-shortest',
      '-movflags',
      '+faststart',
      '-fflags',
      '+bitexact',
      '-flags:v',
      '+bitexact',
      '-flags:a',
      '+bitexact',
      input.out,
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
}
