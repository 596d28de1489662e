/**
 * The annotation formats a dataset can be exported to (`--export`), and what the run records about
 * each one it wrote. Every export is made from the COCO records of the run (domain/coco.ts), never by
 * detecting again; the files they write are listed in dataset-files.ts (`EXPORT_FILES`).
 */
import { findControlCharacter } from './control-characters.js';

export const EXPORT_FORMATS = ['coco', 'yolo', 'label-studio', 'cvat'] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Label Studio's local-files storage: `/data/local-files/?d=<path under LOCAL_FILES_DOCUMENT_ROOT>`. */
export const LABEL_STUDIO_LOCAL_FILES = '/data/local-files/?d=';

/** Where Label Studio finds the images unless told otherwise: its local-files storage, rooted at the dataset folder. */
export const DEFAULT_LABEL_STUDIO_IMAGES = `${LABEL_STUDIO_LOCAL_FILES}images/`;

/** What `isLabelStudioImagePrefix` accepts, worded for "Expected … for --label-studio-images". */
export const LABEL_STUDIO_IMAGES_EXPECTED = `an http:// or https:// URL, Label Studio's local-files path (${LABEL_STUDIO_LOCAL_FILES}<folder>/) or a relative folder path (such as images/), without control characters`;

/** `http://` or `https://` and a host (a browser reads `https:///x` as host `x`). */
const HTTP_URL = /^https?:\/\/(?![/\\])/i;
/** A file name to put after a prefix, and a page to resolve a relative prefix against, to see where the result points. */
const PROBE_FILE = 'v_000001.jpg';
const PROBE_PAGE = 'http://label-studio.invalid/projects/1/';

function parseUrl(text: string, base?: string): URL | null {
  try {
    return new URL(text, base);
  } catch {
    return null;
  }
}

/** An http(s) URL whose host a file name put after it does not change (`https://host` + `a.jpg` would). */
function isHttpPrefix(prefix: string): boolean {
  const base = parseUrl(prefix);
  const image = parseUrl(prefix + PROBE_FILE);
  return base !== null && image !== null && base.host !== '' && image.protocol === base.protocol && image.host === base.host;
}

/**
 * A relative path: no leading `/` or `\` (an absolute path, or `//host`, which a browser reads as
 * another site), no leading space (a browser drops it, so " javascript:" is a scheme), no `:` in the
 * first segment (a scheme: `javascript:`, `data:`, `C:`); and, as a browser resolves it, it stays on
 * the page's own site.
 */
function isRelativePrefix(prefix: string): boolean {
  if (/^[\s/\\]/.test(prefix)) return false;
  if ((prefix.split(/[/?#]/, 1)[0] ?? '').includes(':')) return false;
  const image = parseUrl(prefix + PROBE_FILE, PROBE_PAGE);
  return image !== null && image.origin === new URL(PROBE_PAGE).origin;
}

/**
 * Whether `prefix` may be put before image file names in Label Studio tasks (`--label-studio-images`):
 * an http(s) URL, Label Studio's local-files path (`/data/local-files/?d=…`) or a relative path, with
 * no control character anywhere. Anything else is refused: other schemes (`javascript:`, `data:`,
 * `file:`, `vbscript:`, …) would run or read something when Label Studio loads the image, and other
 * absolute paths name a Label Studio endpoint rather than a file.
 */
export function isLabelStudioImagePrefix(prefix: string): boolean {
  if (findControlCharacter(prefix) !== null) return false;
  if (prefix.startsWith(LABEL_STUDIO_LOCAL_FILES)) return true;
  if (HTTP_URL.test(prefix)) return isHttpPrefix(prefix);
  return isRelativePrefix(prefix);
}

/** One export the run wrote. */
export interface ExportRecord {
  format: ExportFormat;
  /** Its files and folders, relative to the dataset folder. */
  files: string[];
  images: number;
  boxes: number;
}

/** The YOLO export's default validation share of each video's images (`--val-fraction`). */
export const DEFAULT_VAL_FRACTION = 0.1;
/** The largest validation share accepted: beyond half, the split would train on the smaller part. */
export const MAX_VAL_FRACTION = 0.5;
