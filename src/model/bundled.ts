/**
 * The weights that ship with the tool: `models/` beside dataset-gen's package.json, the same folder in
 * a checkout, an npm install (`files` in package.json) and the image (/opt/dataset-gen/models).
 */
import path from 'node:path';

import { packageRoot } from '../version.js';

/** The preset `yolov8n-coco`'s weights (models/README.md: provenance, sha256, licence). */
export const BUNDLED_MODEL_FILE = 'yolov8n.onnx';

/** The bundled models folder, or null when the running code is not inside a dataset-gen package. */
export function bundledModelsDir(): string | null {
  const root = packageRoot();
  return root === null ? null : path.join(root, 'models');
}
