/**
 * The job summary stays under GitHub's 1 MiB step-summary limit whatever the metrics hold, and points
 * at the artifact; artifact names are sanitised the way the artifact service requires.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';

import { artifactUrl, defaultArtifactName, sanitizeArtifactName } from '../../../src/action/artifact.js';
import type { GateResult } from '../../../src/action/gates.js';
import { renderJobSummary, STEP_SUMMARY_LIMIT_BYTES, writeJobSummary } from '../../../src/action/summary.js';
import { computeMetrics } from '../../../src/observe/compute-metrics.js';
import type { RunMetrics } from '../../../src/observe/metrics-contract.js';
import { RunRecorder } from '../../../src/observe/recorder.js';
import { envScope } from '../../support/env.js';
import { frameRow } from '../../support/frame-rows.js';

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** A real (small) metrics object from the recorder: one video, 4 sampled frames, 3 kept. */
function smallMetrics(): RunMetrics {
  const r = new RunRecorder();
  r.recordVideo({
    info: {
      path: '/videos/cam_1.mp4',
      stem: 'cam_1',
      index: 0,
      container: 'mov,mp4',
      codec: 'h264',
      durationSeconds: 4,
      fps: 1,
      width: 640,
      height: 480,
      rotation: 0,
      frameCount: 4,
      frameCountExact: true,
      reordersFrames: false,
      sizeBytes: 1000,
    },
    sha256: 'c'.repeat(64),
    decode: { mode: 'all', reason: 'asked for' },
    framesDecoded: 4,
    decodeErrors: 0,
  });
  for (let i = 0; i < 4; i += 1) {
    const kept = i < 3;
    r.recordFrame(frameRow({ video: 'cam_1', frameIndex: i, blurScore: 100, phashDistance: i === 0 ? null : 10 }, kept ? null : 'blurred'));
    if (kept) {
      r.recordKept({
        file: `cam_1_${i}.jpg`,
        video: 'cam_1',
        frameIndex: i,
        timestampMs: i * 1000,
        decode: 'sequential',
        width: 640,
        height: 480,
        detections: [{ classIndex: 0, className: 'person', score: 0.9, box: { x: 1, y: 1, width: 10, height: 10 } }],
      });
    }
  }
  r.finish();
  return computeMetrics(r, { site: 'north-gate', classNames: ['person', 'truck'] });
}

/** Tens of thousands of classes and videos with long multi-byte names: the full report is many MB. */
function hugeMetrics(): RunMetrics {
  const base = smallMetrics();
  const video = base.videos[0]!;
  const long = (i: number): string => `카메라-📷-${i}-${'ü'.repeat(100)}|*_<b>`;
  return {
    ...base,
    detections: {
      ...base.detections,
      byClass: Array.from({ length: 30_000 }, (_, i) => ({ name: long(i), count: 30_000 - i, meanScore: 0.5 })),
      classesWithoutDetections: Array.from({ length: 30_000 }, (_, i) => `unseen-${i}`),
    },
    videos: Array.from({ length: 30_000 }, (_, i) => ({ ...video, name: `${long(i)}.mp4`, stem: long(i), index: i })),
  };
}

const artifact = { name: 'dataset-north-gate-4242', url: 'https://github.com/protex/sites/actions/runs/4242/artifacts/17' };
const gates: GateResult[] = [
  { input: 'min-images', threshold: 10, measured: 3, passed: false, description: 'x' },
  { input: 'max-drop-ratio', threshold: 0.5, measured: 0.25, passed: true, description: 'y' },
];

describe('renderJobSummary', () => {
  test('a class filter is shown as a filter, not as model classes with no detections', () => {
    const r = new RunRecorder();
    r.recordFrame(frameRow({ video: 'cam', frameIndex: 0 }, null));
    r.recordKept({ file: 'cam_000000.jpg', video: 'cam', frameIndex: 0, timestampMs: 0, decode: 'sequential', width: 64, height: 48, detections: [] });
    r.finish();
    const metrics = computeMetrics(r, { site: 'north-gate', classNames: ['person', 'car', 'truck'], classFilter: ['person'] });
    const text = renderJobSummary(metrics, { artifact, datasetDir: 'dataset', gates });
    expect(text).toContain('| Class filter | only person (1 of 3 model classes; the other 2 are filtered out, not detected) |');
    expect(text).toContain('1 of the 1 class in the class filter had no detections: person.');
    expect(text).not.toMatch(/model class(es)? had no detections/);
  });

  const huge = hugeMetrics();

  test('a huge metrics object stays under 1 MiB, with the tables cut and the artifact linked', () => {
    const text = renderJobSummary(huge, { artifact, datasetDir: 'dataset', gates });
    expect(bytes(text)).toBeLessThanOrEqual(STEP_SUMMARY_LIMIT_BYTES);
    expect(text).toContain(`[${'dataset-north-gate-4242'}](${artifact.url})`);
    expect(text).toContain('# Dataset report: north-gate');
    expect(text).toMatch(/more classes not shown/);
    expect(text).toMatch(/more videos not shown/);
    expect(text).not.toContain('\uFFFD');
    expect(text).toContain('| `min-images` | 10 | 3 | **missed** |');
    expect(text).toContain('| `max-drop-ratio` | 0.5 | 0.25 | passed |');
  });

  test.each([200_000, 20_000])('a budget of %i bytes is met by showing fewer table rows', (limitBytes) => {
    const text = renderJobSummary(huge, { artifact, datasetDir: 'dataset', gates, limitBytes });
    expect(bytes(text)).toBeLessThanOrEqual(limitBytes);
    expect(text).toMatch(/more videos not shown/);
    expect(text).not.toContain('Summary cut');
    expect(text).not.toContain('\uFFFD');
  });

  test('a budget too small even for one row per table is met by cutting, with a note', () => {
    const text = renderJobSummary(huge, { artifact, datasetDir: 'dataset', gates, limitBytes: 1600 });
    expect(bytes(text)).toBeLessThanOrEqual(1600);
    expect(text).toContain("Summary cut to stay under GitHub's 1 MiB limit");
    expect(text).not.toContain('\uFFFD');
  });

  test('a small run is shown whole, with up to 50 rows per table', () => {
    const text = renderJobSummary(smallMetrics(), {
      artifact: null,
      noArtifactReason: 'input "upload-artifact" is false',
      datasetDir: 'out/dataset',
      gates: [],
    });
    expect(text.startsWith('**Dataset:** `out/dataset` in the workspace (not uploaded: input "upload-artifact" is false).')).toBe(true);
    expect(text).toContain('| Images kept | 3 |');
    expect(text).not.toContain('Quality gate');
    expect(text).not.toContain('not shown');
  });

  test("data lost to one reason is highlighted, naming the Action's inputs that control it", () => {
    const metrics: RunMetrics = { ...smallMetrics(), dataLoss: [{ kind: 'reason', video: 'cam_1', reason: 'blurred', dropped: 3, of: 4 }] };
    const text = renderJobSummary(metrics, { artifact: null, datasetDir: 'd', gates: [] });
    expect(text).toContain('> **Data was lost:**');
    expect(text).toContain(
      '"blurred" dropped 3 of 4 frames (75 %) of video cam\\_1; if the frames are fine, adjust input "blur-ratio" or input "blur-threshold"',
    );
    expect(renderJobSummary(smallMetrics(), { artifact: null, datasetDir: 'd', gates: [] })).not.toContain('Data was lost');
  });

  test('user text in the artifact name is escaped', () => {
    const text = renderJobSummary(smallMetrics(), { artifact: { name: 'a_b*c', url: '' }, datasetDir: 'd', gates: [] });
    expect(text).toContain('artifact **a\\_b\\*c**');
  });
});

describe('writeJobSummary', () => {
  let dir: string;
  let file: string;
  const env = envScope();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dataset-gen-action-summary-'));
    file = path.join(dir, 'step_summary');
    await writeFile(file, '');
  });

  afterAll(async () => {
    env.restore();
    await rm(dir, { recursive: true, force: true });
  });

  async function quietly<T>(fn: () => Promise<T>): Promise<T> {
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      return await fn();
    } finally {
      spy.mockRestore();
    }
  }

  test('appends to the step summary file, within what is left of the 1 MiB', async () => {
    await writeFile(file, `${'x'.repeat(900 * 1024)}\n`);
    env.set('GITHUB_STEP_SUMMARY', file);
    const huge = hugeMetrics();
    const written = await quietly(() => writeJobSummary((limitBytes) => renderJobSummary(huge, { artifact, datasetDir: 'dataset', gates, limitBytes })));
    expect(written).toBe(true);
    const content = await readFile(file, 'utf8');
    expect(bytes(content)).toBeLessThanOrEqual(STEP_SUMMARY_LIMIT_BYTES);
    expect(content).toContain(artifact.url);
  });

  test('without GITHUB_STEP_SUMMARY it writes nothing and says so', async () => {
    env.set('GITHUB_STEP_SUMMARY', undefined);
    const render = jest.fn(() => 'never');
    expect(await quietly(() => writeJobSummary(render))).toBe(false);
    expect(render).not.toHaveBeenCalled();
  });
});

describe('artifact names', () => {
  const cases: [string, string][] = [
    ['dataset-north-gate-4242', 'dataset-north-gate-4242'],
    ['sites/north gate', 'sites-north gate'],
    ['a"b:c<d>e|f*g?h', 'a-b-c-d-e-f-g-h'],
    ['back\\slash', 'back-slash'],
    ['line\r\nbreak', 'line--break'],
    ['  padded  ', 'padded'],
    ['', 'dataset'],
    ['   ', 'dataset'],
    ['Baustelle Süd · Kran 2', 'Baustelle Süd · Kran 2'],
  ];
  test.each(cases)('%j → %j', (name, expected) => {
    expect(sanitizeArtifactName(name)).toBe(expected);
  });

  test('no refused character survives', () => {
    // The characters the artifact service refuses in a name.
    const REFUSED_NAME_CHARACTERS = ['"', ':', '<', '>', '|', '*', '?', '\r', '\n', '\\', '/'];
    const clean = sanitizeArtifactName(`x${REFUSED_NAME_CHARACTERS.join('')}y`);
    for (const c of REFUSED_NAME_CHARACTERS) expect(clean).not.toContain(c);
  });

  test('the default name is dataset-<site>-<run id>', () => {
    expect(defaultArtifactName('north-gate', '4242')).toBe('dataset-north-gate-4242');
    expect(defaultArtifactName('north-gate', undefined)).toBe('dataset-north-gate');
  });

  test('the artifact URL is the run page link', () => {
    const env = { GITHUB_SERVER_URL: 'https://github.com/', GITHUB_REPOSITORY: 'protex/sites', GITHUB_RUN_ID: '4242' };
    expect(artifactUrl(17, env)).toBe('https://github.com/protex/sites/actions/runs/4242/artifacts/17');
    expect(artifactUrl(17, { GITHUB_REPOSITORY: 'protex/sites', GITHUB_RUN_ID: '1' })).toBe('https://github.com/protex/sites/actions/runs/1/artifacts/17');
    expect(artifactUrl(17, {})).toBe('');
  });
});
