/**
 * The Dockerfile's two targets (the GPU one cannot be built on these machines: its base and
 * onnxruntime's CUDA libraries are downloads) and the release that publishes both images.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';

const dockerfile = readFileSync('Dockerfile', 'utf8');
const release = readFileSync('.github/workflows/release.yml', 'utf8');
const stages = dockerfile
  .split(/^FROM /m)
  .slice(1)
  .map((text) => ({ from: text.split('\n', 1)[0]!, text }));

describe('Dockerfile', () => {
  test('the CPU image is the last stage (the default target) and skips the CUDA download', () => {
    expect(stages.map((s) => s.from.split(' AS ')[1])).toEqual(['node-pinned', 'node', 'gpu', 'cpu']);
    expect(stages.at(-1)!.from).toBe('node AS cpu');
    expect(stages.at(-1)!.text).toContain('ARG ONNXRUNTIME_NODE_INSTALL=skip');
  });

  test('every base image from a registry is pinned by digest', () => {
    const names = new Set(stages.map((s) => s.from.split(' AS ')[1]));
    const external = stages.map((s) => s.from.split(' AS ')[0]!).filter((image) => !names.has(image) && !image.startsWith('$'));
    expect(external).toEqual([
      expect.stringMatching(/^docker\.io\/library\/node:20-bookworm-slim@sha256:[0-9a-f]{64}$/),
      expect.stringMatching(/^docker\.io\/nvidia\/cuda:12\.\d+\.\d+-cudnn-runtime-ubuntu\d+\.\d+@sha256:[0-9a-f]{64}$/),
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

  test('the GPU image: CUDA 12 runtime with cuDNN 9, Node 20, onnxruntime for CUDA 12, ffmpeg, the NVIDIA variables', () => {
    const gpu = stages[2]!;
    expect(gpu.from).toMatch(/^docker\.io\/nvidia\/cuda:12\.\d+\.\d+-cudnn-runtime-ubuntu\d+\.\d+@sha256:[0-9a-f]{64} AS gpu$/);
    expect(gpu.text).toContain('COPY --from=node /usr/local/bin/node');
    expect(gpu.text).toContain('ONNXRUNTIME_NODE_INSTALL=cuda12 npm ci');
    expect(gpu.text).toMatch(/apt-get install .*ffmpeg/);
    expect(gpu.text).toMatch(/NVIDIA_VISIBLE_DEVICES=all/);
    expect(gpu.text).toMatch(/NVIDIA_DRIVER_CAPABILITIES=compute,utility,video/);
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
