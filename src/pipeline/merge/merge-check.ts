/**
 * Whether datasets can be joined: made by the same tool version with the same model (weights and
 * classes) and the same configuration apart from the time range. The refusal names the first field
 * that differs and both values.
 */
import { ConfigError } from '../../errors.js';
import type { DatasetPart } from './dataset-part.js';
import type { PartManifest } from './part-schemas.js';

/** The first path (`a.b[2]`) where two JSON values differ, with both values; null when equal. */
export function firstDifference(a: unknown, b: unknown, at = ''): { path: string; a: unknown; b: unknown } | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return { path: at, a, b };
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const found = firstDifference(a[i], b[i], `${at}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const key of keys) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], at === '' ? key : `${at}.${key}`);
    if (found) return found;
  }
  return null;
}

/** What must be equal across the parts; the time range (and `overwrite`, `pricePerHour`, `labelStudioImages`) legitimately differ. */
export function comparable(manifest: PartManifest): Record<string, unknown> {
  // labelStudioImages: merge writes its own (`merge --label-studio-images`), never a part's.
  const {
    timeRange: _range,
    overwrite: _overwrite,
    pricePerHour: _price,
    executionProviders: _providers,
    labelStudioImages: _images,
    ...config
  } = manifest.config;
  return {
    'tool.version': manifest.tool.version,
    'model.sha256': manifest.model.sha256,
    'model.classNames': manifest.model.classNames,
    // The providers that ran may differ (a CPU job and a GPU job); the model's own settings may not.
    config: { ...config, model: { ...config.model, executionProviders: null } },
  };
}

const show = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));

export function checkMergeable(parts: readonly DatasetPart[]): void {
  const [first, ...rest] = parts;
  if (!first) return;
  const reference = comparable(first.manifest);
  for (const part of rest) {
    const found = firstDifference(reference, comparable(part.manifest));
    if (found) {
      throw new ConfigError(
        `Cannot merge ${part.given} with ${first.given}: they were made with different ${found.path} (${show(found.b)} in ${part.given}, ${show(found.a)} in ${first.given}); merge only datasets of one model and config`,
      );
    }
  }
}
