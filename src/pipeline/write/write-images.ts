/** Stage 6a: one JPEG per kept frame, under a deterministic name. */
import path from 'node:path';
import sharp from 'sharp';

import { DATASET_FILES } from '../../domain/dataset-files.js';
import type { Frame } from '../../domain/frame.js';

/**
 * Encodes the frame as a baseline JPEG (no metadata, so the bytes depend on the pixels only). Huffman
 * tables are the standard ones: optimising them costs 2.5x the encoding time for a few % of size.
 */
export async function writeFrameJpeg(frame: Frame, datasetDir: string, quality: number, name: string): Promise<string> {
  const file = path.join(datasetDir, DATASET_FILES.images, name);
  await sharp(frame.rgb, { raw: { width: frame.width, height: frame.height, channels: 3 } })
    .jpeg({ quality, chromaSubsampling: '4:2:0', mozjpeg: false, optimiseCoding: false })
    .toFile(file);
  return file;
}
