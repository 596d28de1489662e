/**
 * What two datasets were made with, side by side: the tool version, the model (name, weights, classes),
 * the runtime that decodes and infers, and every option, each difference once with both values. Paths
 * and machine settings that never change a dataset's content (where the model file lay, timeouts,
 * worker counts, the price) are left out; the videos are compared by content elsewhere.
 */
import type { PartManifest } from '../merge/part-schemas.js';
import type { ValueChange } from './diff-model.js';

/** Options that name a place on one machine or tune how a run goes, never what it writes. */
const MACHINE_OPTIONS = [
  'overwrite',
  'modelPath',
  'ffmpegPath',
  'exclude',
  'pricePerHour',
  'executionProviders',
  'inferenceWorkers',
  'stallTimeoutSeconds',
  'downloadTimeoutSeconds',
] as const;

/** The manifest's values a dataset's content depends on, keyed by where they sit in manifest.json. */
function settingsOf(manifest: PartManifest): Record<string, unknown> {
  const config: Record<string, unknown> = { ...manifest.config };
  for (const key of MACHINE_OPTIONS) delete config[key];
  // The providers a model config lists; the ones that ran are runtime.executionProviders.
  if (typeof config.model === 'object' && config.model !== null) {
    const { executionProviders: _providers, ...model } = config.model as Record<string, unknown>;
    config.model = model;
  }
  const { runtime } = manifest;
  return {
    tool: { version: manifest.tool.version },
    model: { sha256: manifest.model.sha256, classNames: manifest.model.classNames },
    runtime: {
      ffmpeg: runtime.ffmpeg.version,
      onnxruntime: runtime.onnxruntime,
      sharp: runtime.sharp,
      libvips: runtime.libvips,
      executionProviders: runtime.executionProviders,
      decoder: runtime.decoder,
    },
    labelled: (manifest.labelled ?? []).map((source) => ({ kind: source.kind, sha256: source.sha256 })),
    config,
  };
}

const isPlain = (value: unknown): boolean => value === null || typeof value !== 'object';

/**
 * Every path (`config.quality.blurRatio`) where two JSON values differ. An array of plain values
 * (class names, exports) differs as a whole; an array of objects element by element; a missing value
 * is null.
 */
export function jsonDifferences(before: unknown, after: unknown, at = ''): ValueChange[] {
  if (Object.is(before, after) || (before === undefined && after === null) || (before === null && after === undefined)) return [];
  const bothObjects = typeof before === 'object' && typeof after === 'object' && before !== null && after !== null;
  if (!bothObjects || Array.isArray(before) !== Array.isArray(after)) return [{ path: at, before: before ?? null, after: after ?? null }];
  if (Array.isArray(before) && Array.isArray(after)) {
    if ([...before, ...after].every(isPlain)) {
      const same = before.length === after.length && before.every((value, i) => Object.is(value, after[i]));
      return same ? [] : [{ path: at, before, after }];
    }
    return Array.from({ length: Math.max(before.length, after.length) }, (_, i) => jsonDifferences(before[i], after[i], `${at}[${i}]`)).flat();
  }
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.flatMap((key) => jsonDifferences(a[key], b[key], at === '' ? key : `${at}.${key}`));
}

/** The settings that differ between the baseline's manifest and head's. */
export function settingChanges(base: PartManifest, head: PartManifest): ValueChange[] {
  return jsonDifferences(settingsOf(base), settingsOf(head));
}
