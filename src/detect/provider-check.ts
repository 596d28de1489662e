/**
 * Whether each execution provider loads here: a session is opened on it alone (in a worker, as a run
 * opens its sessions, so onnxruntime prints nothing of its own) and released. When it cannot, the
 * reason is the provider library's (provider-libraries.ts: a library not installed, or one it needs
 * not found) or, failing that, onnxruntime's first line.
 */
import * as ort from 'onnxruntime-node';

import { firstLineOf } from '../errors.js';
import type { ExecutionProvider } from '../model/config.js';
import { providerLibraryProblem } from './provider-libraries.js';
import { startRuntimePool } from './worker-pool.js';

export interface ProviderCheck {
  provider: ExecutionProvider;
  loads: boolean;
  /** Why it does not load, one line; null when it loads. */
  reason: string | null;
}

/** The backends this onnxruntime-node offers (`bundled`: in its own package, not a separate library). */
export function offeredProviders(): { name: string; bundled: boolean }[] {
  return ort.listSupportedBackends().map(({ name, bundled }) => ({ name, bundled }));
}

/** The onnxruntime-node version. */
export function onnxruntimeVersion(): string {
  return ort.env.versions.node ?? ort.env.versions.common;
}

/** Opens `modelPath` on `provider` alone and says whether it loaded, and why not. */
export async function checkProvider(modelPath: string, provider: ExecutionProvider, libraryDir?: string): Promise<ProviderCheck> {
  try {
    const pool = await startRuntimePool(modelPath, [provider], 1);
    await pool.release();
    return { provider, loads: true, reason: null };
  } catch (error) {
    const fromLibraries = await providerLibraryProblem(provider, libraryDir);
    return { provider, loads: false, reason: fromLibraries ?? `onnxruntime cannot load it: ${firstLineOf(error)}` };
  }
}
