import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { OutputError } from '../../../src/errors.js';
import { appendRunHistory, checkRunHistory, HISTORY_COLUMNS, historyRow, type HistoryRunInfo } from '../../../src/observe/history.js';
import type { RunMetrics } from '../../../src/observe/metrics-contract.js';

const HEADER =
  'run_id,finished_at,site,tool_version,model,model_sha256,videos,frames_decoded,frames_sampled,images,detections,' +
  'drop_ratio,dropped_corrupt,dropped_black,dropped_overexposed,dropped_blurred,dropped_duplicate,wall_seconds,' +
  'stage_probe_seconds,stage_extract_seconds,stage_quality_seconds,stage_dedup_seconds,stage_detect_seconds,stage_write_seconds';

const SHA = '1d8554503630c54925faba0a5c1cc3e7f26d8c44ed82273d4e843569792c8821';

function stage(ms: number) {
  return { ms, share: 0 };
}

function metricsFor(site: string, images: number): RunMetrics {
  const video = {
    name: 'cam.mp4',
    stem: 'cam',
    index: 0,
    sha256: 'a'.repeat(64),
    durationSeconds: 60,
    fps: 30,
    width: 640,
    height: 480,
    sizeBytes: 1,
    decode: 'all' as const,
    decoded: 1800,
    decodeErrors: 0,
    sampled: 60,
    kept: images,
    dropped: 60 - images,
    bad: 4,
    duplicates: 60 - images - 4,
    labelled: 0,
    detections: 9,
    droppedByReason: { corrupt: 0, black: 1, overexposed: 0, blurred: 3, duplicate: 60 - images - 4, labelled: 0 },
    truncatedAtSeconds: null,
    inference: { width: 640, height: 480 },
  };
  return {
    schemaVersion: 1,
    site,
    frames: {
      decoded: 3600,
      sampled: 120,
      kept: images,
      dropped: 120 - images,
      droppedByReason: { corrupt: 1, black: 2, overexposed: 0, blurred: 3, duplicate: 120 - images - 6, labelled: 0 },
      bad: 6,
      duplicates: 120 - images - 6,
      labelled: 0,
    },
    frameDropRatio: Math.round(((120 - images) / 120) * 1e4) / 1e4,
    images,
    detections: { total: 42, perImage: { min: 0, mean: 0, max: 0, histogram: [] }, byClass: [], classesWithoutDetections: [], classFilter: null },
    timings: {
      wallMs: 9000,
      stageTotalMs: 0,
      stages: { probe: stage(120.5), extract: stage(2500), quality: stage(300.26), dedup: stage(45), detect: stage(4000.7), write: stage(80) },
    },
    videos: [video, { ...video, name: 'cam2.mp4', stem: 'cam2', index: 1 }],
    phashDistance: { count: 0, min: 0, median: 0, mean: 0, max: 0, histogram: [] },
    dataLoss: [],
    compute: {
      videoSeconds: 10,
      computeSeconds: 2,
      computeSecondsPerVideoHour: 720,
      pricePerHour: null,
      cost: null,
      costPerVideoHour: null,
      executionProviders: ['cpu'],
    },
    exports: [],
    selection: null,
    qualityGates: [],
  };
}

function manifestFor(id: string, modelName = 'yolov8n-coco'): HistoryRunInfo {
  return {
    tool: { version: '0.1.0' },
    model: { sha256: SHA },
    config: { model: { name: modelName } },
    run: { id, finishedAt: '2025-03-04T05:06:07.890Z', wallSeconds: 9.12 },
  };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dataset-gen-history-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runs.csv columns', () => {
  test('are fixed, in this order', () => {
    expect(HISTORY_COLUMNS.join(',')).toBe(HEADER);
  });

  test('one value per column, from the metrics and the manifest', () => {
    const row = historyRow(metricsFor('north-yard', 50), manifestFor('abc123'));
    expect(row).toHaveLength(HISTORY_COLUMNS.length);
    expect(Object.fromEntries(HISTORY_COLUMNS.map((c, i) => [c, row[i]]))).toEqual({
      run_id: 'abc123',
      finished_at: '2025-03-04T05:06:07.890Z',
      site: 'north-yard',
      tool_version: '0.1.0',
      model: 'yolov8n-coco',
      model_sha256: SHA,
      videos: 2,
      frames_decoded: 3600,
      frames_sampled: 120,
      images: 50,
      detections: 42,
      drop_ratio: 0.5833,
      dropped_corrupt: 1,
      dropped_black: 2,
      dropped_overexposed: 0,
      dropped_blurred: 3,
      dropped_duplicate: 64,
      wall_seconds: 9.12,
      stage_probe_seconds: 0.1205,
      stage_extract_seconds: 2.5,
      stage_quality_seconds: 0.3003,
      stage_dedup_seconds: 0.045,
      stage_detect_seconds: 4.0007,
      stage_write_seconds: 0.08,
    });
  });
});

describe('appendRunHistory', () => {
  test('writes the header once across two appends, one CRLF row per run', async () => {
    const file = path.join(dir, 'nested', 'runs.csv');
    await checkRunHistory(file); // missing is fine
    const first = await appendRunHistory(file, metricsFor('north-yard', 50), manifestFor('run1'));
    const second = await appendRunHistory(file, metricsFor('south-gate', 70), manifestFor('run2'));
    expect(first).toEqual({ file, wroteHeader: true });
    expect(second).toEqual({ file, wroteHeader: false });
    const text = await readFile(file, 'utf8');
    const lines = text.split('\r\n');
    expect(lines).toHaveLength(4); // header, two rows, '' after the last CRLF
    expect(lines[0]).toBe(HEADER);
    expect(lines[1]).toMatch(
      /^run1,2025-03-04T05:06:07\.890Z,north-yard,0\.1\.0,yolov8n-coco,1d85\w+,2,3600,120,50,42,0\.5833,1,2,0,3,64,9\.12,0\.1205,2\.5,0\.3003,0\.045,4\.0007,0\.08$/,
    );
    expect(lines[2]).toMatch(/^run2,.*,south-gate,.*,70,42,0\.4167,/);
    expect(lines[3]).toBe('');
    expect(text.match(/run_id/g)).toHaveLength(1);
    await checkRunHistory(file);
  });

  test('writes the header into an existing empty file', async () => {
    const file = path.join(dir, 'empty.csv');
    await writeFile(file, '');
    expect((await appendRunHistory(file, metricsFor('a', 1), manifestFor('r'))).wroteHeader).toBe(true);
    expect((await readFile(file, 'utf8')).startsWith(`${HEADER}\r\n`)).toBe(true);
  });

  test('quotes fields per RFC 4180', async () => {
    const file = path.join(dir, 'quoted.csv');
    await appendRunHistory(file, metricsFor('yard, "east"\nwing', 5), manifestFor('r1', 'my,model'));
    const text = await readFile(file, 'utf8');
    expect(text).toContain('\r\nr1,2025-03-04T05:06:07.890Z,"yard, ""east""\nwing",0.1.0,"my,model",');
  });

  test('accepts a file whose header has a BOM or LF, and starts a new line when the last one lost its break', async () => {
    const file = path.join(dir, 'edited.csv');
    await writeFile(file, `\uFEFF${HEADER}\nold,row`);
    await appendRunHistory(file, metricsFor('a', 1), manifestFor('new'));
    const text = await readFile(file, 'utf8');
    expect(text.startsWith(`\uFEFF${HEADER}\nold,row\r\nnew,`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  test('refuses a file with another header, names it, and leaves it unchanged', async () => {
    const file = path.join(dir, 'other.csv');
    const original = 'run_id,finished_at,site,images\r\nx,y,z,1\r\n';
    await writeFile(file, original);
    const attempt = appendRunHistory(file, metricsFor('a', 1), manifestFor('r'));
    await expect(attempt).rejects.toThrow(OutputError);
    await expect(appendRunHistory(file, metricsFor('a', 1), manifestFor('r'))).rejects.toThrow(
      new RegExp(
        `Refusing to append to the run history ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: .*column 4 is "images" where "tool_version" was expected`,
      ),
    );
    await expect(checkRunHistory(file)).rejects.toThrow(OutputError);
    expect(await readFile(file, 'utf8')).toBe(original);
  });

  test('refuses a header with extra columns or a file that is not a CSV at all', async () => {
    const extra = path.join(dir, 'extra.csv');
    await writeFile(extra, `${HEADER},stage_upload_seconds\r\n`);
    await expect(appendRunHistory(extra, metricsFor('a', 1), manifestFor('r'))).rejects.toThrow(/1 extra column\(s\) after "stage_write_seconds"/);
    const binary = path.join(dir, 'binary.csv');
    await writeFile(binary, Buffer.alloc(70 * 1024, 1));
    await expect(appendRunHistory(binary, metricsFor('a', 1), manifestFor('r'))).rejects.toThrow(/Refusing to append/);
    expect((await readFile(binary)).length).toBe(70 * 1024);
  });

  test('refuses a FIFO at once and a symbolic link without following it', async () => {
    const fifo = path.join(dir, 'fifo.csv');
    execFileSync('mkfifo', [fifo]);
    await expect(checkRunHistory(fifo)).rejects.toThrow(
      /^The run history .*fifo\.csv is not a regular file; name a CSV file \(or a new one\) for the run history$/,
    );
    await expect(appendRunHistory(fifo, metricsFor('a', 1), manifestFor('r'))).rejects.toThrow(/is not a regular file/);
    const target = path.join(dir, 'elsewhere.csv');
    await writeFile(target, '');
    const link = path.join(dir, 'link.csv');
    await symlink(target, link);
    await expect(checkRunHistory(link)).rejects.toThrow(/^The run history .*link\.csv is a symbolic link; name the file itself$/);
    await expect(appendRunHistory(link, metricsFor('a', 1), manifestFor('r'))).rejects.toThrow(/is a symbolic link/);
    expect(await readFile(target, 'utf8')).toBe('');
  });

  test('names the file when it cannot be written', async () => {
    await expect(appendRunHistory(dir, metricsFor('a', 1), manifestFor('r'))).rejects.toThrow(
      new RegExp(`Cannot append to the run history ${dir.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: `),
    );
  });
});
