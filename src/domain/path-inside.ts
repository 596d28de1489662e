/**
 * Path containment, one definition for every check that a path stays inside a folder (the Action's
 * workspace, `--overwrite`'s guard, a dataset part's files): by path components, so `<dir>/..in` is
 * inside `<dir>` and `<dir>-other` is not.
 */
import path from 'node:path';

/** Whether `child` is `parent` or below it; both absolute and normalised (real paths where links matter). */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}
