/**
 * What a run is asked to do, validated: the library's input. The doors (CLI, Action) build it with
 * `resolveOptions` (src/options.ts) from what their users typed, and name each option in their own
 * spelling through a `NameOf`.
 */
import type { ExportFormat } from './exports.js';
import type { Sampling } from './sampling.js';
import type { QualityThresholds } from './thresholds.js';
import type { TimeRange } from './time-range.js';

/**
 * How frames are decoded (`--decode`): `all` decodes every frame and samples on the time grid;
 * `keyframes` decodes only the keyframe nearest each sampling slot (within half the interval) and
 * decodes exactly a slot with none that near; `auto` chooses per video from its keyframe spacing
 * (pipeline/decode/keyframe-choice.ts `chooseDecodeMode`).
 */
export type DecodeMode = 'all' | 'keyframes';
export type DecodeOption = 'auto' | DecodeMode;
export const DECODE_OPTIONS: readonly DecodeOption[] = ['auto', 'all', 'keyframes'];

/** Which classes the exports declare (`--labels`): those the dataset holds, or the model's full list. */
export const LABELS_OPTIONS = ['dataset', 'all'] as const;
export type LabelsOption = (typeof LABELS_OPTIONS)[number];

/**
 * The model input's shape (`--inference-shape`): `auto` letterboxes each video into the smallest
 * multiples of the model's stride that hold its aspect at the model's size, on the square's stride
 * grid (768x576 → 640x512,
 * 1920x1080 → 640x384), `square` into the model's square (detect/input-shape.ts).
 */
export const INFERENCE_SHAPE_OPTIONS = ['auto', 'square'] as const;
export type InferenceShapeOption = (typeof INFERENCE_SHAPE_OPTIONS)[number];

/** Inference workers: sessions detecting different batches at once (`auto`: 2 on a CPU with 2+ cores, 1 on a GPU). */
export type WorkerCount = number | 'auto';

export interface Options {
  /** Absolute paths of the input videos, in the order given. */
  videos: string[];
  /** Absolute path of the dataset folder to create. */
  outDir: string;
  overwrite: boolean;
  /** Continue an interrupted run into the same `outDir` from its checkpoint (see pipeline/output/checkpoint.ts). */
  resume: boolean;
  site: string;
  sampling: Sampling;
  /** How frames are decoded; see DecodeOption. */
  decode: DecodeOption;
  /** The part of every video to process; null for the whole video. */
  timeRange: TimeRange | null;
  /** ONNX weights given directly as a file (overrides the model config's source). */
  modelPath: string | null;
  /** ONNX weights given directly as an https:// URL (overrides the model config's source). */
  modelUrl: string | null;
  /** Expected sha256 of the weights given with `model`; a mismatch is refused. */
  modelSha256: string | null;
  /** A preset name or a model-config JSON path. */
  modelConfig: string;
  /** Hamming distance at or below which a frame is a duplicate of the last kept one; -1 disables. */
  dedupThreshold: number;
  /** Local change (luma levels, 0-255) at or below which a frame within the pHash threshold is a duplicate. */
  dedupLocalThreshold: number;
  /** Overrides of the model config's values; null keeps the config's. */
  confidence: number | null;
  iou: number | null;
  maxDetections: number | null;
  /** Class names to keep; null keeps all. */
  classes: string[] | null;
  quality: QualityThresholds;
  jpegQuality: number;
  inferenceWorkers: WorkerCount;
  /** The model input's shape per video; see InferenceShapeOption. */
  inferenceShape: InferenceShapeOption;
  ffmpegPath: string | null;
  /** Prometheus Pushgateway to push the run's metrics to (job dataset-gen, grouped by site). */
  pushgatewayUrl: string | null;
  /** CSV file to append one row per run to. */
  historyCsv: string | null;
  /** Execution providers to try in order (`cuda`, `cpu`), overriding the model config's; null keeps the config's. */
  executionProviders: ('cpu' | 'cuda')[] | null;
  /** USD per runner-hour, to show the run's cost in the report; null: no cost shown. */
  pricePerHour: number | null;
  /** Annotation formats to write, in the order of EXPORT_FORMATS; always holds `coco`. */
  exports: ExportFormat[];
  /** Put before an image's file name to make its reference in the Label Studio tasks. */
  labelStudioImages: string;
  /** Share of each video's images in the YOLO export's validation split, in blocks of time; 0: none. */
  valFraction: number;
  /** Which classes the exports declare: those the dataset holds (or `classes`), or the model's full list. */
  labels: LabelsOption;
  /** Kept frames to choose for labelling (the labelling budget); null chooses none. */
  select: number | null;
  /** The exports hold only the selected frames (needs `select`). */
  selectOnly: boolean;
  /** The score a detection must reach for its class to count as shown in a frame, for the selection. */
  selectConfidence: number;
  /** Refuse a truncated video instead of using its decodable part. */
  strict: boolean;
  /** Absolute paths of labelled COCO files or dataset folders whose frames are not written again (`--exclude`). */
  exclude: string[];
  /** Seconds ffprobe may take, and ffmpeg or a model download may go without progress, before they are stopped. */
  stallTimeoutSeconds: number;
  /** Seconds a model download may take in all, retries included. */
  downloadTimeoutSeconds: number;
}

/** The canonical option names: the CLI's flags without `--`; the Action maps its inputs onto them. */
export type OptionKey =
  | 'video'
  | 'out'
  | 'overwrite'
  | 'resume'
  | 'site'
  | 'sample-fps'
  | 'every-n-frames'
  | 'decode'
  | 'start'
  | 'end'
  | 'model'
  | 'model-sha256'
  | 'model-config'
  | 'dedup-threshold'
  | 'dedup-local-threshold'
  | 'confidence'
  | 'iou'
  | 'max-detections'
  | 'classes'
  | 'black-luma'
  | 'overexposed-luma'
  | 'blur-threshold'
  | 'blur-ratio'
  | 'blur-window'
  | 'jpeg-quality'
  | 'inference-workers'
  | 'inference-shape'
  | 'ffmpeg-path'
  | 'pushgateway-url'
  | 'history-csv'
  | 'price-per-hour'
  | 'execution-providers'
  | 'export'
  | 'label-studio-images'
  | 'val-fraction'
  | 'labels'
  | 'select'
  | 'select-only'
  | 'select-confidence'
  | 'strict'
  | 'exclude'
  | 'stall-timeout'
  | 'download-timeout';

/** How an option is shown to the user: `--sample-fps` for the CLI, `input "sample-fps"` for the Action. */
export type NameOf = (key: OptionKey) => string;

/** The CLI's spelling, and the library's default. */
export const cliName: NameOf = (key) => `--${key}`;
