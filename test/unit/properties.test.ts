/**
 * Property tests (fast-check) for the pure parts whose invariants the rest of the pipeline relies on:
 * NMS, the letterbox mapping, the COCO writer, option parsing and model-config parsing. The seed is fixed so a failure
 * reproduces; fast-check prints the shrunk counterexample and the seed/path to replay it.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';

import type { Candidate } from '../../src/detect/decode-output.js';
import { boxToSource, letterboxGeometry } from '../../src/detect/letterbox.js';
import { iou, nms } from '../../src/detect/nms.js';
import type { Box, Detection } from '../../src/domain/detection.js';
import type { KeptImage } from '../../src/domain/frame-record.js';
import { ConfigError, UsageError } from '../../src/errors.js';
import { buildCoco, serializeCoco } from '../../src/export/coco.js';
import { parseModelConfig, PRESETS } from '../../src/model/config.js';
import { parseDecimal, parseInteger } from '../../src/options/parse.js';
import { resolveOptions, type RawOptions, type ScalarOptionKey } from '../../src/options/resolve-options.js';

const RUNS = 300;
const params = { seed: 42, numRuns: RUNS };

// ---------------------------------------------------------------------------------------------- NMS

/** Small coordinates and few classes and scores, so overlaps, same-class pairs and ties are common. */
const candidateArb: fc.Arbitrary<Candidate> = fc.record({
  classIndex: fc.integer({ min: 0, max: 3 }),
  score: fc.oneof(fc.constantFrom(0.25, 0.5, 0.75, 1), fc.double({ min: 0, max: 1, noNaN: true })),
  x: fc.integer({ min: 0, max: 200 }),
  y: fc.integer({ min: 0, max: 200 }),
  width: fc.integer({ min: 0, max: 120 }),
  height: fc.integer({ min: 0, max: 120 }),
});

/** Tiny coordinates: many candidates equal in all but one key, to exercise every tie-break. */
const tiedCandidateArb: fc.Arbitrary<Candidate> = fc.record({
  classIndex: fc.integer({ min: 0, max: 1 }),
  score: fc.constantFrom(0.5, 1),
  x: fc.integer({ min: 0, max: 2 }),
  y: fc.integer({ min: 0, max: 2 }),
  width: fc.integer({ min: 0, max: 3 }),
  height: fc.integer({ min: 0, max: 3 }),
});

const nmsOptionsArb = fc.record({
  iouThreshold: fc.double({ min: 0, max: 1, noNaN: true }),
  maxDetections: fc.integer({ min: 1, max: 40 }),
});

/** The documented order, written out here: score descending, then class, x, y, width, height ascending. */
function inDocumentedOrder(a: Candidate, b: Candidate): boolean {
  const keys: [number, number][] = [
    [b.score, a.score],
    [a.classIndex, b.classIndex],
    [a.x, b.x],
    [a.y, b.y],
    [a.width, b.width],
    [a.height, b.height],
  ];
  for (const [first, second] of keys) {
    if (first !== second) return first < second;
  }
  return true;
}

describe('nms properties', () => {
  test(`output is a subset of the input, capped, same-class pairs at most the IoU threshold, sorted (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.array(candidateArb, { maxLength: 60 }), nmsOptionsArb, (candidates, options) => {
        const kept = nms(candidates, options);
        // Subset: every kept box is one of the input objects, none kept twice.
        expect(kept.every((k) => candidates.includes(k))).toBe(true);
        expect(new Set(kept).size).toBe(kept.length);
        expect(kept.length).toBeLessThanOrEqual(options.maxDetections);
        for (let i = 0; i < kept.length; i++) {
          for (let j = i + 1; j < kept.length; j++) {
            if (kept[i]!.classIndex === kept[j]!.classIndex) {
              expect(iou(kept[i]!, kept[j]!)).toBeLessThanOrEqual(options.iouThreshold);
            }
          }
        }
        for (let i = 1; i < kept.length; i++) expect(inDocumentedOrder(kept[i - 1]!, kept[i]!)).toBe(true);
      }),
      params,
    );
  });

  test(`greedy: below the cap, every dropped box overlaps a kept box of its class above the threshold (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.array(candidateArb, { maxLength: 60 }), nmsOptionsArb, (candidates, options) => {
        const kept = nms(candidates, options);
        if (kept.length >= options.maxDetections) return;
        for (const candidate of candidates) {
          if (kept.includes(candidate)) continue;
          const suppressor = kept.find((k) => k.classIndex === candidate.classIndex && iou(candidate, k) > options.iouThreshold);
          expect(suppressor).toBeDefined();
        }
      }),
      params,
    );
  });

  test(`the result does not depend on the order candidates arrive in (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.oneof(candidateArb, tiedCandidateArb), { maxLength: 40 })
          .chain((candidates) => fc.tuple(fc.constant(candidates), fc.shuffledSubarray(candidates, { minLength: candidates.length }))),
        nmsOptionsArb,
        ([candidates, shuffled], options) => {
          expect(nms(shuffled, options)).toEqual(nms(candidates, options));
        },
      ),
      params,
    );
  });
});

// ---------------------------------------------------------------------------------------- letterbox

/** Source pixels → letterbox pixels, written from the geometry (the inverse of `boxToSource`). */
function toLetterbox(box: Box, geometry: ReturnType<typeof letterboxGeometry>, width: number, height: number): Box {
  const sx = geometry.resizedWidth / width;
  const sy = geometry.resizedHeight / height;
  return {
    x: box.x * sx + geometry.padLeft,
    y: box.y * sy + geometry.padTop,
    width: box.width * sx,
    height: box.height * sy,
  };
}

/** An image size, a model input size and a box inside the image, in source pixels. */
const letterboxCaseArb = fc
  .record({
    width: fc.integer({ min: 1, max: 4000 }),
    height: fc.integer({ min: 1, max: 4000 }),
    inputSize: fc.integer({ min: 32, max: 1280 }),
    fx: fc.double({ min: 0, max: 1, noNaN: true }),
    fy: fc.double({ min: 0, max: 1, noNaN: true }),
    fw: fc.double({ min: 0, max: 1, noNaN: true }),
    fh: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ width, height, inputSize, fx, fy, fw, fh }) => {
    const x = fx * width;
    const y = fy * height;
    const box: Box = { x, y, width: fw * (width - x), height: fh * (height - y) };
    return { width, height, inputSize, box };
  });

describe('letterbox properties', () => {
  test(`a source box mapped into the letterbox and back with boxToSource is within 1 px (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(letterboxCaseArb, ({ width, height, inputSize, box }) => {
        const geometry = letterboxGeometry(width, height, inputSize);
        expect(geometry.padLeft + geometry.resizedWidth).toBeLessThanOrEqual(inputSize);
        expect(geometry.padTop + geometry.resizedHeight).toBeLessThanOrEqual(inputSize);
        const back = boxToSource(toLetterbox(box, geometry, width, height), geometry, width, height);
        expect(Math.abs(back.x - box.x)).toBeLessThanOrEqual(1);
        expect(Math.abs(back.y - box.y)).toBeLessThanOrEqual(1);
        expect(Math.abs(back.x + back.width - (box.x + box.width))).toBeLessThanOrEqual(1);
        expect(Math.abs(back.y + back.height - (box.y + box.height))).toBeLessThanOrEqual(1);
      }),
      params,
    );
  });
});

// --------------------------------------------------------------------------------------------- COCO

const VIDEOS = ['a', 'b', 'c', 'd'];
const KNOWN_CLASSES = ['person', 'car', 'truck', 'dog', 'bus'];

const boxArb: fc.Arbitrary<Box> = fc.record({
  x: fc.double({ min: 0, max: 4000, noNaN: true }),
  y: fc.double({ min: 0, max: 4000, noNaN: true }),
  width: fc.double({ min: 0, max: 4000, noNaN: true }),
  height: fc.double({ min: 0, max: 4000, noNaN: true }),
});

const detectionArb: fc.Arbitrary<Detection> = fc.record({
  classIndex: fc.integer({ min: 0, max: 79 }),
  // Mostly known classes, some the categories do not hold (they are skipped, never dangling).
  className: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KNOWN_CLASSES) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }),
  score: fc.double({ min: 0, max: 1, noNaN: true }),
  box: boxArb,
});

/** Kept images with distinct (video, frame index), as the pipeline gives them. */
const keptArb: fc.Arbitrary<KeptImage[]> = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...VIDEOS), fc.integer({ min: 0, max: 100_000 })), {
    maxLength: 25,
    selector: ([video, frame]) => `${video}/${frame}`,
  })
  .chain((keys) =>
    fc.tuple(
      ...keys.map(([video, frameIndex]) =>
        fc.record({
          file: fc.constant(`${video}_${String(frameIndex).padStart(6, '0')}.jpg`),
          video: fc.constant(video),
          frameIndex: fc.constant(frameIndex),
          timestampMs: fc.integer({ min: 0, max: 10_000_000 }),
          decode: fc.constantFrom('sequential' as const, 'keyframe' as const, 'exact' as const),
          width: fc.integer({ min: 1, max: 4000 }),
          height: fc.integer({ min: 1, max: 4000 }),
          detections: fc.array(detectionArb, { maxLength: 8 }),
        }),
      ),
    ),
  );

const cocoContextArb = fc.record({
  site: fc.string({ maxLength: 12 }),
  toolVersion: fc.constantFrom('0.1.0', '1.2.3'),
  categories: fc.uniqueArray(fc.constantFrom(...KNOWN_CLASSES), { minLength: 1 }),
  videoOrder: fc.shuffledSubarray(VIDEOS, { minLength: VIDEOS.length }),
});

describe('COCO writer properties', () => {
  test(`ids unique from 1, references valid, area = width × height, same bytes twice (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(keptArb, cocoContextArb, (kept, context) => {
        const coco = buildCoco(kept, context);
        const imageIds = coco.images.map((i) => i.id);
        const annotationIds = coco.annotations.map((a) => a.id);
        const categoryIds = new Set(coco.categories.map((c) => c.id));
        expect(imageIds).toEqual(kept.map((_, i) => i + 1));
        expect(annotationIds).toEqual(coco.annotations.map((_, i) => i + 1));
        expect(new Set(coco.categories.map((c) => c.id)).size).toBe(context.categories.length);
        const images = new Set(imageIds);
        for (const annotation of coco.annotations) {
          expect(images.has(annotation.image_id)).toBe(true);
          expect(categoryIds.has(annotation.category_id)).toBe(true);
          const [, , w, h] = annotation.bbox;
          // The area is the rounded box's width × height, itself rounded to 0.01.
          expect(Math.abs(annotation.area - w * h)).toBeLessThanOrEqual(0.005 + 1e-9 * w * h);
        }
        const known = new Set(context.categories);
        const expectedAnnotations = kept.reduce((n, image) => n + image.detections.filter((d) => known.has(d.className)).length, 0);
        expect(coco.annotations.length).toBe(expectedAnnotations);
        expect(serializeCoco(buildCoco(kept, context))).toBe(serializeCoco(coco));
      }),
      params,
    );
  });

  test(`the bytes do not depend on the order kept images arrive in (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        keptArb.chain((kept) => fc.tuple(fc.constant(kept), fc.shuffledSubarray(kept, { minLength: kept.length }))),
        cocoContextArb,
        ([kept, shuffled], context) => {
          expect(serializeCoco(buildCoco(shuffled, context))).toBe(serializeCoco(buildCoco(kept, context)));
        },
      ),
      params,
    );
  });
});

// ------------------------------------------------------------------------------------------ options

/**
 * Every scalar option: values it accepts, then values near the edge it refuses. A Record, so an
 * option added to ScalarOptionKey but not listed here fails the typecheck.
 */
const VALUES: Record<ScalarOptionKey, [valid: string[], near: string[]]> = {
  out: [
    ['ds', 'out/dir'],
    [' ', ''],
  ],
  site: [
    ['North Yard_2', 'a'],
    ['-bad', 'a/b'],
  ],
  'sample-fps': [
    ['1', '0.5', '240'],
    ['0', '1e3', '240.01'],
  ],
  'every-n-frames': [
    ['30', '1'],
    ['0', '-5', '1.5'],
  ],
  decode: [
    ['auto', 'all', 'keyframes', ' keyframes '],
    ['Keyframes', 'key', 'none'],
  ],
  start: [
    ['10', '1:30', '01:02:03.5'],
    ['99:99', '-1'],
  ],
  end: [
    ['2000', '99:00:00'],
    ['0', 'end'],
  ],
  model: [
    ['m.onnx', 'https://example.com/m.onnx'],
    ['http://example.com/m.onnx', 'https://', 'ftp://x'],
  ],
  'model-sha256': [['a'.repeat(64)], ['A'.repeat(64), 'abc']],
  'model-config': [['yolov8n-coco', 'cfg/model.json'], []],
  'dedup-threshold': [
    ['-1', '0', '64'],
    ['65', '-2'],
  ],
  'dedup-local-threshold': [
    ['0', '20', '12.5', '255'],
    ['256', '-1', 'x'],
  ],
  confidence: [
    ['0.4', '1', '.5'],
    ['0', '1.01'],
  ],
  iou: [
    ['0.45', '1.0'],
    ['0', '-0.1'],
  ],
  'max-detections': [
    ['300', '10000'],
    ['0', '10001'],
  ],
  classes: [
    ['person,car', 'person'],
    ['person,,car', ','],
  ],
  'black-luma': [
    ['10', '0'],
    ['256', '255'],
  ],
  'overexposed-luma': [
    ['245', '255'],
    ['0', '300'],
  ],
  'blur-threshold': [['100', '0'], ['1000001']],
  'blur-ratio': [['0.5', '1'], ['2']],
  'blur-window': [['30', '1000'], ['0']],
  'jpeg-quality': [['90', '1'], ['101']],
  'inference-workers': [
    ['auto', '2', '16'],
    ['17', '0'],
  ],
  'ffmpeg-path': [['/usr/bin/ffmpeg', 'ffmpeg'], []],
  'pushgateway-url': [
    ['http://localhost:9091', 'https://pg/x?y=1'],
    ['ftp://x', 'not a url'],
  ],
  'history-csv': [['runs.csv'], []],
  'price-per-hour': [['0.5', '1000'], ['1001']],
  'execution-providers': [['cpu', 'cuda,cpu'], ['tpu']],
  'inference-shape': [
    ['auto', 'square', ' square '],
    ['Square', 'rect', '640x384'],
  ],
  export: [['yolo', 'cvat,label-studio', 'coco'], ['pdf']],
  'label-studio-images': [['/data/local-files/?d=images'], []],
  labels: [
    ['dataset', 'all', ' all '],
    ['All', 'model', 'none'],
  ],
  'select-confidence': [
    ['0', '0.5', '1'],
    ['-0.1', '1.01', 'high'],
  ],
  'val-fraction': [
    ['0', '0.1', '0.5'],
    ['-0.1', '0.51', '1'],
  ],
  select: [
    ['10', '1000000'],
    ['0', '1000001'],
  ],
  'stall-timeout': [
    ['60', '0.5', '86400'],
    ['0', '-1', '86401'],
  ],
  'download-timeout': [
    ['600', '1.5'],
    ['0', 'soon'],
  ],
};
const SCALAR_KEYS = Object.keys(VALUES) as ScalarOptionKey[];

/**
 * Mostly absent or valid, sometimes a refused edge value or any string at all: with ~30 options, a
 * run accepts only when each one is fine, so the invalid share is kept low enough to reach the end.
 */
function valueArb(key: ScalarOptionKey): fc.Arbitrary<string | undefined> {
  const [valid, near] = VALUES[key];
  return fc.oneof(
    { weight: 30, arbitrary: fc.constant(undefined) },
    { weight: 15, arbitrary: fc.constantFrom(...valid) },
    { weight: 1, arbitrary: near.length > 0 ? fc.constantFrom(...near) : fc.constant(undefined) },
    { weight: 3, arbitrary: fc.string({ maxLength: 20 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  );
}

/** `out` is needed for a run to go past the first checks, so it is mostly given. */
const outArb = fc.oneof({ weight: 9, arbitrary: fc.constantFrom('ds', 'out/dir') }, valueArb('out'));

const rawOptionsArb: fc.Arbitrary<RawOptions> = fc
  .record({
    video: fc.option(
      fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom('in/site-a.mp4', 'b.mp4', 'my video; $(x).mp4', '../..') }, fc.string({ maxLength: 20 })), {
        maxLength: 3,
      }),
      { nil: undefined, freq: 10 },
    ),
    overwrite: fc.option(fc.boolean(), { nil: undefined }),
    'select-only': fc.option(fc.boolean(), { nil: undefined }),
    scalars: fc.record(
      Object.fromEntries(SCALAR_KEYS.map((key) => [key, key === 'out' ? outArb : valueArb(key)])) as Record<ScalarOptionKey, fc.Arbitrary<string | undefined>>,
    ),
  })
  .map(({ scalars, ...rest }) => {
    const raw: RawOptions = { ...rest };
    for (const key of SCALAR_KEYS) if (scalars[key] !== undefined) raw[key] = scalars[key];
    return raw;
  });

const rangeArb = fc
  .tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.boolean())
  .map(([a, b, minExclusive]) => ({ min: Math.min(a, b), max: Math.max(a, b), minExclusive }));

const integerRangeArb = fc
  .tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 }))
  .map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }));

/** Strings made of the characters numbers are written with, so many of them parse. */
const numberishArb = fc.oneof(
  fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '.', '+', '-', 'e', ' ', 'x', 'I'), maxLength: 12 }),
  fc.double({ noNaN: false }).map(String),
  fc.integer().map(String),
  fc.string({ maxLength: 12 }),
);

/** Runs `fn`; a thrown error must be a UsageError (anything else fails the property). */
function usageErrorOr<T>(fn: () => T): T | UsageError {
  try {
    return fn();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
}

describe('option parsing properties', () => {
  test(`resolveOptions returns Options or throws a UsageError, for any strings in every option (${RUNS * 3} runs)`, () => {
    let accepted = 0;
    fc.assert(
      fc.property(rawOptionsArb, (raw) => {
        const result = usageErrorOr(() => resolveOptions(raw, undefined, '/work/proj'));
        if (!(result instanceof UsageError)) {
          accepted++;
          expect(Array.isArray(result.videos)).toBe(true);
        }
      }),
      { seed: 42, numRuns: RUNS * 3 },
    );
    // The generator reaches past the first checks: some runs are accepted (28 of 900 with seed 42), not only refused.
    expect(accepted).toBeGreaterThanOrEqual(10);
  });

  test(`parseDecimal returns null or a number in the range, or throws a UsageError (${RUNS * 3} runs)`, () => {
    fc.assert(
      fc.property(fc.option(numberishArb, { nil: undefined }), rangeArb, (value, range) => {
        const result = usageErrorOr(() => parseDecimal(value, '--x', range));
        if (result === null || result instanceof UsageError) return;
        expect(Number.isFinite(result)).toBe(true);
        if (range.minExclusive) expect(result).toBeGreaterThan(range.min);
        else expect(result).toBeGreaterThanOrEqual(range.min);
        expect(result).toBeLessThanOrEqual(range.max);
      }),
      { seed: 42, numRuns: RUNS * 3 },
    );
  });

  test(`parseInteger returns null or an integer in the range, or throws a UsageError (${RUNS * 3} runs)`, () => {
    fc.assert(
      fc.property(fc.option(numberishArb, { nil: undefined }), integerRangeArb, (value, range) => {
        const result = usageErrorOr(() => parseInteger(value, '--x', range));
        if (result === null || result instanceof UsageError) return;
        expect(Number.isInteger(result)).toBe(true);
        expect(result).toBeGreaterThanOrEqual(range.min);
        expect(result).toBeLessThanOrEqual(range.max);
      }),
      { seed: 42, numRuns: RUNS * 3 },
    );
  });
});

// ------------------------------------------------------------------------------ model-config parsing

/** What parseModelConfig gives back: its config, or the one-line ConfigError (anything else is a bug). */
function parseOutcome(value: unknown): 'config' | 'config-error' {
  try {
    parseModelConfig(value, 'property', '/');
    return 'config';
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).not.toMatch(/[\r\n]/);
    return 'config-error';
  }
}

const CONFIG_KEYS = ['name', 'source', 'inputSize', 'layout', 'classNames', 'confidence', 'iou', 'maxDetections', 'executionProviders', 'extra', '__proto__'];

describe('model-config parsing properties', () => {
  test(`any JSON value gives a config or a one-line ConfigError (${RUNS * 3} runs)`, () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        parseOutcome(value);
      }),
      { seed: 42, numRuns: RUNS * 3 },
    );
  });

  test(`a preset with any of its fields replaced by any JSON value: a config or a one-line ConfigError (${RUNS * 3} runs)`, () => {
    const base = PRESETS['yolov8n-coco']!;
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...CONFIG_KEYS), fc.jsonValue(), { maxKeys: 4 }), (changes) => {
        const outcome = parseOutcome({ ...base, ...changes });
        if (Object.keys(changes).length === 0) expect(outcome).toBe('config');
      }),
      { seed: 42, numRuns: RUNS * 3 },
    );
  });
});
