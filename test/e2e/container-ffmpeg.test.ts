/**
 * The image's own ffmpeg (built from Debian's source with docker/ffmpeg-configure, issue 26): it has
 * exactly the components the configure script lists and no network protocol; the real CLI in the
 * image decodes every file of the container zoo to the same images and COCO as the CLI on the host's
 * ffmpeg; and a file in a format left out is refused with one line naming the format.
 *
 * Needs the image, as test/e2e/container.test.ts (`.ci/run` builds it and sets DATASET_GEN_E2E=1).
 * The videos are made on the host and mounted at the same path in the container, so both runs see the
 * same paths.
 */
import { execFile } from 'node:child_process';
import { link, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import sharp from 'sharp';

import type { CocoDataset } from '../../src/domain/coco.js';
import { filesUnder, runCliToEnd } from '../support/cli-process.js';
import { LEFT_OUT, makeZoo, ZOO } from '../support/container-zoo.js';
import { configureList } from '../support/ffmpeg-configure.js';
import { MODEL, SHARED, tempDir } from '../support/videos.js';

const run = promisify(execFile);
const IMAGE = process.env.DATASET_GEN_IMAGE ?? 'dataset-gen:ci';
const CONTAINER = path.join(SHARED, 'tools', 'container');

let root: string;
let cleanup: () => Promise<void>;
let zoo: string[];

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir('dataset-gen-e2e-ffmpeg-'));
  await mkdir(path.join(root, 'zoo'));
  await mkdir(path.join(root, 'videos'));
  // One run takes them all, so each needs its own stem (h264.avi and h264.mkv): linked as h264-avi.avi.
  zoo = [];
  for (const file of await makeZoo(path.join(root, 'zoo'))) {
    const ext = path.extname(file);
    zoo.push(path.join(root, 'videos', `${path.basename(file, ext)}-${ext.slice(1)}${ext}`));
    await link(file, zoo.at(-1)!);
  }
}, 300_000);

afterAll(async () => {
  await cleanup?.();
});

/** Runs a program of the image, not its entrypoint (as `container run` does, with buildah). */
async function inImage(program: string, args: string[]): Promise<string> {
  const { stdout: id } = await run('buildah', ['from', '--pull-never', IMAGE]);
  try {
    const { stdout } = await run('buildah', ['run', '--isolation', 'chroot', id.trim(), '--', program, ...args], { maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } finally {
    await run('buildah', ['rm', id.trim()]);
  }
}

/** The names of a `-demuxers`, `-decoders` or `-protocols` listing (the first column after its legend). */
function listed(text: string, kind: 'demuxers' | 'decoders' | 'protocols'): string[] | { input: string[]; output: string[] } {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (kind === 'protocols') {
    const input = lines.indexOf('Input:');
    const output = lines.indexOf('Output:');
    return { input: lines.slice(input + 1, output).map((l) => l.trim()), output: lines.slice(output + 1).map((l) => l.trim()) };
  }
  const legendEnd = lines.findIndex((line) => /^\s*-+\s*$/.test(line));
  // demuxers: " D  name  description"; decoders: " V....D name  description".
  return lines.slice(legendEnd + 1).map((line) => line.trim().split(/\s+/)[1]!);
}

/** The names ffmpeg lists for what the configure script enables, where they differ. */
const LISTED_AS: Record<string, string> = { mov: 'mov,mp4,m4a,3gp,3g2,mj2', matroska: 'matroska,webm', mpegps: 'mpeg', msmpeg4v3: 'msmpeg4' };
const NETWORK =
  /^(https?|httpproxy|tcp|tls|udp|udplite|unix|rtmp[est]*|rtp|srtp|srt|rtsp|ftp|sftp|gophers?|hls|mmsh|mmst|icecast|ipfs|ipns|zmq|sctp|librist|amqp|data|crypto|subfile|concat|cache|async)$/;

describe("the image's ffmpeg and ffprobe", () => {
  test.each(['ffmpeg', 'ffprobe'])(
    '%s: exactly the configured demuxers, decoders and protocols; no network protocol',
    async (program) => {
      const expected = (list: string): string[] => configureList(list).map((name) => LISTED_AS[name] ?? name);
      const demuxers = listed(await inImage(program, ['-hide_banner', '-demuxers']), 'demuxers') as string[];
      expect(demuxers.sort()).toEqual(expected('demuxers').sort());
      expect(demuxers.length).toBeLessThanOrEqual(40);
      const decoders = listed(await inImage(program, ['-hide_banner', '-decoders']), 'decoders') as string[];
      expect(decoders.sort()).toEqual(expected('decoders').sort());
      const protocols = listed(await inImage(program, ['-hide_banner', '-protocols']), 'protocols') as { input: string[]; output: string[] };
      expect([...protocols.input, ...protocols.output].filter((name) => NETWORK.test(name))).toEqual([]);
      expect(protocols).toEqual({ input: ['file', 'pipe'], output: ['file', 'pipe'] });
    },
    120_000,
  );
});

/** `dataset-gen run` over `videos` into `out`, in the image (ffmpeg built for it) or on the host (its system ffmpeg). */
async function runOn(where: 'image' | 'host', videos: string[], out: string, decode: string): Promise<void> {
  const args = ['run', ...videos.flatMap((v) => ['--video', v]), '--out', out, '--model', MODEL];
  args.push('--sample-fps', '1', '--dedup-threshold', '-1', '--inference-workers', '1', '--decode', decode, '--site', 'zoo');
  if (where === 'host') {
    const exit = await runCliToEnd(args);
    expect([exit.code, exit.stderr.split('\n').filter((line) => line.startsWith('dataset-gen:'))]).toEqual([0, []]);
    return;
  }
  const mounts = [root, path.dirname(MODEL)].flatMap((dir) => ['-v', `${dir}:${dir}`]);
  await run(CONTAINER, ['run', ...mounts, IMAGE, 'dataset-gen', ...args], { maxBuffer: 64 * 1024 * 1024 });
}

async function coco(out: string): Promise<CocoDataset> {
  return JSON.parse(await readFile(path.join(out, 'annotations', 'instances.json'), 'utf8')) as CocoDataset;
}

async function pixels(file: string): Promise<Buffer> {
  return sharp(file).raw().toBuffer();
}

describe('the container zoo decoded in the image gives the host ffmpeg’s dataset', () => {
  test.each([
    ['all', () => zoo],
    ['keyframes', () => zoo.filter((_, i) => ZOO[i]!.counted !== true)],
  ])(
    '--decode %s: the same images, pixel for pixel, and the same COCO images (frame_index, timestamp) and annotations',
    async (decode, videos) => {
      const host = path.join(root, `host-${decode}`);
      const image = path.join(root, `image-${decode}`);
      await runOn('host', videos(), host, decode);
      await runOn('image', videos(), image, decode);
      const [hostCoco, imageCoco] = [await coco(host), await coco(image)];
      expect(imageCoco.images.length).toBeGreaterThanOrEqual(5 * videos().length);
      expect(imageCoco.images).toEqual(hostCoco.images);
      expect(imageCoco.annotations).toEqual(hostCoco.annotations);
      const files = (await filesUnder(path.join(host, 'images'))).filter((file) => /\.(jpe?g|png)$/.test(file));
      expect(await filesUnder(path.join(image, 'images'))).toEqual(await filesUnder(path.join(host, 'images')));
      const differing: string[] = [];
      for (const file of files) {
        const [a, b] = await Promise.all([pixels(path.join(host, 'images', file)), pixels(path.join(image, 'images', file))]);
        if (!a.equals(b)) differing.push(file);
      }
      expect(differing).toEqual([]);
    },
    600_000,
  );
});

describe('a file in a format left out of the image', () => {
  test.each(LEFT_OUT)(
    '%s named .mp4: exit 3, one line naming the format',
    async (_label, name, make, message) => {
      const dir = path.join(root, 'left-out');
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, name);
      await make(file);
      const error = await run(CONTAINER, ['run', '-v', `${dir}:${dir}`, IMAGE, 'dataset-gen', 'run', '--video', file, '--out', `${file}-out`]).then(
        () => null,
        (failed: { code: number; stderr: string }) => failed,
      );
      expect(error?.code).toBe(3);
      // The CLI's one line; `container run` adds its own ("Error: exit status 3") after it.
      const lines = error!.stderr.split('\n').filter((line) => line.startsWith('dataset-gen: '));
      expect(lines).toHaveLength(1);
      const last = lines[0]!;
      const prefix = `dataset-gen: Video ${file} is not a decodable video: `;
      expect(last.slice(0, prefix.length)).toBe(prefix);
      expect(last.slice(prefix.length)).toMatch(message);
    },
    120_000,
  );
});
