import path from 'node:path';
import { describe, expect, test } from '@jest/globals';

import { UsageError } from '../../../src/errors.js';
import { resolveOptions, type RawOptions } from '../../../src/options/resolve-options.js';

const base: RawOptions = { video: ['in/site-a.mp4'], out: 'ds' };
const cwd = '/work/proj';

describe('resolveOptions', () => {
  test('defaults', () => {
    const options = resolveOptions(base, undefined, cwd);
    expect(options).toMatchObject({
      videos: ['/work/proj/in/site-a.mp4'],
      outDir: '/work/proj/ds',
      overwrite: false,
      resume: false,
      site: 'site-a',
      sampling: { mode: 'fps', fps: 1 },
      modelPath: null,
      modelConfig: 'yolov8n-coco',
      confidence: null,
      iou: null,
      classes: null,
      jpegQuality: 90,
      inferenceWorkers: 'auto',
      decode: 'auto',
      stallTimeoutSeconds: 60,
      downloadTimeoutSeconds: 600,
      exclude: [],
    });
    expect(options.dedupThreshold).toBeGreaterThanOrEqual(0);
    expect(resolveOptions({ ...base, 'stall-timeout': '2.5', 'download-timeout': '30' }, undefined, cwd)).toMatchObject({
      stallTimeoutSeconds: 2.5,
      downloadTimeoutSeconds: 30,
    });
  });

  test('values are parsed exactly', () => {
    const options = resolveOptions(
      {
        ...base,
        'every-n-frames': '30',
        confidence: '0.4',
        iou: '.5',
        classes: 'person, car,person',
        'dedup-threshold': '-1',
        'model-config': 'cfg/model.json',
        model: 'm.onnx',
        site: 'North Yard_2',
        'inference-workers': '3',
        decode: 'keyframes',
      },
      undefined,
      cwd,
    );
    expect(options.sampling).toEqual({ mode: 'every-n-frames', n: 30 });
    expect(options).toMatchObject({
      confidence: 0.4,
      iou: 0.5,
      classes: ['person', 'car'],
      dedupThreshold: -1,
      site: 'North Yard_2',
      inferenceWorkers: 3,
      decode: 'keyframes',
    });
    expect(resolveOptions({ ...base, decode: 'all' }, undefined, cwd).decode).toBe('all');
    expect(resolveOptions({ ...base, 'inference-workers': 'auto' }, undefined, cwd).inferenceWorkers).toBe('auto');
    expect(options.modelConfig).toBe(path.join(cwd, 'cfg/model.json'));
    expect(options.modelPath).toBe(path.join(cwd, 'm.onnx'));
  });

  test.each<[string, RawOptions, RegExp]>([
    ['no video', { out: 'x' }, /^Expected at least one video file for --video but received nothing$/],
    ['no out', { video: ['a.mp4'] }, /^Expected an output folder path for --out but received nothing$/],
    [
      'a video name with a line break',
      { ...base, video: ['in/north\ngate.mp4'] },
      /^Expected a video whose file name holds no control character \(images are named after it; rename the file\) for --video but received "in\/north\\ngate\.mp4"$/,
    ],
    ['a video name with NEL', { ...base, video: ['in/north\u0085gate.mp4'] }, /for --video but received "in\/north\\u0085gate\.mp4"$/],
    ['fps zero', { ...base, 'sample-fps': '0' }, /^Expected a number greater than 0 and at most 240 for --sample-fps but received "0"$/],
    ['fps text', { ...base, 'sample-fps': 'fast' }, /for --sample-fps but received "fast"$/],
    ['fps with unit', { ...base, 'sample-fps': '2fps' }, /for --sample-fps but received "2fps"$/],
    ['fps hex', { ...base, 'sample-fps': '0x10' }, /for --sample-fps but received "0x10"$/],
    [
      'both samplings',
      { ...base, 'sample-fps': '1', 'every-n-frames': '5' },
      /^Expected one of the two for --sample-fps and --every-n-frames but received "both"$/,
    ],
    ['n fractional', { ...base, 'every-n-frames': '2.5' }, /^Expected an integer from 1 to 1000000 for --every-n-frames but received "2.5"$/],
    ['confidence 1.5', { ...base, confidence: '1.5' }, /^Expected a number greater than 0 and at most 1 for --confidence but received "1.5"$/],
    ['iou negative', { ...base, iou: '-0.1' }, /for --iou but received "-0.1"$/],
    ['dedup too big', { ...base, 'dedup-threshold': '65' }, /^Expected an integer from -1 to 64 for --dedup-threshold but received "65"$/],
    ['jpeg quality', { ...base, 'jpeg-quality': '0' }, /for --jpeg-quality but received "0"$/],
    ['decode unknown', { ...base, decode: 'key' }, /^Expected one of auto, all, keyframes for --decode but received "key"$/],
    ['decode upper case', { ...base, decode: 'ALL' }, /for --decode but received "ALL"$/],
    ['workers zero', { ...base, 'inference-workers': '0' }, /^Expected "auto" or an integer from 1 to 16 for --inference-workers but received "0"$/],
    ['workers word', { ...base, 'inference-workers': 'many' }, /for --inference-workers but received "many"$/],
    ['workers fractional', { ...base, 'inference-workers': '1.5' }, /for --inference-workers but received "1.5"$/],
    ['classes empty item', { ...base, classes: 'person,,car' }, /for --classes but received "person,,car"$/],
    ['site with slash', { ...base, site: '../etc' }, /for --site but received "..\/etc"$/],
    ['same stems', { video: ['a/x.mp4', 'b/x.mov'], out: 'o' }, /for --video but received "two videos named x"$/],
    ['black above overexposed', { ...base, 'black-luma': '250', 'overexposed-luma': '240' }, /for --black-luma but received 250$/],
    [
      'unknown export',
      { ...base, export: 'yolo,voc' },
      /^Expected a comma-separated list of coco, yolo, label-studio, cvat for --export but received "yolo,voc"$/,
    ],
    ['stall timeout zero', { ...base, 'stall-timeout': '0' }, /^Expected a number greater than 0 and at most 86400 for --stall-timeout but received "0"$/],
    [
      'download timeout a word',
      { ...base, 'download-timeout': 'soon' },
      /^Expected a number greater than 0 and at most 86400 for --download-timeout but received "soon"$/,
    ],
    ['select zero', { ...base, select: '0' }, /^Expected an integer from 1 to 1000000 for --select but received "0"$/],
    [
      'select-only alone',
      { ...base, 'select-only': true },
      /^Expected to go with --select \(the number of frames to choose\) for --select-only but received "no budget"$/,
    ],
  ])('%s is refused with a message naming the option', (_name, raw, message) => {
    expect(() => resolveOptions(raw, undefined, cwd)).toThrow(UsageError);
    expect(() => resolveOptions(raw, undefined, cwd)).toThrow(message);
  });

  test('exports: COCO always, the rest in a fixed order; the labelling budget', () => {
    expect(resolveOptions(base, undefined, cwd)).toMatchObject({
      exports: ['coco'],
      labelStudioImages: '/data/local-files/?d=images/',
      select: null,
      selectOnly: false,
    });
    const options = resolveOptions(
      { ...base, export: ' CVAT, yolo,label-studio,yolo', select: '25', 'select-only': true, 'label-studio-images': 'https://files.example/ds/' },
      undefined,
      cwd,
    );
    expect(options).toMatchObject({
      exports: ['coco', 'yolo', 'label-studio', 'cvat'],
      select: 25,
      selectOnly: true,
      labelStudioImages: 'https://files.example/ds/',
    });
  });

  test('--model takes a file or an https URL, optionally pinned', () => {
    const sha = 'a'.repeat(64);
    expect(resolveOptions({ ...base, model: 'https://models.example/m.onnx', 'model-sha256': sha }, undefined, cwd)).toMatchObject({
      modelPath: null,
      modelUrl: 'https://models.example/m.onnx',
      modelSha256: sha,
    });
    expect(resolveOptions({ ...base, model: 'w/m.onnx' }, undefined, cwd)).toMatchObject({ modelPath: '/work/proj/w/m.onnx', modelUrl: null });
    expect(() => resolveOptions({ ...base, model: 'http://models.example/m.onnx' }, undefined, cwd)).toThrow(
      /^Expected an ONNX file path or an https:\/\/ URL for --model but received "http:\/\/models.example\/m.onnx"$/,
    );
    expect(() => resolveOptions({ ...base, model: 'm.onnx', 'model-sha256': 'ABC' }, undefined, cwd)).toThrow(/for --model-sha256 but received "ABC"/);
    expect(() => resolveOptions({ ...base, 'model-sha256': sha }, undefined, cwd)).toThrow(/for --model but received nothing/);
  });

  test.each([
    ['my video; touch X $(touch Y).mp4', 'my video- touch X -touch Y-'],
    ['__cam #3__.mp4', 'cam -3__'],
    ['étage nord.mov', 'étage nord'],
    ['$$$.mp4', 'site'],
  ])('a default site name from the file name %j is made valid: %j', (file, site) => {
    const options = resolveOptions({ video: [file], out: 'ds' }, undefined, cwd);
    expect(options.site).toBe(site);
    expect(resolveOptions({ video: [file], out: 'ds', site: options.site }, undefined, cwd).site).toBe(site);
  });

  test('a site the user typed is still checked', () => {
    expect(() => resolveOptions({ video: ['a.mp4'], out: 'ds', site: '$$$' }, undefined, cwd)).toThrow(/for --site but received "\$\$\$"/);
  });

  test('the caller chooses how option names are shown', () => {
    expect(() => resolveOptions({ ...base, confidence: 'high' }, (key) => `input "${key}"`, cwd)).toThrow(/for input "confidence" but received "high"/);
  });
});

describe('parseCliArgs', () => {
  test('a negative number after a value option is its value', async () => {
    const { parseCliArgs } = await import('../../../src/cli/args.js');
    const args = parseCliArgs(['run', '--video', 'a.mp4', '--out', 'o', '--dedup-threshold', '-1'], {});
    expect(args.raw['dedup-threshold']).toBe('-1');
    const resolved = resolveOptions(args.raw, undefined, cwd);
    expect(resolved.dedupThreshold).toBe(-1);
  });

  test('--exclude repeats, each path made absolute in the order given', async () => {
    const { parseCliArgs } = await import('../../../src/cli/args.js');
    const args = parseCliArgs(['run', '--video', 'a.mp4', '--out', 'o', '--exclude', 'round-1', '--exclude', '/labels/result.json'], {});
    expect(resolveOptions(args.raw, undefined, cwd).exclude).toEqual(['/work/proj/round-1', '/labels/result.json']);
  });

  test('DATASET_GEN_MODEL is the default for --model', async () => {
    const { parseCliArgs } = await import('../../../src/cli/args.js');
    expect(parseCliArgs(['run', '--video', 'a.mp4'], { DATASET_GEN_MODEL: '/m.onnx' }).raw.model).toBe('/m.onnx');
    expect(parseCliArgs(['run', '--video', 'a.mp4', '--model', 'x.onnx'], { DATASET_GEN_MODEL: '/m.onnx' }).raw.model).toBe('x.onnx');
  });
});

describe('did you mean', () => {
  test('closestName: another case, a few typos, or the one name it is a part of; nothing when nothing is close', async () => {
    const { closestName } = await import('../../../src/errors.js');
    const names = ['person', 'car', 'truck', 'sample-fps', 'every-n-frames'];
    expect(closestName('Person', names)).toBe('person');
    expect(closestName('persn', names)).toBe('person');
    expect(closestName('trukc', names)).toBe('truck');
    expect(closestName('fps', names)).toBe('sample-fps');
    expect(closestName('unicorn', names)).toBeUndefined();
    expect(closestName('', names)).toBeUndefined();
  });

  test('an unknown option or command gets the closest one, one line', async () => {
    const { parseCliArgs } = await import('../../../src/cli/args.js');
    const message = (argv: string[]): string => {
      try {
        parseCliArgs(argv, {});
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    };
    expect(message(['run', '--video', 'a.mp4', '--fps', '2'])).toBe("Unknown option '--fps' (did you mean --sample-fps?); see dataset-gen run --help");
    expect(message(['run', '--ovewrite'])).toBe("Unknown option '--ovewrite' (did you mean --overwrite?); see dataset-gen run --help");
    expect(message(['run', '--model-sha', 'x'])).toBe("Unknown option '--model-sha' (did you mean --model-sha256?); see dataset-gen run --help");
    expect(message(['run', '--zzz'])).toBe("Unknown option '--zzz'; see dataset-gen run --help");
    expect(message(['rnu'])).toBe(
      'Unknown command "rnu" (did you mean `dataset-gen run`?); the commands are `dataset-gen run`, `dataset-gen merge`, `dataset-gen diff`, `dataset-gen cost` and `dataset-gen doctor` (see dataset-gen --help)',
    );
    expect(message(['docter'])).toMatch(/^Unknown command "docter" \(did you mean `dataset-gen doctor`\?\)/);
    expect(message(['merg'])).toMatch(/^Unknown command "merg" \(did you mean `dataset-gen merge`\?\)/);
  });

  test("merge takes a labelling budget of its own, validated as run's", async () => {
    const { parseCliArgs } = await import('../../../src/cli/args.js');
    const { labellingBudget } = await import('../../../src/options/resolve-options.js');
    const merge = (argv: string[]): ReturnType<typeof parseCliArgs> => parseCliArgs(['merge', 'a', 'b', '--out', 'm', ...argv], {});
    expect(merge([]).raw).toEqual({ out: 'm', overwrite: false });
    expect(labellingBudget(merge([]).raw)).toEqual({ select: null, selectOnly: false });
    expect(merge(['--select', '40', '--select-only']).parts).toEqual(['a', 'b']);
    expect(labellingBudget(merge(['--select', '40', '--select-only']).raw)).toEqual({ select: 40, selectOnly: true });
    expect(() => labellingBudget(merge(['--select', '0']).raw)).toThrow(/--select/);
    expect(() => labellingBudget(merge(['--select-only']).raw)).toThrow('--select-only');
  });

  test('no arguments at all is the usage case (the CLI prints it on stderr and exits 2), --help is not', async () => {
    const { parseCliArgs } = await import('../../../src/cli/args.js');
    expect(parseCliArgs([], {}).command).toBe('usage');
    expect(parseCliArgs(['--help'], {}).command).toBe('help');
  });
});
