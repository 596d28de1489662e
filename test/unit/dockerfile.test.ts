/**
 * The Dockerfile's two targets (the GPU one cannot be built on these machines: its base and
 * onnxruntime's CUDA libraries are downloads) and the release that publishes both images.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';

const dockerfile = readFileSync('Dockerfile', 'utf8');
const release = readFileSync('.github/workflows/release.yml', 'utf8');
const stages = dockerfile.split(/^FROM /m).slice(1).map((text) => ({ from: text.split('\n', 1)[0]!, text }));

describe('Dockerfile', () => {
  test('the CPU image is the last stage (the default target) and skips the CUDA download', () => {
    expect(stages.map((s) => s.from.split(' AS ')[1])).toEqual(['gpu', 'cpu']);
    expect(stages[1]!.from).toBe('docker.io/library/node:20-bookworm-slim AS cpu');
    expect(stages[1]!.text).toContain('ARG ONNXRUNTIME_NODE_INSTALL=skip');
  });

  test('the GPU image: CUDA 12 runtime with cuDNN 9, Node 20, onnxruntime for CUDA 12, ffmpeg, the NVIDIA variables', () => {
    const gpu = stages[0]!;
    expect(gpu.from).toMatch(/^docker\.io\/nvidia\/cuda:12\.\d+\.\d+-cudnn-runtime-ubuntu\d+\.\d+ AS gpu$/);
    expect(gpu.text).toContain('COPY --from=docker.io/library/node:20-bookworm-slim /usr/local/bin/node');
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
    expect(release.match(/type=raw,value=\$\{\{ needs\.prepare\.outputs\.major \}\},enable=\$\{\{ needs\.prepare\.outputs\.prerelease == 'false' \}\}/g)).toHaveLength(2);
    expect(release).toContain('needs: [prepare, image, image-gpu]');
  });
});
