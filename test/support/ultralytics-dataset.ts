/**
 * How Ultralytics finds a detection dataset's images and labels from its `data.yaml`, written from its
 * published code (`ultralytics/data/utils.py` `check_det_dataset` and `img2label_paths`,
 * `ultralytics/data/base.py` `get_img_files`), not from dataset-gen's writer:
 *
 * - the dataset root is `path` when given, else the yaml's folder; a relative `path` that exists is
 *   taken as it stands, i.e. from the working folder, and one that does not is put under Ultralytics'
 *   datasets folder;
 * - `train` and `val` (a string or a list) are joined to the root; a folder gives every image under it,
 *   a text file one path a line, where a line starting `./` is relative to the list file's folder
 *   (Python's `replace("./", parent)`, which replaces every `./` in the line) and any other line is
 *   taken as it stands (from the working folder);
 * - only names ending in an image suffix count, sorted;
 * - an image's label file is its path with the last `/images/` turned into `/labels/` and the suffix
 *   into `.txt`.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

const IMAGE_SUFFIXES = new Set(['bmp', 'dng', 'jpeg', 'jpg', 'mpo', 'png', 'tif', 'tiff', 'webp', 'pfm', 'heic']);
/** Where Ultralytics puts a dataset whose relative `path` does not exist (its settings' datasets_dir). */
export const ULTRALYTICS_DATASETS_DIR = '/ultralytics-settings/datasets';

export interface UltralyticsSplits {
  root: string;
  train: string[];
  val: string[];
  /** The label file Ultralytics reads for an image. */
  labelOf: (image: string) => string;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function imagesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.includes('.')).map((e) => path.join(e.parentPath, e.name));
}

async function imagesOf(entry: string, cwd: string): Promise<string[]> {
  const resolved = path.resolve(cwd, entry);
  const info = await stat(resolved).catch(() => null);
  if (info === null) throw new Error(`${resolved} does not exist`);
  let files: string[];
  if (info.isDirectory()) files = await imagesUnder(resolved);
  else {
    const parent = path.dirname(resolved) + path.sep;
    const lines = (await readFile(resolved, 'utf8')).trim().split(/\r?\n/);
    files = lines.map((line) => (line.startsWith('./') ? line.split('./').join(parent) : line)).map((line) => path.resolve(cwd, line));
  }
  const images = files.filter((f) => IMAGE_SUFFIXES.has(f.split('.').at(-1)!.toLowerCase())).sort();
  if (images.length === 0) throw new Error(`No images found in ${resolved}`);
  return images;
}

/** The splits Ultralytics reads from `yamlFile` (as given on its command line) when started in `cwd`. */
export async function ultralyticsSplits(yamlFile: string, cwd: string): Promise<UltralyticsSplits> {
  const data = parseYaml(await readFile(path.resolve(cwd, yamlFile), 'utf8')) as { path?: string; train?: string | string[]; val?: string | string[] };
  if (data.train === undefined || data.val === undefined) throw new Error("'train' and 'val' are required");
  let root = data.path !== undefined && data.path !== '' ? data.path : path.dirname(yamlFile);
  if (!(await exists(path.resolve(cwd, root))) && !path.isAbsolute(root)) root = path.join(ULTRALYTICS_DATASETS_DIR, root);
  const split = async (value: string | string[]): Promise<string[]> =>
    (await Promise.all((Array.isArray(value) ? value : [value]).map((v) => imagesOf(path.join(root, v), cwd)))).flat();
  const imagesSep = `${path.sep}images${path.sep}`;
  return {
    root: path.resolve(cwd, root),
    train: await split(data.train),
    val: await split(data.val),
    labelOf: (image) => {
      const at = image.lastIndexOf(imagesSep);
      const swapped = at < 0 ? image : `${image.slice(0, at)}${path.sep}labels${path.sep}${image.slice(at + imagesSep.length)}`;
      return `${swapped.slice(0, swapped.lastIndexOf('.'))}.txt`;
    },
  };
}
