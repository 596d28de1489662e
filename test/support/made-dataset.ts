/**
 * A finished dataset folder made in a test from a short description: manifest.json, the COCO file,
 * metrics.csv and metrics.json as dataset-gen writes them (the COCO file and the frame rows through
 * the writers the run uses), and grey images when asked for. Enough for everything that reads a dataset back (merge's
 * reader, `dataset-gen diff`).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

import { DATASET_FILES, imageFileName } from '../../src/domain/dataset-files.js';
import type { DropReason } from '../../src/domain/drop-reason.js';
import type { FrameRecord, KeptImage } from '../../src/domain/frame-record.js';
import type { QualityGateVerdict } from '../../src/domain/quality-gates.js';
import { STAGES } from '../../src/domain/stages.js';
import { buildCoco, serializeCoco } from '../../src/export/coco.js';
import { frameRowsCsv } from '../../src/observe/csv.js';

export interface MadeBox {
  className: string;
  score: number;
  /** x, y, width, height in pixels. */
  box: [number, number, number, number];
}

export interface MadeFrame {
  video: string;
  frameIndex: number;
  /** Absent: kept, with `boxes`. */
  reason?: DropReason;
  boxes?: MadeBox[];
}

export interface MadeDataset {
  site?: string;
  videos: { stem: string; sha256: string }[];
  frames: MadeFrame[];
  /** Merged over the default config. */
  config?: Record<string, unknown>;
  modelSha256?: string;
  classNames?: string[];
  gates?: QualityGateVerdict[];
  toolVersion?: string;
  runId?: string;
  /** Write each kept frame's image too: a mid-grey JPEG of the frame's size. */
  images?: boolean;
}

export const MADE_CLASSES = ['person', 'car', 'truck', 'dog'];
export const MADE_MODEL_SHA256 = 'a'.repeat(64);
const WIDTH = 640;
const HEIGHT = 480;

function keptImage(frame: MadeFrame, classNames: readonly string[]): KeptImage {
  return {
    file: imageFileName(frame.video, frame.frameIndex),
    video: frame.video,
    frameIndex: frame.frameIndex,
    timestampMs: frame.frameIndex * 100,
    decode: 'sequential',
    width: WIDTH,
    height: HEIGHT,
    detections: (frame.boxes ?? []).map(({ className, score, box: [x, y, width, height] }) => ({
      classIndex: classNames.indexOf(className),
      className,
      score,
      box: { x, y, width, height },
    })),
  };
}

function frameRow(frame: MadeFrame): FrameRecord {
  const base = {
    video: frame.video,
    frameIndex: frame.frameIndex,
    timestampMs: frame.frameIndex * 100,
    lumaMean: 100,
    blurScore: 50,
    phashDistance: null,
    localChange: null,
  };
  if (frame.reason !== undefined) return { ...base, outcome: 'dropped', reason: frame.reason };
  return { ...base, outcome: 'kept', detections: frame.boxes?.length ?? 0, inferenceMs: 10, imageFile: imageFileName(frame.video, frame.frameIndex) };
}

function manifest(made: MadeDataset, classNames: string[], images: number): unknown {
  return {
    schemaVersion: 1,
    tool: { name: 'dataset-gen', version: made.toolVersion ?? '0.1.0', gitCommit: null },
    runtime: {
      node: 'v20.0.0',
      platform: 'linux-x64',
      ffmpeg: { path: '/usr/bin/ffmpeg', version: 'ffmpeg version 5.1', source: 'path' },
      ffprobe: { path: '/usr/bin/ffprobe', version: 'ffprobe version 5.1' },
      onnxruntime: '1.30.0',
      sharp: '0.35.5',
      libvips: '8.18.7',
      executionProviders: ['cpu'],
      decoder: 'cpu',
    },
    run: { id: made.runId ?? 'made000001', startedAt: '2026-12-07T00:00:00.000Z', finishedAt: '2026-12-07T00:00:05.000Z', wallSeconds: 5 },
    config: {
      site: made.site ?? 'made-site',
      overwrite: false,
      dedupThreshold: 2,
      quality: { blurRatio: 0.4 },
      classes: null,
      modelPath: '/models/made.onnx',
      model: { name: 'made-model', confidence: 0.25, executionProviders: ['cpu'] },
      ...made.config,
    },
    model: { path: '/models/made.onnx', sha256: made.modelSha256 ?? MADE_MODEL_SHA256, origin: 'option', url: null, pinned: false, classNames },
    videos: made.videos.map(({ stem, sha256 }) => ({
      path: `/videos/${stem}.mp4`,
      stem,
      sha256,
      decode: 'all',
      decodeReason: 'made',
      sizeBytes: 1000,
      container: 'mov,mp4,m4a,3gp,3g2,mj2',
      codec: 'h264',
      durationSeconds: 60,
      fps: 10,
      width: WIDTH,
      height: HEIGHT,
      rotation: 0,
      frameCount: 600,
      frameCountExact: true,
      reordersFrames: false,
      framesDecoded: 600,
      decodeErrors: 0,
      truncatedAtSeconds: null,
    })),
    counts: { images },
  };
}

/** Writes the dataset into `dir` (created) and returns `dir`. */
export async function writeMadeDataset(dir: string, made: MadeDataset): Promise<string> {
  const classNames = made.classNames ?? MADE_CLASSES;
  const kept = made.frames.filter((f) => f.reason === undefined).map((f) => keptImage(f, classNames));
  await mkdir(path.join(dir, 'annotations'), { recursive: true });
  const coco = buildCoco(kept, { site: made.site ?? 'made-site', toolVersion: '0.1.0', categories: classNames, videoOrder: made.videos.map((v) => v.stem) });
  const metrics = {
    timings: { wallMs: 5000, stages: Object.fromEntries(STAGES.map((stage) => [stage, { ms: 100 }])) },
    compute: { videoSeconds: 60 },
    ...(made.gates === undefined ? {} : { qualityGates: made.gates }),
  };
  await Promise.all([
    writeFile(path.join(dir, DATASET_FILES.coco), serializeCoco(coco)),
    writeFile(path.join(dir, DATASET_FILES.metricsCsv), frameRowsCsv(made.frames.map(frameRow))),
    writeFile(path.join(dir, DATASET_FILES.metrics), `${JSON.stringify(metrics, null, 2)}\n`),
    writeFile(path.join(dir, DATASET_FILES.manifest), `${JSON.stringify(manifest(made, classNames, kept.length), null, 2)}\n`),
  ]);
  if (made.images === true) {
    await mkdir(path.join(dir, DATASET_FILES.images), { recursive: true });
    const grey = await sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: { r: 128, g: 128, b: 128 } } })
      .jpeg()
      .toBuffer();
    await Promise.all(kept.map((image) => writeFile(path.join(dir, DATASET_FILES.images, image.file), grey)));
  }
  return dir;
}
