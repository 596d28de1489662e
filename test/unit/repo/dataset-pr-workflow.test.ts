/**
 * .github/workflows/dataset-pr.yml: the dataset review of a pull request (issue 25). Its shape
 * (trigger and paths, least-privilege permissions, concurrency per pull request, the action's inputs
 * as action.yml declares them), and its `plan` step's script run as written, with bash, jq and git,
 * in git repositories made here: a base commit and a head (or a test merge) that change a site's
 * video, another site's sample rate, a model config, or nothing a site depends on.
 * workflows.test.ts checks the rules every workflow follows (parsing, pinning, no `${{ }}` in a
 * `run:` script, checkouts without credentials).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { afterEach, describe, expect, test } from '@jest/globals';
import { parse } from 'yaml';

const FILE = '.github/workflows/dataset-pr.yml';
const content = readFileSync(FILE, 'utf8');

type Obj = Record<string, unknown>;

function obj(value: unknown, where: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${where} is not a mapping`);
  return value as Obj;
}

const workflow = obj(parse(content), FILE);
const jobs = obj(workflow.jobs, 'jobs');
const planJob = obj(jobs.plan, 'jobs.plan');
const datasetJob = obj(jobs.dataset, 'jobs.dataset');
const planStep = (planJob.steps as Obj[]).find((step) => step.id === 'plan') ?? {};
const planEnv = obj(planStep.env, 'the plan step env');
const actionStep = (datasetJob.steps as Obj[]).find((step) => step.uses === './') ?? {};
const actionInputs = Object.keys(obj(obj(parse(readFileSync('action.yml', 'utf8')), 'action.yml').inputs, 'action.yml inputs'));

/** Globs (one a line) of an env value of the plan step. */
function lines(value: unknown): string[] {
  return String(value)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** A `paths:` filter entry covers `glob` when `glob` lies under the entry's literal folder and the entry ends with `**`, or they are equal. */
function covered(glob: string, paths: string[]): boolean {
  return paths.some((entry) => entry === glob || (entry.endsWith('/**') && glob.startsWith(entry.slice(0, -2))));
}

describe(FILE, () => {
  test('parses with no errors (@actions/workflow-parser)', async () => {
    const parsed = parseWorkflow({ name: FILE, content }, new NoOperationTraceWriter());
    expect(parsed.value).toBeDefined();
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
    expect([...parsed.context.errors.getErrors().map((e) => e.message), ...(template.errors ?? []).map((e) => e.Message)]).toEqual([]);
  });

  test('runs on pull_request only (never pull_request_target), for videos, sites.json and model configs', () => {
    const on = obj(workflow.on, 'on');
    expect(Object.keys(on)).toEqual(['pull_request']);
    const paths = obj(on.pull_request, 'on.pull_request').paths as string[];
    expect(paths).toEqual(['videos/**', '.github/sites.json', 'models/**/*.json', 'models/**/*.onnx']);
    // The plan's model globs are the paths that trigger for models, and the repository's sites keep their videos where the filter looks.
    expect(lines(planEnv.MODEL_FILES)).toEqual(paths.filter((p) => p.startsWith('models/')));
    const sites = (JSON.parse(readFileSync('.github/sites.json', 'utf8')) as { sites: { video: string | string[] }[] }).sites;
    const globs = sites.flatMap((site) => (Array.isArray(site.video) ? site.video : [site.video])).filter((glob) => !glob.startsWith('!'));
    expect(globs.length).toBeGreaterThan(0);
    expect(globs.filter((glob) => !covered(glob, paths))).toEqual([]);
    expect(covered('elsewhere/a.mp4', paths)).toBe(false);
  });

  test('permissions: contents read at the top; the dataset job adds actions read and pull-requests write, nothing else', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(planJob.permissions).toEqual({ contents: 'read' });
    expect(datasetJob.permissions).toEqual({ contents: 'read', actions: 'read', 'pull-requests': 'write' });
    expect(Object.keys(jobs).sort()).toEqual(['dataset', 'plan']);
  });

  test('one run per pull request, a new push cancelling the older run; no job-level group', () => {
    expect(workflow.concurrency).toEqual({ group: 'dataset-pr-${{ github.event.pull_request.number }}', 'cancel-in-progress': true });
    expect(planJob.concurrency).toBeUndefined();
    expect(datasetJob.concurrency).toBeUndefined();
  });

  test('the dataset job: the plan matrix, fail-fast off, skipped when no site is affected', () => {
    expect(datasetJob.needs).toBe('plan');
    expect(datasetJob.if).toBe("needs.plan.outputs.count != '0'");
    expect(datasetJob.strategy).toMatchObject({ 'fail-fast': false, matrix: '${{ fromJSON(needs.plan.outputs.matrix) }}' });
    expect(planJob.outputs).toEqual({ matrix: '${{ steps.plan.outputs.matrix }}', count: '${{ steps.plan.outputs.count }}' });
  });

  test('the action step: baseline from dataset.yml, the sticky comment, a pull-request artifact name, the gates from variables', () => {
    expect(content).toMatch(/# A dataset repository writes `uses: protex\/dataset-gen@v1` here/);
    const given = obj(actionStep.with, 'with');
    expect(given).toMatchObject({
      site: '${{ matrix.site }}',
      video: '${{ matrix.video }}',
      'sample-fps': '${{ matrix.sample-fps }}',
      'baseline-workflow': 'dataset.yml',
      'pr-comment': true,
      'min-images': '${{ vars.DATASET_MIN_IMAGES }}',
      'max-drop-ratio': '${{ vars.DATASET_MAX_DROP_RATIO }}',
      'max-image-drop': '${{ vars.DATASET_MAX_IMAGE_DROP }}',
      'fail-on-class-loss': '${{ vars.DATASET_FAIL_ON_CLASS_LOSS }}',
    });
    // The default name is dataset-<site>-<run id>: a pull request's artifact must never look like it.
    expect(String(given['artifact-name'])).toMatch(/^dataset-pr-\$\{\{ github\.event\.pull_request\.number \}\}-/);
    // The model settings are dataset.yml's, so the diff shows the pull request's change, not a model swap.
    const datasetYml = obj(obj(parse(readFileSync('.github/workflows/dataset.yml', 'utf8')), 'dataset.yml').jobs, 'jobs');
    const baselineWith = obj(((obj(datasetYml.dataset, 'dataset').steps as Obj[]).find((step) => step.uses === './') ?? {}).with, 'with');
    for (const name of ['model-config', 'model', 'model-sha256']) expect({ name, value: given[name] }).toEqual({ name, value: baselineWith[name] });
  });

  // Fails until the Action's new inputs (baseline-workflow, pr-comment, max-image-drop, fail-on-class-loss) are in action.yml.
  test('passes only inputs action.yml declares', () => {
    const given = Object.keys(obj(actionStep.with, 'with'));
    expect(given.filter((name) => !actionInputs.includes(name))).toEqual([]);
  });
});

describe("the plan step's script, run as written", () => {
  const script = String(planStep.run);
  const dirs: string[] = [];

  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function repository(): {
    dir: string;
    write: (file: string, text: string) => void;
    remove: (file: string) => void;
    git: (...args: string[]) => string;
    commit: (message: string) => string;
  } {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dataset-gen-pr-plan-'));
    dirs.push(dir);
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {
        cwd: dir,
        encoding: 'utf8',
      }).trim();
    git('init', '-q', '-b', 'main');
    return {
      dir,
      git,
      write(file, text) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), text);
      },
      remove(file) {
        rmSync(path.join(dir, file));
      },
      commit(message) {
        git('add', '-A');
        git('commit', '-q', '--allow-empty', '-m', message);
        return git('rev-parse', 'HEAD');
      },
    };
  }

  const sites: { sites: Obj[] } = {
    sites: [
      { site: 'north yard', video: 'videos/north yard/*.mp4', 'sample-fps': 1 },
      { site: 'gate 2', video: ['videos/gate2/*.mp4', '!videos/gate2/skip*.mp4'], 'sample-fps': 2 },
      { site: 'depot', video: 'videos/depot/**/*.mp4' },
      { site: 'closed', video: 'videos/closed/*.mp4', enabled: false },
    ],
  };

  /** A repository whose first commit holds sites.json, a video of every site and a model config. */
  function base() {
    const repo = repository();
    repo.write('.github/sites.json', JSON.stringify(sites, null, 2));
    repo.write('videos/north yard/day 1.mp4', 'north 1');
    repo.write('videos/gate2/cam-a.mp4', 'gate a');
    repo.write('videos/gate2/cam-b.mp4', 'gate b');
    repo.write('videos/depot/2026/05/a.mp4', 'depot');
    repo.write('videos/closed/a.mp4', 'closed');
    repo.write('models/site.json', '{"name": "site", "layout": "yolov8"}');
    repo.write('README.md', 'dataset repository\n');
    return { ...repo, baseSha: repo.commit('base') };
  }

  interface Plan {
    code: number;
    output: string;
    matrix: { include: { site: string; video: string; 'sample-fps': string }[] } | undefined;
    count: string | undefined;
    summary: string;
  }

  function plan(dir: string, baseSha: string, headSha: string, extra: Record<string, string> = {}, runScript = script): Plan {
    const outFile = path.join(dir, '..', `${path.basename(dir)}-output`);
    const summaryFile = path.join(dir, '..', `${path.basename(dir)}-summary`);
    dirs.push(outFile, summaryFile);
    writeFileSync(outFile, '');
    writeFileSync(summaryFile, '');
    const env = {
      PATH: process.env.PATH,
      HOME: dir,
      SITES_FILE: String(planEnv.SITES_FILE),
      MODEL_FILES: String(planEnv.MODEL_FILES),
      MODEL_CONFIG: '',
      MODEL: '',
      BASE_SHA: baseSha,
      HEAD_SHA: headSha,
      GITHUB_OUTPUT: outFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      ...extra,
    };
    const result = spawnSync('bash', ['-e', '-c', runScript], { cwd: dir, env, encoding: 'utf8' });
    const outputs = Object.fromEntries(
      readFileSync(outFile, 'utf8')
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    return {
      code: result.status ?? -1,
      output: `${result.stdout}${result.stderr}`,
      matrix: outputs.matrix === undefined ? undefined : (JSON.parse(outputs.matrix) as Plan['matrix']),
      count: outputs.count,
      summary: readFileSync(summaryFile, 'utf8'),
    };
  }

  function sitesOf(result: Plan): string[] {
    expect({ code: result.code, output: result.code === 0 ? '' : result.output }).toEqual({ code: 0, output: '' });
    expect(result.count).toBe(String(result.matrix?.include.length));
    return (result.matrix?.include ?? []).map((entry) => entry.site);
  }

  test("the env names the base commit and the test merge, and the workflow's variables", () => {
    expect(planEnv).toMatchObject({
      BASE_SHA: '${{ github.event.pull_request.base.sha }}',
      HEAD_SHA: '${{ github.sha }}',
      SITES_FILE: '.github/sites.json',
      MODEL_CONFIG: '${{ vars.DATASET_MODEL_CONFIG }}',
      MODEL: '${{ vars.DATASET_MODEL }}',
    });
    const checkout = obj((planJob.steps as Obj[])[0], 'the plan checkout');
    // Both commits with their files, and no credentials: a sparse checkout or a filter would leave the
    // base's sites.json to be fetched later, which needs credentials in a private repository.
    expect(obj(checkout.with, 'with')).toEqual({ 'fetch-depth': 2, 'persist-credentials': false });
  });

  test("one site's video and another's sample rate changed: exactly those two, as dataset.yml's matrix lists them", () => {
    const repo = base();
    repo.write('videos/north yard/day 1.mp4', 'north 1, re-encoded');
    const changed = structuredClone(sites);
    changed.sites[1]!['sample-fps'] = 3;
    repo.write('.github/sites.json', JSON.stringify(changed, null, 2));
    const result = plan(repo.dir, repo.baseSha, repo.commit('head'));
    expect(sitesOf(result)).toEqual(['north yard', 'gate 2']);
    expect(result.matrix?.include).toEqual([
      { site: 'north yard', video: 'videos/north yard/*.mp4', 'sample-fps': '1' },
      { site: 'gate 2', video: 'videos/gate2/*.mp4\n!videos/gate2/skip*.mp4', 'sample-fps': '3' },
    ]);
    expect(result.summary).toContain('**north yard**: video changed');
    expect(result.summary).toContain('**gate 2**: entry in .github/sites.json changed');
  });

  test('a model config changed: every enabled site, the same matrix as the Dataset workflow builds on schedule', () => {
    const repo = base();
    repo.write('models/site.json', '{"name": "site", "layout": "yolov8", "confidence": 0.4}');
    const result = plan(repo.dir, repo.baseSha, repo.commit('head'));
    expect(sitesOf(result)).toEqual(['north yard', 'gate 2', 'depot']);
    expect(result.summary).toContain('**depot**: model config or weights changed');

    const datasetYml = obj(obj(parse(readFileSync('.github/workflows/dataset.yml', 'utf8')), 'dataset.yml').jobs, 'jobs');
    const schedule = ((obj(datasetYml.plan, 'plan').steps as Obj[]).find((step) => step.id === 'plan') ?? {}).run;
    const scheduled = plan(
      repo.dir,
      repo.baseSha,
      repo.baseSha,
      { EVENT: 'schedule', SCHEDULE_ENABLED: 'true', SITE: '', VIDEO: '', SAMPLE_FPS: '' },
      String(schedule),
    );
    expect(scheduled.code).toBe(0);
    expect(result.matrix).toEqual(scheduled.matrix);
  });

  test('new weights under models/, or the file the model variable names, change every site too', () => {
    const repo = base();
    repo.write('models/nested/site.onnx', 'weights');
    expect(sitesOf(plan(repo.dir, repo.baseSha, repo.commit('weights')))).toEqual(['north yard', 'gate 2', 'depot']);

    const other = base();
    other.write('configs/site model.json', '{}');
    const head = other.commit('config outside models/');
    expect(sitesOf(plan(other.dir, other.baseSha, head))).toEqual([]);
    expect(sitesOf(plan(other.dir, other.baseSha, head, { MODEL_CONFIG: './configs/site model.json' }))).toEqual(['north yard', 'gate 2', 'depot']);
    // A preset name or a URL is not a file of the repository.
    expect(sitesOf(plan(other.dir, other.baseSha, head, { MODEL_CONFIG: 'yolov8n-coco', MODEL: 'https://example.org/configs/site model.json' }))).toEqual([]);
  });

  test('nothing a site depends on changed: no site, and a notice', () => {
    const repo = base();
    repo.write('README.md', 'changed\n');
    repo.write('videos/gate2/skip 1.mp4', 'excluded by "!"'); // matched by *.mp4, but excluded
    repo.write('videos/gate2/cam-b.mp4', 'gate b, changed'); // matched by *.mp4 ...
    repo.write('videos/closed/a.mp4', 'closed, changed'); // a disabled site
    repo.write('videos/north yard/sub/x.mp4', 'deeper'); // `*` stays within its folder
    repo.write('videos/unlisted/a.mp4', 'no site');
    repo.write('models/README.md', 'not a config');
    const onlyUnrelated = repo.commit('unrelated');
    // ... so take that one back out: the rest changes no enabled site.
    repo.write('videos/gate2/cam-b.mp4', 'gate b');
    const result = plan(repo.dir, repo.baseSha, repo.commit('cam-b as before'));
    expect(sitesOf(result)).toEqual([]);
    expect(result.output).toContain('::notice title=No site affected::');
    expect(result.matrix).toEqual({ include: [] });
    expect(result.count).toBe('0');
    expect(sitesOf(plan(repo.dir, repo.baseSha, onlyUnrelated))).toEqual(['gate 2']);
  });

  test('`**` crosses folders, a site new in sites.json is affected, a removed or disabled one is not', () => {
    const repo = base();
    repo.write('videos/depot/2026/06/b.mp4', 'june');
    const changed = structuredClone(sites);
    changed.sites.splice(0, 1); // north yard removed
    changed.sites.push({ site: 'quay', video: 'videos/quay/*.mp4' });
    changed.sites[0]!.enabled = false; // gate 2 turned off
    repo.write('.github/sites.json', JSON.stringify(changed));
    const result = plan(repo.dir, repo.baseSha, repo.commit('head'));
    expect(sitesOf(result)).toEqual(['depot', 'quay']);
    expect(result.summary).toContain('**quay**: new in .github/sites.json');
  });

  test('the same entry written differently (a one-glob list, sample-fps as the default) is not a change', () => {
    const repo = base();
    const same = structuredClone(sites);
    same.sites[0] = { video: ['videos/north yard/*.mp4'], site: 'north yard' };
    same.sites[2]!.enabled = true;
    repo.write('.github/sites.json', JSON.stringify(same));
    expect(sitesOf(plan(repo.dir, repo.baseSha, repo.commit('reformatted')))).toEqual([]);
  });

  test('a test merge of a branch behind the base lists only what the pull request changes', () => {
    const repo = base();
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('videos/north yard/day 2.mp4', 'north 2');
    repo.commit('pull request: a new north yard video');
    repo.git('checkout', '-q', 'main');
    repo.write('videos/depot/2026/07/c.mp4', 'depot, on main after the branch');
    const baseTip = repo.commit('main moves on');
    repo.git('merge', '-q', '--no-ff', '-m', 'test merge', 'feature');
    const merge = repo.git('rev-parse', 'HEAD');
    expect(sitesOf(plan(repo.dir, baseTip, merge))).toEqual(['north yard']);
  });

  test('a video glob or file name holding shell syntax is data, never run', () => {
    const repo = base();
    const hostile = { sites: [{ site: 'odd', video: 'videos/$(touch pwned)/`touch pwned2`*.mp4' }] };
    repo.write('.github/sites.json', JSON.stringify(hostile));
    repo.write('videos/$(touch pwned)/`touch pwned2` a.mp4', 'odd');
    const result = plan(repo.dir, repo.baseSha, repo.commit('odd names'));
    expect(sitesOf(result)).toEqual(['odd']);
    expect(result.matrix?.include[0]?.video).toBe('videos/$(touch pwned)/`touch pwned2`*.mp4');
    expect([existsSync(path.join(repo.dir, 'pwned')), existsSync(path.join(repo.dir, 'pwned2'))]).toEqual([false, false]);
  });

  test.each([
    ['a site listed twice', { sites: [sites.sites[0], sites.sites[0]] }, 'sites listed twice: north yard'],
    ['a site without video', { sites: [{ site: 'x' }] }, 'site x: "video" is required'],
    ['no sites array', { sites: {} }, '"sites" must be an array'],
  ])('refuses a head sites.json with %s, naming the problem', (_label, broken, message) => {
    const repo = base();
    repo.write('.github/sites.json', JSON.stringify(broken));
    const result = plan(repo.dir, repo.baseSha, repo.commit('broken'));
    expect(result.code).toBe(1);
    expect(result.output).toContain('::error file=.github/sites.json,title=Bad sites file::');
    expect(result.output).toContain(message);
    expect(result.matrix).toBeUndefined();
  });

  test('a base without sites.json: every enabled site is new; a head without it, or a commit not fetched, is an error', () => {
    const repo = repository();
    repo.write('README.md', 'empty\n');
    const empty = repo.commit('empty');
    repo.write('.github/sites.json', JSON.stringify(sites));
    const head = repo.commit('sites');
    expect(sitesOf(plan(repo.dir, empty, head))).toEqual(['north yard', 'gate 2', 'depot']);

    repo.remove('.github/sites.json');
    const gone = plan(repo.dir, head, repo.commit('no sites'));
    expect([gone.code, gone.output]).toEqual([1, expect.stringContaining('::error title=No sites::')]);

    const missing = plan(repo.dir, '0123456789abcdef0123456789abcdef01234567', head);
    expect([missing.code, missing.output]).toEqual([1, expect.stringContaining('::error title=Commit missing::')]);
  });
});
