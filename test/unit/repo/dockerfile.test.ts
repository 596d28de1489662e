/**
 * The Dockerfile's two targets (the GPU one cannot be built on these machines: its base and
 * onnxruntime's CUDA libraries are downloads) and the release that publishes both images.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from '@jest/globals';

import { INPUT_FORMATS } from '../../../src/media/untrusted-input.js';
import { CONFIGURE, configureList } from '../../support/ffmpeg-configure.js';

const run = promisify(execFile);

const dockerfile = readFileSync('Dockerfile', 'utf8');
const release = readFileSync('.github/workflows/release.yml', 'utf8');
const stages = dockerfile
  .split(/^FROM /m)
  .slice(1)
  .map((text) => ({ from: text.split('\n', 1)[0]!, text }));

describe('Dockerfile', () => {
  test('the CPU image is the last stage (the default target) and skips the CUDA download', () => {
    expect(stages.map((s) => s.from.split(' AS ')[1])).toEqual(['node-pinned', 'node', 'gpu', 'ffmpeg-build', 'cpu']);
    expect(stages.at(-1)!.from).toBe('node AS cpu');
    expect(stages.at(-1)!.text).toContain('ARG ONNXRUNTIME_NODE_INSTALL=skip');
  });

  test('every base image from a registry is pinned by digest', () => {
    const names = new Set(stages.map((s) => s.from.split(' AS ')[1]));
    const external = stages.map((s) => s.from.split(' AS ')[0]!).filter((image) => !names.has(image) && !image.startsWith('$'));
    expect(external).toEqual([
      expect.stringMatching(/^docker\.io\/library\/node:20-bookworm-slim@sha256:[0-9a-f]{64}$/),
      expect.stringMatching(/^docker\.io\/nvidia\/cuda:13\.\d+\.\d+-cudnn-runtime-ubuntu\d+\.\d+@sha256:[0-9a-f]{64}$/),
    ]);
    // COPY --from names a stage, never an image by tag.
    for (const match of dockerfile.matchAll(/COPY --from=(\S+)/g)) expect(names).toContain(match[1]);
  });

  test('the Node base is chosen by NODE_IMAGE: the pinned stage by default, a local image by tag where the registry is out of reach', () => {
    expect(dockerfile.split(/^FROM /m)[0]).toMatch(/^ARG NODE_IMAGE=node-pinned$/m);
    expect(stages[1]!.from).toBe('${NODE_IMAGE} AS node');
    // .ci/run builds with the stand-in that `container base` makes under the tag it uses by default.
    const ciRun = readFileSync('.ci/run', 'utf8');
    expect(ciRun).toContain('--build-arg NODE_IMAGE=docker.io/library/node:20-bookworm-slim');
  });

  test('the GPU image: CUDA 13 runtime with cuDNN 9 (what onnxruntime-node installs), Node 20, ffmpeg, the NVIDIA variables', () => {
    const gpu = stages[2]!;
    expect(gpu.from).toMatch(/^docker\.io\/nvidia\/cuda:13\.\d+\.\d+-cudnn-runtime-ubuntu\d+\.\d+@sha256:[0-9a-f]{64} AS gpu$/);
    expect(gpu.text).toContain('COPY --from=node /usr/local/bin/node');
    expect(gpu.text).toContain('ONNXRUNTIME_NODE_INSTALL=cuda12 npm ci');
    expect(gpu.text).toMatch(/apt-get install .*ffmpeg/);
    expect(gpu.text).toMatch(/NVIDIA_VISIBLE_DEVICES=all/);
    expect(gpu.text).toMatch(/NVIDIA_DRIVER_CAPABILITIES=compute,utility,video/);
  });

  test('the GPU image fails its own build when the CUDA provider cannot load or ffmpeg has no NVDEC', () => {
    const gpu = stages[2]!.text;
    const install = gpu.indexOf('ONNXRUNTIME_NODE_INSTALL=cuda12 npm ci');
    const check = gpu.indexOf('ldd "$ort/libonnxruntime_providers_cuda.so"');
    expect(install).toBeGreaterThan(0);
    expect(check).toBeGreaterThan(install);
    expect(gpu).toMatch(/grep 'not found'.*\n.*exit 1; fi/);
    expect(gpu).toMatch(/test -f "\$ort\/\$lib" \|\| \{ .*exit 1; \}/);
    expect(gpu).toMatch(/if ! ffmpeg -hide_banner -hwaccels \| grep -qx cuda; then .*exit 1; fi/);
    expect(gpu).toMatch(/ldd "\$\(command -v ffmpeg\)" \| grep 'not found'/);
    // TensorRT is not in the image: its provider library (which would fail the check) is not shipped.
    expect(gpu).toContain('rm -f node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime_providers_tensorrt.so');
  });

  test('the GPU check script, run on a folder laid out as in the image, fails on a missing library and passes when all resolve', async () => {
    const script = /RUN (ort=\/opt\/dataset-gen[\s\S]*?exit 1; fi)\n/.exec(stages[2]!.text)![1]!.replace(/\\\n/g, ' ');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dataset-gen-gpu-check-'));
    try {
      const bin = path.join(dir, 'bin');
      await run('mkdir', ['-p', bin]);
      // ffmpeg and ldd stand-ins: what the real ones print in the image.
      await writeFile(path.join(bin, 'ffmpeg'), '#!/bin/sh\nprintf "Hardware acceleration methods:\\nvdpau\\n$HWACCEL\\n"\n', { mode: 0o755 });
      await writeFile(path.join(bin, 'ldd'), '#!/bin/sh\ncase "$1" in *ffmpeg) printf "$LDD_FFMPEG" ;; *) cat "$LDD_OUT" ;; esac\n', { mode: 0o755 });
      const ort = path.join(dir, 'ort');
      await run('mkdir', ['-p', ort]);
      for (const lib of ['libonnxruntime_providers_shared.so', 'libonnxruntime_providers_cuda.so']) await writeFile(path.join(ort, lib), '');
      const check = (lddOut: string, hwaccel = 'cuda', lddFfmpeg = '') =>
        writeFile(path.join(dir, 'ldd.txt'), lddOut).then(() =>
          run('sh', ['-c', script.replace('ort=/opt/dataset-gen/node_modules/onnxruntime-node/bin/napi-v6/linux/x64', `ort=${ort}`)], {
            env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, LDD_OUT: path.join(dir, 'ldd.txt'), HWACCEL: hwaccel, LDD_FFMPEG: lddFfmpeg },
          }).then(
            () => 'built',
            (error: { stderr: string }) => error.stderr.trim(),
          ),
        );
      expect(await check('\tlibcudart.so.13 => /usr/local/cuda/lib64/libcudart.so.13 (0x0)\n')).toBe('built');
      expect(await check('\tlibcudart.so.13 => not found\n\tlibcudnn.so.9 => /usr/lib/libcudnn.so.9\n')).toBe(
        'gpu image: the CUDA provider cannot load here, it needs:\n\tlibcudart.so.13 => not found',
      );
      expect(await check('', 'vaapi')).toBe('gpu image: ffmpeg lists no cuda hardware acceleration (NVDEC)');
      expect(await check('', 'cuda', '\\tlibavcodec.so.60 => not found\\n')).toBe(
        'gpu image: ffmpeg cannot load here, it needs:\n\tlibavcodec.so.60 => not found',
      );
      await rm(path.join(ort, 'libonnxruntime_providers_cuda.so'));
      expect(await check('')).toBe(`gpu image: ${ort}/libonnxruntime_providers_cuda.so is not installed`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("the CPU image's ffmpeg (docker/ffmpeg-configure)", () => {
  test('is built from Debian source in its own stage, everything off but what is listed; the CPU stage copies it in and checks it', () => {
    const build = stages.find((s) => s.from === 'node AS ffmpeg-build')!.text;
    expect(build).toContain('apt-get source --only-source ffmpeg');
    expect(build).toContain('../ffmpeg-configure --prefix=/opt/ffmpeg --enable-static --disable-shared');
    for (const option of ['--disable-everything', '--disable-autodetect', '--disable-network']) expect(CONFIGURE).toContain(option);
    expect(configureList('protocols')).toEqual(['file', 'pipe']);
    const cpu = stages.at(-1)!.text;
    expect(cpu).toContain('COPY --from=ffmpeg-build /opt/ffmpeg/bin/ffmpeg /opt/ffmpeg/bin/ffprobe /usr/local/bin/');
    expect(cpu).not.toMatch(/apt-get install .*\bffmpeg\b/);
    expect(cpu).toContain('if [ "$protocols" != "file,pipe" ]');
  });

  test('its demuxers cover every format the code accepts (INPUT_FORMATS), at most 40', () => {
    const demuxers = configureList('demuxers');
    // The whitelist names MPEG-PS by its demuxer's name, "mpeg"; configure calls it mpegps.
    const accepted = INPUT_FORMATS.map((format) => (format === 'mpeg' ? 'mpegps' : format));
    expect(accepted.filter((format) => !demuxers.includes(format))).toEqual([]);
    expect(demuxers.length).toBeLessThanOrEqual(40);
  });
});

describe("the CPU image's node_modules", () => {
  test('npm removes exactly the production dependencies ncc bundles into dist (every one not left external)', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; scripts: { package: string } };
    const external = new Set([...pkg.scripts.package.matchAll(/ -e (\S+)/g)].map((m) => m[1]));
    const bundled = Object.keys(pkg.dependencies).filter((name) => !external.has(name));
    const removed = / npm uninstall --no-save [^\n]*?--no-fund ([^\\\n]+)/.exec(stages.at(-1)!.text)![1]!.trim().split(/\s+/);
    expect(removed.sort()).toEqual(bundled.sort());
  });
});

describe('release', () => {
  test('publishes the CPU and the GPU image, each with its major tag', () => {
    expect(release).toMatch(/image-gpu:\n {4}name: GPU image to GHCR/);
    expect(release).toContain('target: gpu');
    expect(release).toContain('suffix=-gpu');
    expect(
      release.match(/type=raw,value=\$\{\{ needs\.prepare\.outputs\.major \}\},enable=\$\{\{ needs\.prepare\.outputs\.prerelease == 'false' \}\}/g),
    ).toHaveLength(2);
    expect(release).toContain('needs: [prepare, image, image-gpu]');
  });
});
