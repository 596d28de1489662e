/**
 * The GitHub workflows (.github/workflows/*.yml) and action.yml parse without errors with
 * @actions/workflow-parser, and follow the repository's rules: remote actions pinned to a commit SHA
 * with a `# vX.Y.Z` comment, no `${{ }}` inside `run:` scripts (values reach scripts through `env:`),
 * least-privilege `permissions` and a `concurrency` group in every workflow, and the `uses: ./` steps
 * only pass inputs and read outputs that action.yml declares. See docs/workflows.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { convertActionTemplate, parseAction, type ActionTemplate } from '@actions/workflow-parser/actions/index';
import { describe, expect, test } from '@jest/globals';
import { isScalar, parse, parseDocument, visit } from 'yaml';

const WORKFLOW_DIR = '.github/workflows';
const SITES_FILE = '.github/sites.json';

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectAt(value: unknown, where: string): Obj {
  if (!isObj(value)) throw new Error(`${where} is not a mapping`);
  return value;
}

interface Workflow {
  file: string;
  content: string;
  data: Obj;
}

interface StepRef {
  workflow: string;
  job: string;
  index: number;
  step: Obj;
}

const workflowFiles = readdirSync(WORKFLOW_DIR)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();

function loadWorkflow(file: string): Workflow {
  const content = readFileSync(path.join(WORKFLOW_DIR, file), 'utf8');
  return { file, content, data: objectAt(parse(content), file) };
}

const workflows = workflowFiles.map(loadWorkflow);

function workflowNamed(file: string): Workflow {
  const found = workflows.find((w) => w.file === file);
  if (!found) throw new Error(`${WORKFLOW_DIR}/${file} is missing`);
  return found;
}

function jobsOf(workflow: Workflow): [string, Obj][] {
  return Object.entries(objectAt(workflow.data.jobs, `${workflow.file} jobs`)).map(([id, job]) => [id, objectAt(job, `${workflow.file} job ${id}`)]);
}

function stepsOf(workflow: Workflow): StepRef[] {
  return jobsOf(workflow).flatMap(([job, body]) =>
    (Array.isArray(body.steps) ? body.steps : []).map((step, index) => ({
      workflow: workflow.file,
      job,
      index,
      step: objectAt(step, `${workflow.file} ${job} step ${index}`),
    })),
  );
}

function where(ref: StepRef): string {
  const name = typeof ref.step.name === 'string' ? ` "${ref.step.name}"` : '';
  return `${ref.workflow} jobs.${ref.job}.steps[${ref.index}]${name}`;
}

/** Errors @actions/workflow-parser reports for a workflow: schema, expressions, conversion. */
async function workflowParserErrors(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (parsed.value === undefined) return [...errors, `${name}: no document`];
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return [...new Set([...errors, ...(template.errors ?? []).map((e) => e.Message)])];
}

function loadAction(): { errors: string[]; template: ActionTemplate } {
  const parsed = parseAction({ name: 'action.yml', content: readFileSync('action.yml', 'utf8') }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (parsed.value === undefined) return { errors: [...errors, 'action.yml: no document'], template: {} as ActionTemplate };
  return { errors, template: convertActionTemplate(parsed.context, parsed.value) };
}

/** Every `uses:` in a YAML file (steps and reusable-workflow jobs), with its same-line comment. */
function usesIn(content: string): { uses: string; comment: string | undefined }[] {
  const found: { uses: string; comment: string | undefined }[] = [];
  visit(parseDocument(content), {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'uses' && isScalar(pair.value)) {
        found.push({ uses: String(pair.value.value), comment: pair.value.comment?.trim() });
      }
    },
  });
  return found;
}

const REMOTE_PINNED = /^([\w.-]+\/[\w.-]+)(\/[^@]+)?@([0-9a-f]{40})$/;
const VERSION_COMMENT = /^v\d+\.\d+\.\d+\b/;

/** Why a `uses:` breaks the pinning rule, or undefined when it keeps it. */
function pinProblem(uses: string, comment: string | undefined): string | undefined {
  if (uses.startsWith('./')) return undefined;
  if (uses.startsWith('docker://')) {
    return /@sha256:[0-9a-f]{64}$/.test(uses) ? undefined : `${uses}: pin the image by @sha256 digest`;
  }
  if (!REMOTE_PINNED.test(uses)) return `${uses}: pin to a full 40-hex commit SHA`;
  if (comment === undefined || !VERSION_COMMENT.test(comment)) return `${uses}: add the version as a comment, like "# v1.2.3"`;
  return undefined;
}

/** `run:` scripts that contain an expression (values must reach scripts through `env:`). */
function runExpressionProblems(workflow: Workflow): string[] {
  return stepsOf(workflow)
    .filter((ref) => typeof ref.step.run === 'string' && ref.step.run.includes('${{'))
    .map((ref) => `${where(ref)}: \${{ }} inside run: pass the value through env:`);
}

/** `steps.<id>.outputs.<name>` references in a workflow, for the given step ids. */
function outputReads(content: string, stepIds: string[]): { id: string; output: string }[] {
  const reads: { id: string; output: string }[] = [];
  for (const match of content.matchAll(/steps\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g)) {
    const [, id, output] = match;
    if (id !== undefined && output !== undefined && stepIds.includes(id)) reads.push({ id, output });
  }
  return reads;
}

function permissionsOf(value: unknown, where: string): Obj {
  // `read-all` / `write-all` strings are not least privilege: a mapping is required.
  return objectAt(value, `${where} permissions`);
}

function concurrencyGroup(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isObj(value) && typeof value.group === 'string') return value.group;
  return undefined;
}

const action = loadAction();
const actionInputs = new Map((action.template.inputs ?? []).map((input) => [input.id, input]));
const actionOutputs = new Set((action.template.outputs ?? []).map((output) => output.id));

describe('the checks themselves', () => {
  test('@actions/workflow-parser reports errors in a bad workflow', async () => {
    const good = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ok\n';
    expect(await workflowParserErrors('good.yml', good)).toEqual([]);
    expect(await workflowParserErrors('bad.yml', good.replace('runs-on', 'runs-onn'))).not.toEqual([]);
    expect(await workflowParserErrors('bad.yml', good.replace('echo ok', 'echo ok\n        uses: a/b@v1'))).not.toEqual([]);
    expect(await workflowParserErrors('bad.yml', `${good}    permissions:\n      contents: writ\n`)).not.toEqual([]);
    expect(await workflowParserErrors('bad.yml', good.replace('echo ok', 'echo ${{ foo.bar }}'))).not.toEqual([]);
  });

  test('pinning: tags, branches and short SHAs are refused; SHA + version comment is accepted', () => {
    const sha = '0123456789abcdef0123456789abcdef01234567';
    expect(pinProblem(`actions/checkout@${sha}`, 'v5.0.0')).toBeUndefined();
    expect(pinProblem(`github/codeql-action/init@${sha}`, 'v3.29.0 (init)')).toBeUndefined();
    expect(pinProblem('./', undefined)).toBeUndefined();
    expect(pinProblem('actions/checkout@v5', undefined)).toMatch(/40-hex/);
    expect(pinProblem('actions/checkout@main', 'v5.0.0')).toMatch(/40-hex/);
    expect(pinProblem(`actions/checkout@${sha.slice(0, 7)}`, 'v5.0.0')).toMatch(/40-hex/);
    expect(pinProblem(`actions/checkout@${sha}`, undefined)).toMatch(/version/);
    expect(pinProblem(`actions/checkout@${sha}`, 'latest')).toMatch(/version/);
    expect(pinProblem('docker://alpine:3', undefined)).toMatch(/digest/);
    const yaml = `steps:\n  - uses: a/b@${sha} # v1.2.3\n  - name: x\n    uses: c/d@v2\n`;
    expect(usesIn(yaml)).toEqual([
      { uses: `a/b@${sha}`, comment: 'v1.2.3' },
      { uses: 'c/d@v2', comment: undefined },
    ]);
  });

  test('expressions inside run: are found', () => {
    const workflow: Workflow = {
      file: 'x.yml',
      content: '',
      data: { jobs: { a: { steps: [{ run: 'echo "$SITE"' }, { name: 'bad', run: 'echo "${{ inputs.site }}"' }] } } },
    };
    expect(runExpressionProblems(workflow)).toEqual(['x.yml jobs.a.steps[1] "bad": ${{ }} inside run: pass the value through env:']);
  });
});

describe('action.yml', () => {
  test('parses with no errors', () => {
    expect(action.errors).toEqual([]);
  });

  test('every input has a description', () => {
    expect(actionInputs.size).toBeGreaterThan(0);
    for (const [id, input] of actionInputs)
      expect({ id, description: input.description?.trim() || undefined }).toEqual({ id, description: expect.any(String) });
  });

  test('its uses: (if any) are pinned', () => {
    const problems = usesIn(readFileSync('action.yml', 'utf8')).map((u) => pinProblem(u.uses, u.comment));
    expect(problems.filter((p) => p !== undefined)).toEqual([]);
  });
});

describe('.github/workflows', () => {
  test('holds ci, release, dataset and dataset-pr', () => {
    expect(workflowFiles).toEqual(expect.arrayContaining(['ci.yml', 'dataset.yml', 'dataset-pr.yml', 'release.yml']));
  });

  describe.each(workflowFiles)('%s', (file) => {
    const workflow = workflows.find((w) => w.file === file) as Workflow;

    test('parses with no errors (@actions/workflow-parser)', async () => {
      expect(await workflowParserErrors(file, workflow.content)).toEqual([]);
    });

    test('every remote action is pinned to a commit SHA with a version comment', () => {
      const problems = usesIn(workflow.content).map((u) => pinProblem(u.uses, u.comment));
      expect(problems.filter((p) => p !== undefined)).toEqual([]);
    });

    test('no ${{ }} inside a run: script', () => {
      expect(runExpressionProblems(workflow)).toEqual([]);
    });

    test('top-level permissions only read (contents: read); writes only per job', () => {
      const top = permissionsOf(workflow.data.permissions, file);
      expect(top.contents).toBe('read');
      for (const [scope, level] of Object.entries(top)) expect({ scope, level }).toEqual({ scope, level: expect.stringMatching(/^(read|none)$/) });
      for (const [id, job] of jobsOf(workflow)) {
        if (job.permissions !== undefined) permissionsOf(job.permissions, `${file} job ${id}`);
      }
    });

    test('has a top-level concurrency group, and job groups differ from it', () => {
      const group = concurrencyGroup(workflow.data.concurrency);
      expect(group).toEqual(expect.stringMatching(/\S/));
      for (const [, job] of jobsOf(workflow)) {
        const jobGroup = concurrencyGroup(job.concurrency);
        // A job whose group equals its own run's group would wait for itself.
        if (jobGroup !== undefined) expect(jobGroup).not.toBe(group);
      }
    });

    test('triggers exclude pull_request_target and workflow_run (they run with secrets on untrusted code)', () => {
      const on = workflow.data.on;
      const events = typeof on === 'string' ? [on] : Array.isArray(on) ? on : Object.keys(objectAt(on, `${file} on`));
      expect(events).not.toContain('pull_request_target');
      expect(events).not.toContain('workflow_run');
    });

    test('checkouts keep no credentials, except in a job that pushes (contents: write)', () => {
      const jobs = new Map(jobsOf(workflow));
      for (const ref of stepsOf(workflow)) {
        if (typeof ref.step.uses !== 'string' || !ref.step.uses.startsWith('actions/checkout@')) continue;
        const permissions = jobs.get(ref.job)?.permissions;
        if (isObj(permissions) && permissions.contents === 'write') continue;
        const persist = isObj(ref.step.with) ? ref.step.with['persist-credentials'] : undefined;
        expect({ step: where(ref), persist }).toEqual({ step: where(ref), persist: false });
      }
    });

    test('uses: ./ steps pass only declared inputs, every required one, and read only declared outputs', () => {
      const local = stepsOf(workflow).filter((ref) => ref.step.uses === './');
      for (const ref of local) {
        const given = Object.keys(isObj(ref.step.with) ? ref.step.with : {});
        expect({ step: where(ref), unknown: given.filter((name) => !actionInputs.has(name)) }).toEqual({ step: where(ref), unknown: [] });
        const required = [...actionInputs.values()].filter((input) => input.required).map((input) => input.id);
        expect({ step: where(ref), missing: required.filter((name) => !given.includes(name)) }).toEqual({ step: where(ref), missing: [] });
      }
      const ids = local.map((ref) => ref.step.id).filter((id): id is string => typeof id === 'string');
      const undeclared = outputReads(workflow.content, ids).filter((read) => !actionOutputs.has(read.output));
      expect(undeclared).toEqual([]);
    });
  });

  test('write permissions are exactly: packages for the GHCR push, contents for moving tags, pull-requests for the dataset comment', () => {
    const writes: string[] = [];
    for (const workflow of workflows) {
      for (const [id, job] of jobsOf(workflow)) {
        if (!isObj(job.permissions)) continue;
        for (const [scope, level] of Object.entries(job.permissions)) if (level === 'write') writes.push(`${workflow.file} ${id}: ${scope}`);
      }
    }
    expect(writes.sort()).toEqual([
      'dataset-pr.yml dataset: pull-requests',
      'release.yml image-gpu: packages',
      'release.yml image: packages',
      'release.yml release-commit: contents',
    ]);
  });

  test('an action is pinned to one SHA and version everywhere', () => {
    const pins = new Map<string, Set<string>>();
    for (const workflow of workflows) {
      for (const { uses, comment } of usesIn(workflow.content)) {
        const match = REMOTE_PINNED.exec(uses);
        if (!match?.[1]) continue;
        const versions = pins.get(match[1]) ?? new Set<string>();
        versions.add(`${match[3]} ${comment ?? ''}`);
        pins.set(match[1], versions);
      }
    }
    const inconsistent = [...pins].filter(([, versions]) => versions.size > 1).map(([name, versions]) => `${name}: ${[...versions].join(' | ')}`);
    expect(inconsistent).toEqual([]);
  });

  test('ci self-test runs uses: ./ and reads every output action.yml declares', () => {
    const ci = workflowNamed('ci.yml');
    const selfTest = stepsOf(ci).filter((ref) => ref.job === 'self-test');
    const action = selfTest.find((ref) => ref.step.uses === './');
    expect(action?.step.id).toEqual(expect.any(String));
    const reads = outputReads(ci.content, [String(action?.step.id)]).map((read) => read.output);
    expect(reads.filter((name) => !actionOutputs.has(name))).toEqual([]);
    expect([...new Set(reads)].sort()).toEqual([...actionOutputs].sort());
    // The outputs reach the assertions through env:, not through the script text.
    const check = selfTest.find((ref) => isObj(ref.step.env) && Object.values(ref.step.env).some((v) => String(v).includes('outputs.image-count')));
    expect(check?.step.run).toEqual(expect.stringContaining('IMAGE_COUNT'));
  });

  test('dataset runs are grouped per site, and run the action from a matrix over sites.json', () => {
    const dataset = workflowNamed('dataset.yml');
    const job = objectAt(objectAt(dataset.data.jobs, 'jobs').dataset, 'jobs.dataset');
    expect(concurrencyGroup(job.concurrency)).toMatch(/matrix\.site/);
    expect(objectAt(job.strategy, 'strategy').matrix).toMatch(/fromJSON\(needs\.plan\.outputs\.matrix\)/);
    expect(dataset.content).toContain(SITES_FILE);
    expect(stepsOf(dataset).some((ref) => ref.job === 'dataset' && ref.step.uses === './')).toBe(true);
  });

  test('release pushes to ghcr.io/<repository> and rewrites runs.image to the prebuilt image', () => {
    const release = workflowNamed('release.yml');
    expect(release.content).toContain('echo "image=ghcr.io/${GITHUB_REPOSITORY,,}"');
    expect(release.content).toContain('images: ${{ needs.prepare.outputs.image }}');
    expect(action.template.runs).toMatchObject({ using: 'docker', image: 'Dockerfile' });
  });

  describe("the release step that rewrites action.yml, run as written on a copy of this repository's action.yml", () => {
    const release = workflowNamed('release.yml');
    const step = stepsOf(release).find((ref) => ref.step.name === 'Point action.yml at the prebuilt image');
    const digest = `sha256:${'ab12'.repeat(16)}`;

    /** Runs the step's script in a fresh git repository holding action.yml; returns its exit code, output and the new action.yml. */
    function runStep(env: Record<string, string>): { code: number; output: string; actionYml: string } {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'dataset-gen-release-'));
      try {
        copyFileSync('action.yml', path.join(dir, 'action.yml'));
        const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, stdio: 'ignore' });
        git('init', '-q');
        git('add', 'action.yml');
        git('commit', '-q', '-m', 'source');
        const result = spawnSync('bash', ['-e', '-c', String(step?.step.run)], { cwd: dir, env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
        return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}`, actionYml: readFileSync(path.join(dir, 'action.yml'), 'utf8') };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }

    test('takes the digest from the image job, not a tag', () => {
      expect(step?.step.env).toEqual({ IMAGE: '${{ needs.prepare.outputs.image }}', DIGEST: '${{ needs.image.outputs.digest }}' });
      expect(objectAt(objectAt(release.data.jobs, 'jobs').image, 'jobs.image').outputs).toEqual({ digest: '${{ steps.build.outputs.digest }}' });
    });

    test('pins runs.image by digest, changing that line only', () => {
      const { code, output, actionYml } = runStep({ IMAGE: 'ghcr.io/protex/dataset-gen', DIGEST: digest });
      expect({ code, output: output.includes('::error') ? output : '' }).toEqual({ code: 0, output: '' });
      expect(parse(actionYml).runs.image).toBe(`docker://ghcr.io/protex/dataset-gen@${digest}`);
      expect(actionYml.replace(`docker://ghcr.io/protex/dataset-gen@${digest}`, 'Dockerfile')).toBe(readFileSync('action.yml', 'utf8'));
    });

    test.each([
      ['no digest', ''],
      ['a tag instead of a digest', 'v1.2.3'],
      ['a short digest', 'sha256:abc'],
    ])('refuses %s', (_label, given) => {
      const { code, output, actionYml } = runStep({ IMAGE: 'ghcr.io/protex/dataset-gen', DIGEST: given });
      expect(code).toBe(1);
      expect(output).toContain('::error title=No image digest::');
      expect(actionYml).toBe(readFileSync('action.yml', 'utf8'));
    });
  });

  test('ci audits the production dependencies (high and critical fail) after installing them', () => {
    const steps = stepsOf(workflowNamed('ci.yml')).filter((ref) => ref.job === 'test');
    const audit = steps.findIndex((ref) => ref.step.run === 'npm audit --omit=dev --audit-level=high');
    const setup = steps.findIndex((ref) => String(ref.step.run).startsWith('scripts/setup'));
    expect(audit).toBeGreaterThan(setup);
    expect(setup).toBeGreaterThanOrEqual(0);
  });
});

describe('.github/dependabot.yml', () => {
  const config = objectAt(parse(readFileSync('.github/dependabot.yml', 'utf8')), 'dependabot.yml');

  test('watches the actions, npm and the Docker base images, at the repository root', () => {
    expect(config.version).toBe(2);
    const updates = (config.updates as Obj[]).map((u) => [u['package-ecosystem'], u.directory, objectAt(u.schedule, 'schedule').interval]);
    expect(updates).toEqual([
      ['github-actions', '/', 'weekly'],
      ['npm', '/', 'weekly'],
      ['docker', '/', 'weekly'],
    ]);
  });
});

describe(SITES_FILE, () => {
  const sites = objectAt(JSON.parse(readFileSync(SITES_FILE, 'utf8')), SITES_FILE).sites;

  test('lists sites with a valid name, video path(s) and sample rate, each once', () => {
    expect(Array.isArray(sites)).toBe(true);
    const entries = (sites as unknown[]).map((entry, i) => objectAt(entry, `${SITES_FILE} sites[${i}]`));
    for (const entry of entries) {
      expect(entry.site).toEqual(expect.stringMatching(/^[A-Za-z0-9 ._-]+$/));
      const videos = Array.isArray(entry.video) ? entry.video : [entry.video];
      expect(videos.length).toBeGreaterThan(0);
      for (const video of videos) expect(video).toEqual(expect.stringMatching(/\S/));
      if (entry['sample-fps'] !== undefined) expect(Number(entry['sample-fps'])).toBeGreaterThan(0);
      if (entry.enabled !== undefined) expect(typeof entry.enabled).toBe('boolean');
      expect(Object.keys(entry).filter((key) => !['site', 'video', 'sample-fps', 'enabled'].includes(key))).toEqual([]);
    }
    const names = entries.map((entry) => entry.site);
    expect(new Set(names).size).toBe(names.length);
  });
});
