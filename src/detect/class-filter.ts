/** Turns a list of class names to keep into the set of class indices the decoder filters on. */
import { ConfigError, didYouMean } from '../errors.js';

const LISTED = 8;

function describeClasses(classNames: readonly string[]): string {
  const listed = classNames
    .slice(0, LISTED)
    .map((name) => `"${name}"`)
    .join(', ');
  return classNames.length > LISTED ? `${listed}, … (${classNames.length} in all)` : listed;
}

/**
 * Indices of `keep` in `classNames`; undefined (no filtering) when `keep` is absent or empty.
 * Throws ConfigError naming the first unknown class and listing some valid ones.
 */
export function resolveClassFilter(keep: readonly string[] | undefined, classNames: readonly string[]): ReadonlySet<number> | undefined {
  if (!keep || keep.length === 0) return undefined;
  const indices = new Set<number>();
  for (const name of keep) {
    const index = classNames.indexOf(name);
    if (index >= 0) {
      indices.add(index);
      continue;
    }
    throw new ConfigError(`Unknown class "${name}" in the class filter${didYouMean(name, classNames)}; the model's classes are ${describeClasses(classNames)}`);
  }
  return indices;
}
