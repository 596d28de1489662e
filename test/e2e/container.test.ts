/**
 * End to end in the real image, run the way the Actions runner runs a Docker action: the workspace
 * mounted at /github/workspace with the demo clip in it, INPUT_* variables, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files in a mounted /github/file_commands, and ACTIONS_RESULTS_URL /
 * ACTIONS_RUNTIME_TOKEN pointing at the local stand-in for GitHub's cache and artifact services
 * (the container shares the host network). The model is served from a local HTTPS server, so the
 * first run downloads and caches it and the second restores it from the Actions cache.
 *
 * Needs the image: `../shared/tools/container build -t dataset-gen:ci --build-arg
 * NODE_IMAGE=docker.io/library/node:20-bookworm-slim .` (done by .ci/run, which then runs these tests
 * with DATASET_GEN_E2E=1; see README).
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { parseOutputFile } from '../support/github-files.js';
import { startGitHubServices, type GitHubServices } from '../support/github-services/index.js';
import { readZipEntries } from '../support/github-services/zip-entries.js';
import { startHttpsServer, type TestHttpsServer } from '../support/https-server.js';
import { imageTunables } from '../support/image-env.js';
import { DEMO_VIDEO, MODEL, SHARED, tempDir } from '../support/videos.js';

const run = promisify(execFile);
const IMAGE = process.env.DATASET_GEN_IMAGE ?? 'dataset-gen:ci';
const CONTAINER = path.join(SHARED, 'tools', 'container');

let services: GitHubServices;
let modelServer: TestHttpsServer;
let root: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir('dataset-gen-e2e-'));
  services = await startGitHubServices();
  modelServer = await startHttpsServer({ '/models/yolov8n.onnx': await readFile(MODEL) });
  await writeFile(path.join(root, 'model-ca.pem'), modelServer.ca);
}, 120_000);

afterAll(async () => {
  await modelServer?.close();
  await services?.stop();
  await cleanup?.();
});

interface ContainerRun {
  code: number;
  log: string;
  workspace: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Runs the image's entrypoint as the runner would, in a fresh workspace. */
async function runAction(name: string, inputs: Record<string, string>): Promise<ContainerRun> {
  const workspace = path.join(root, name, 'workspace');
  const commands = path.join(root, name, 'file_commands');
  await mkdir(workspace, { recursive: true });
  await mkdir(commands, { recursive: true });
  await copyFile(DEMO_VIDEO, path.join(workspace, 'site-walkway.mp4'));
  await writeFile(path.join(commands, 'output'), '');
  await writeFile(path.join(commands, 'summary'), '');
  const env: Record<string, string> = {
    ...services.env,
    GITHUB_WORKSPACE: '/github/workspace',
    GITHUB_OUTPUT: '/github/file_commands/output',
    GITHUB_STEP_SUMMARY: '/github/file_commands/summary',
    GITHUB_REPOSITORY: 'protex/north-yard',
    GITHUB_RUN_ID: '4242',
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: '/tmp',
    NODE_EXTRA_CA_CERTS: '/github/ca/model-ca.pem',
    ...Object.fromEntries(Object.entries(inputs).map(([key, value]) => [`INPUT_${key.toUpperCase()}`, value])),
  };
  const args = [
    'run',
    '-v',
    `${workspace}:/github/workspace`,
    '-v',
    `${commands}:/github/file_commands`,
    '-v',
    `${root}:/github/ca`,
    ...Object.entries(env).flatMap(([key, value]) => ['-e', `${key}=${value}`]),
    '-w',
    '/github/workspace',
    IMAGE,
  ];
  let code = 0;
  let log = '';
  try {
    const result = await run(CONTAINER, args, { maxBuffer: 64 * 1024 * 1024 });
    log = result.stdout + result.stderr;
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    code = failed.code ?? 1;
    log = `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
  }
  return {
    code,
    log,
    workspace,
    outputs: parseOutputFile(await readFile(path.join(commands, 'output'), 'utf8')),
    summary: await readFile(path.join(commands, 'summary'), 'utf8'),
  };
}

/** '' for a successful run; else the end of its log, so a failure shows why. */
function logOnFailure(result: ContainerRun): string {
  return result.code === 0 ? '' : `exit ${result.code}\n${result.log.slice(-3000)}`;
}

/** The bundled models/yolov8n.onnx, also what the local server serves. */
const BUNDLED_SHA256 = '1d8554503630c54925faba0a5c1cc3e7f26d8c44ed82273d4e843569792c8821';

describe('the image as a Docker action', () => {
  let first: ContainerRun;

  beforeAll(async () => {
    first = await runAction('first', {
      video: 'site-walkway.mp4',
      model: modelServer.url('/models/yolov8n.onnx'),
      'model-sha256': BUNDLED_SHA256, // required with a URL model in the Action
      'sample-fps': '1',
      'retention-days': '3',
    });
  }, 600_000);

  test('succeeds and sets every output', () => {
    expect(logOnFailure(first)).toBe('');
    expect(Number(first.outputs['image-count'])).toBeGreaterThan(10);
    expect(Number(first.outputs['detection-count'])).toBeGreaterThan(50);
    expect(Number(first.outputs['drop-ratio'])).toBeGreaterThanOrEqual(0);
    expect(first.outputs['dataset-dir']).toBe('dataset');
    expect(first.outputs['coco-path']).toBe('dataset/annotations/instances.json');
    expect(first.outputs['report-path']).toBe('dataset/report.md');
    expect(first.outputs['manifest-path']).toBe('dataset/manifest.json');
    expect(first.outputs['artifact-id']).toMatch(/^\d+$/);
    expect(first.outputs['artifact-url']).toBe(`https://github.com/protex/north-yard/actions/runs/4242/artifacts/${first.outputs['artifact-id']}`);
  });

  test('writes the dataset into the workspace and the report into the job summary', async () => {
    const dataset = path.join(first.workspace, 'dataset');
    expect((await readdir(dataset)).sort()).toEqual([
      'annotations',
      'images',
      'manifest.json',
      'metrics.csv',
      'metrics.json',
      'metrics.prom',
      'report',
      'report.html',
      'report.md',
    ]);
    const coco = JSON.parse(await readFile(path.join(dataset, 'annotations', 'instances.json'), 'utf8')) as { images: unknown[] };
    expect(coco.images).toHaveLength(Number(first.outputs['image-count']));
    expect(first.summary).toContain('north-yard');
    expect(first.summary).toContain(first.outputs['image-count']);
    expect(Buffer.byteLength(first.summary)).toBeLessThan(1024 * 1024);
  });

  test('uploads the dataset folder as an artifact held by the service', async () => {
    const artifacts = services.artifacts().filter((a) => a.finalized);
    expect(artifacts.map((a) => a.name)).toContain('dataset-north-yard-4242');
    const zip = await services.downloadArtifactZip('dataset-north-yard-4242');
    const names = (await readZipEntries(zip)).map((entry) => entry.name);
    expect(names).toEqual(expect.arrayContaining(['annotations/instances.json', 'manifest.json', 'report.md', 'metrics.csv']));
    expect(names.filter((n) => n.startsWith('images/'))).toHaveLength(Number(first.outputs['image-count']));
  });

  test('downloads the model once, saves it in the Actions cache, and a second job restores it', async () => {
    expect(modelServer.requestCount('/models/yolov8n.onnx')).toBe(1);
    const saved = services.caches().filter((c) => c.finalized);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.key).toBe(`dataset-gen-model-${BUNDLED_SHA256}`);
    const second = await runAction('second', {
      video: 'site-walkway.mp4',
      model: modelServer.url('/models/yolov8n.onnx'),
      'model-sha256': BUNDLED_SHA256, // required with a URL model in the Action
      'sample-fps': '1',
      'upload-artifact': 'false',
    });
    expect(logOnFailure(second)).toBe('');
    expect(modelServer.requestCount('/models/yolov8n.onnx')).toBe(1);
    expect(second.outputs['image-count']).toBe(first.outputs['image-count']);
    const coco = (dir: string): Promise<Buffer> => readFile(path.join(dir, 'dataset', 'annotations', 'instances.json'));
    expect((await coco(second.workspace)).equals(await coco(first.workspace))).toBe(true);
  }, 600_000);

  test('a missed quality gate fails the step with a clear message and exit code 8', async () => {
    const gated = await runAction('gated', {
      video: 'site-walkway.mp4',
      model: modelServer.url('/models/yolov8n.onnx'),
      'model-sha256': BUNDLED_SHA256, // required with a URL model in the Action
      'sample-fps': '0.1',
      'min-images': '1000',
      'upload-artifact': 'false',
    });
    expect(gated.code === 8 ? '' : logOnFailure(gated)).toBe('');
    expect(gated.log).toMatch(/::error::.*min-images/);
  }, 600_000);

  test('with only `video:` it uses the bundled model (models/yolov8n.onnx in the image)', async () => {
    const bare = await runAction('video-only', { video: 'site-walkway.mp4', 'upload-artifact': 'false' });
    expect(logOnFailure(bare)).toBe('');
    expect(Number(bare.outputs['image-count'])).toBeGreaterThan(10);
    const manifest = JSON.parse(await readFile(path.join(bare.workspace, 'dataset', 'manifest.json'), 'utf8')) as { model: { path: string; sha256: string } };
    expect(manifest.model).toMatchObject({ path: '/opt/dataset-gen/models/yolov8n.onnx', sha256: BUNDLED_SHA256 });
    expect(bare.log).toContain('Model cache not used');
  }, 600_000);
});

describe('the image as a CLI', () => {
  test('`docker run IMAGE dataset-gen run …` writes a dataset, with the given model or the bundled one', async () => {
    const data = path.join(root, 'cli');
    await mkdir(data, { recursive: true });
    await copyFile(DEMO_VIDEO, path.join(data, 'v.mp4'));
    await copyFile(MODEL, path.join(data, 'm.onnx'));
    const { stdout } = await run(CONTAINER, [
      'run',
      '-v',
      `${data}:/data`,
      IMAGE,
      'dataset-gen',
      'run',
      '--video',
      '/data/v.mp4',
      '--model',
      '/data/m.onnx',
      '--out',
      '/data/out',
      '--sample-fps',
      '0.5',
    ]);
    const bundled = await run(CONTAINER, [
      'run',
      '-v',
      `${data}:/data`,
      IMAGE,
      'dataset-gen',
      'run',
      '--video',
      '/data/v.mp4',
      '--out',
      '/data/bundled',
      '--sample-fps',
      '0.5',
    ]);
    expect(bundled.stdout.trim().split('\n').at(-1)).toBe('/data/bundled');
    const coco = (out: string): Promise<Buffer> => readFile(path.join(data, out, 'annotations', 'instances.json'));
    expect((await coco('bundled')).equals(await coco('out'))).toBe(true);
    expect(stdout.trim().split('\n').at(-1)).toBe('/data/out');
    const manifest = JSON.parse(await readFile(path.join(data, 'out', 'manifest.json'), 'utf8')) as { runtime: { ffmpeg: { source: string } } };
    expect(manifest.runtime.ffmpeg.source).toBe('path');
  }, 600_000);
});

describe('dataset-gen doctor in the image', () => {
  test('the CPU image: the bundled model loads on the CPU (exit 0); CUDA asked for is a clear CPU verdict and exit 9', async () => {
    const { stdout } = await run(CONTAINER, ['run', IMAGE, 'dataset-gen', 'doctor']);
    expect(stdout).toMatch(/^model opened on each requested provider: \/opt\/dataset-gen\/models\/yolov8n\.onnx$/m);
    expect(stdout).toMatch(/^ {2}ok {3}cpu: loads$/m);
    const cuda = await run(CONTAINER, ['run', IMAGE, 'dataset-gen', 'doctor', '--execution-providers', 'cuda']).then(
      () => null,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(cuda?.code).toBe(9);
    expect(cuda?.stdout).toMatch(
      /^ {2}FAIL cuda: does not load: libonnxruntime_providers_shared\.so is not installed in .* \(onnxruntime-node was installed without the CUDA provider\)$/m,
    );
    expect(cuda?.stdout).toMatch(/^verdict: this run would infer on the CPU because the CUDA provider does not load/m);
    expect(cuda?.stderr).not.toMatch(/^\s+at /m);
  }, 300_000);
});

describe('the environment of the image', () => {
  test('carries the allocator settings of the Dockerfile, the ones the benchmark measures dataset-gen with', async () => {
    const { stdout } = await run('podman', ['image', 'inspect', IMAGE, '--format', '{{json .Config.Env}}']);
    expect(JSON.parse(stdout) as string[]).toContain(`GLIBC_TUNABLES=${await imageTunables()}`);
  });
});
