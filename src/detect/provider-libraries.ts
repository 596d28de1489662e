/**
 * The shared libraries an onnxruntime execution provider loads, and what they are missing. The CUDA
 * and TensorRT providers are separate libraries beside onnxruntime-node's binding
 * (`libonnxruntime_providers_<name>.so`, with `libonnxruntime_providers_shared.so`), loaded only when
 * a session asks for them; onnxruntime's own error then says only "Failed to load shared library".
 * `ldd` names what is missing (`libcudart.so.13 => not found`), which is what a user can act on.
 */
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The providers that live in libraries of their own. */
const PROVIDER_LIBRARIES: Readonly<Record<string, string>> = { cuda: 'libonnxruntime_providers_cuda.so', tensorrt: 'libonnxruntime_providers_tensorrt.so' };
const SHARED_LIBRARY = 'libonnxruntime_providers_shared.so';

/** Where onnxruntime-node's binding and its provider libraries are, for this platform. */
export function bindingDir(): string {
  const root = path.dirname(createRequire(import.meta.url).resolve('onnxruntime-node/package.json'));
  return path.join(root, 'bin', 'napi-v6', process.platform, process.arch);
}

/** The libraries `ldd` reports as not found for `file` (`libcudart.so.13`); empty when none, or when ldd cannot tell. */
export async function missingLibraries(file: string): Promise<string[]> {
  let stdout: string;
  try {
    ({ stdout } = await run('ldd', [file], { timeout: 10_000 }));
  } catch (error) {
    // ldd exits non-zero for a file it cannot read as a library; its output still lists what it found.
    stdout = String((error as { stdout?: unknown }).stdout ?? '');
  }
  return stdout
    .split('\n')
    .map((line) => /^\s*(\S+)\s+=>\s+not found/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
}

/**
 * Why provider `name` cannot load, from its library files in `dir`, in one clause; null when its
 * libraries are there and `ldd` finds everything they need (the reason is then onnxruntime's own).
 */
export async function providerLibraryProblem(name: string, dir = bindingDir()): Promise<string | null> {
  const library = PROVIDER_LIBRARIES[name];
  if (library === undefined) return null;
  for (const file of [SHARED_LIBRARY, library]) {
    const present = await access(path.join(dir, file)).then(
      () => true,
      () => false,
    );
    if (!present) return `${file} is not installed in ${dir} (onnxruntime-node was installed without the ${name.toUpperCase()} provider)`;
  }
  const missing = await missingLibraries(path.join(dir, library));
  if (missing.length === 0) return null;
  return `${library} needs ${missing.join(', ')}, not found (ldd); install the matching runtime or set LD_LIBRARY_PATH`;
}
