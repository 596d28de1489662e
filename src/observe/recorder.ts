/**
 * The run's recorder: every stage reports what it did here, and nothing else keeps counts. Metrics,
 * CSV and reports are computed from it once, at the end of the run.
 */
import type { ExportRecord } from '../domain/exports.js';
import type { FrameRecord, KeptImage, VideoRecord } from '../domain/frame-record.js';
import type { FrameFeatures, Selection } from '../domain/selection.js';
import type { Stage } from '../domain/stages.js';

/** What metrics and reports read from a run: a recorder, or the parts of merged datasets read back. */
export type RunRecord = Pick<RunRecorder, 'stageMs' | 'frames' | 'videos' | 'kept' | 'wallMs' | 'exports' | 'selection' | 'exportsOnlySelected'>;

export class RunRecorder {
  readonly stageMs: Record<Stage, number> = { probe: 0, extract: 0, quality: 0, dedup: 0, detect: 0, write: 0 };
  /** Frame rows in sampling order; a kept frame's row is filled in when its detections arrive. */
  private readonly frameSlots: (FrameRecord | undefined)[] = [];
  readonly videos: VideoRecord[] = [];
  readonly kept: KeptImage[] = [];
  /** What each kept image looks like (by image file), for the labelling budget. */
  readonly features = new Map<string, FrameFeatures>();
  /** The exports written, in the order of EXPORT_FORMATS. */
  readonly exports: ExportRecord[] = [];
  /** The labelling budget's choice, when `--select` was given. */
  selection: Selection | null = null;
  /** The exports hold only the selected frames (`--select-only`). */
  exportsOnlySelected = false;
  private readonly startedAt = performance.now();
  private finishedAt: number | null = null;

  /** Runs `work`, adding its wall time to `stage`. */
  async time<T>(stage: Stage, work: () => Promise<T> | T): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.stageMs[stage] += performance.now() - start;
    }
  }

  addStageTime(stage: Stage, ms: number): void {
    this.stageMs[stage] += ms;
  }

  recordVideo(video: VideoRecord): void {
    this.videos.push(video);
  }

  recordFrame(frame: FrameRecord): void {
    this.frameSlots.push(frame);
  }

  /**
   * Holds the next row's place in sampling order for a frame whose outcome is not complete yet (a
   * kept frame waiting for its detections); the returned function records it there.
   */
  reserveFrame(): (frame: FrameRecord) => void {
    const slot = this.frameSlots.length;
    this.frameSlots.push(undefined);
    return (frame) => {
      if (this.frameSlots[slot] !== undefined) throw new Error(`frame row ${slot} was recorded twice`);
      this.frameSlots[slot] = frame;
    };
  }

  /** The recorded frame rows, in sampling order (rows still reserved are left out). */
  get frames(): FrameRecord[] {
    return this.frameSlots.filter((frame): frame is FrameRecord => frame !== undefined);
  }

  recordKept(image: KeptImage): void {
    this.kept.push(image);
  }

  recordFeatures(file: string, features: FrameFeatures): void {
    this.features.set(file, features);
  }

  recordExport(record: ExportRecord): void {
    this.exports.push(record);
  }

  recordSelection(selection: Selection, exportsOnlySelected: boolean): void {
    this.selection = selection;
    this.exportsOnlySelected = exportsOnlySelected;
  }

  finish(): void {
    this.finishedAt ??= performance.now();
  }

  get wallMs(): number {
    return (this.finishedAt ?? performance.now()) - this.startedAt;
  }
}
