/** Frame rows (`FrameRecord`) made in tests: kept when the reason is null, else dropped for it. */
import type { DropReason } from '../../src/domain/drop-reason.js';
import type { FrameRecord } from '../../src/domain/frame-record.js';

export interface RowFields {
  video: string;
  frameIndex: number;
  /** Default: frameIndex × 1000. */
  timestampMs?: number;
  lumaMean?: number | null;
  blurScore?: number | null;
  phashDistance?: number | null;
  localChange?: number | null;
  /** Kept rows only. */
  detections?: number;
  inferenceMs?: number;
  imageFile?: string;
}

export function frameRow(fields: RowFields, reason: DropReason | null = null): FrameRecord {
  const { detections = 0, inferenceMs = 0, imageFile, ...rest } = fields;
  const base = { timestampMs: fields.frameIndex * 1000, lumaMean: 100, blurScore: 250, phashDistance: null, localChange: null, ...rest };
  if (reason !== null) return { ...base, outcome: 'dropped', reason };
  const file = imageFile ?? `${fields.video}_${String(fields.frameIndex).padStart(6, '0')}.jpg`;
  return { ...base, outcome: 'kept', detections, inferenceMs, imageFile: file };
}
