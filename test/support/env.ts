/**
 * Environment variables set for a test and put back afterwards: each name gets exactly the value it had
 * before the first change (a name that was unset is deleted again), whatever the test or the code under
 * test did to it in between.
 *
 * - `withEnv(vars, fn)` for one block: sets `vars` (`undefined` unsets), runs `fn` and restores in a
 *   `finally` (after the promise settles when `fn` is async).
 * - `envScope()` for hooks: `const env = envScope()`, `env.set(name, value)` in `beforeAll` or a test,
 *   `env.restore()` in `afterAll`/`afterEach`. A scope can be used again after `restore()`.
 */

/** Names to values; `undefined` unsets the name. */
export type EnvVars = Record<string, string | undefined>;

export interface EnvScope {
  /** Sets (or with `undefined` unsets) `name`, remembering its value before the first change. */
  set(name: string, value: string | undefined): void;
  /** `set` for each entry. */
  setAll(vars: EnvVars): void;
  /** Puts every name changed since the last restore back as it was, and forgets them. */
  restore(): void;
}

function assign(name: string, value: string | undefined): void {
  // `process.env[name] = undefined` would store the string "undefined".
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

export function envScope(): EnvScope {
  const saved = new Map<string, string | undefined>();
  const scope: EnvScope = {
    set(name, value) {
      if (!saved.has(name)) saved.set(name, process.env[name]);
      assign(name, value);
    },
    setAll(vars) {
      for (const [name, value] of Object.entries(vars)) scope.set(name, value);
    },
    restore() {
      for (const [name, value] of saved) assign(name, value);
      saved.clear();
    },
  };
  return scope;
}

function isThenable<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** Runs `fn` with `vars` set, then restores them (also when `fn` throws or its promise rejects). */
export function withEnv<T>(vars: EnvVars, fn: () => Promise<T>): Promise<T>;
export function withEnv<T>(vars: EnvVars, fn: () => T): T;
export function withEnv<T>(vars: EnvVars, fn: () => T | Promise<T>): T | Promise<T> {
  const env = envScope();
  let result: T | Promise<T>;
  try {
    env.setAll(vars);
    result = fn();
  } catch (error) {
    env.restore();
    throw error;
  }
  // A thenable rather than `instanceof Promise`: under jest's VM modules Node's own promises come from
  // another realm.
  if (isThenable(result)) return Promise.resolve(result).finally(() => env.restore());
  env.restore();
  return result;
}
