/**
 * The walkthrough video (issue 13): the committed docs/walkthrough/walkthrough.mp4 and .vtt match
 * the script and the brief (5–10 min, H.264 + AAC at 1280x720, captions over the whole length, one
 * chapter and one caption section per script heading, in order), and a `--preview` build from this
 * checkout (real runs, real Chromium, real espeak-ng, real ffmpeg; one sentence a section) gives a
 * video of the same structure.
 */
import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from '@jest/globals';

import { longestUncaptioned, probeWalkthrough, readCaptions, type Captions, type ProbedVideo } from '../support/walkthrough-video.js';
import { parseScript } from '../walkthrough/script.js';

const exec = promisify(execFile);
const DIR = path.join('docs', 'walkthrough');

/** Longest silence-without-caption allowed: a slide's tail plus the next one's lead pause, with slack. */
const MAX_UNCAPTIONED_S = 2.5;

let headings: string[];

beforeAll(async () => {
  headings = parseScript(await readFile(path.join(DIR, 'script.md'), 'utf8')).sections.map((s) => s.title);
});

function expectStructure(video: ProbedVideo, captions: Captions): void {
  const v = video.streams.filter((s) => s.codec_type === 'video');
  const a = video.streams.filter((s) => s.codec_type === 'audio');
  expect(v).toEqual([expect.objectContaining({ codec_name: 'h264', width: 1280, height: 720 })]);
  expect(a).toEqual([expect.objectContaining({ codec_name: 'aac' })]);
  expect(video.chapters.map((c) => c.title)).toEqual(headings);
  expect(captions.sections).toEqual(headings);
  expect(captions.cues.length).toBeGreaterThanOrEqual(headings.length);
  expect(longestUncaptioned(captions, video.durationS)).toBeLessThanOrEqual(MAX_UNCAPTIONED_S);
  const lastCue = Math.max(...captions.cues.map((c) => c.endS));
  expect(Math.abs(lastCue - video.durationS)).toBeLessThan(1);
  for (const cue of captions.cues) expect(cue.text.length).toBeLessThanOrEqual(90);
}

describe('the committed walkthrough', () => {
  test('is 5 to 10 minutes of 1280x720 H.264 + AAC with a chapter and captions for every script section', async () => {
    const video = await probeWalkthrough(path.join(DIR, 'walkthrough.mp4'));
    expect(video.durationS).toBeGreaterThanOrEqual(300);
    expect(video.durationS).toBeLessThanOrEqual(600);
    expectStructure(video, await readCaptions(path.join(DIR, 'walkthrough.vtt')));
    expect((await stat(path.join(DIR, 'walkthrough.mp4'))).size).toBeLessThan(20 * 1024 * 1024);
  });
});

describe('npm run walkthrough -- --preview', () => {
  test('rebuilds a video of the same structure from this checkout', async () => {
    const out = path.resolve('.tmp', 'walkthrough-preview-test');
    await exec(process.execPath, [path.join('build', 'test', 'walkthrough', 'build.js'), '--preview', '--out', out], { maxBuffer: 16 * 1024 * 1024 });
    const video = await probeWalkthrough(path.join(out, 'walkthrough.mp4'));
    expect(video.durationS).toBeGreaterThan(headings.length * 2);
    expectStructure(video, await readCaptions(path.join(out, 'walkthrough.vtt')));
  }, 600_000);
});
