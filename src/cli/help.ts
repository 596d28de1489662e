/**
 * The CLI's help: an overview of the commands (`dataset-gen --help`, and the usage on stderr when
 * called without arguments) and each command's own (`dataset-gen <command> --help`). Every number a
 * help text gives carries its unit; test/unit/cli/help.test.ts checks that and that each command's
 * help lists every option its parser takes.
 */
import { DEFAULT_LABEL_STUDIO_IMAGES, DEFAULT_VAL_FRACTION } from '../domain/exports.js';
import { DEFAULT_SELECT_CONFIDENCE } from '../domain/selection.js';
import { DEFAULT_DEDUP_LOCAL_THRESHOLD, DEFAULT_DEDUP_THRESHOLD, DEFAULT_QUALITY_THRESHOLDS, HASH_BITS, LOCAL_CHANGE_MAX } from '../domain/thresholds.js';
import { DEFAULT_DOWNLOAD_TIMEOUT_SECONDS, DEFAULT_STALL_TIMEOUT_SECONDS } from '../domain/timeouts.js';
import { EXIT_CODES } from '../errors.js';
import { DEFAULT_PRESET, MAX_INFERENCE_WORKERS, PRESETS } from '../index.js';
import type { HelpTopic } from './args.js';
import { COST_HELP } from './cost.js';
import { DIFF_HELP } from './diff.js';
import { DOCTOR_HELP } from './doctor.js';

const q = DEFAULT_QUALITY_THRESHOLDS;
const preset = PRESETS[DEFAULT_PRESET]!;
const percent = (fraction: number): string => `${fraction} = ${Math.round(fraction * 100)} %`;

const EXIT_CODE_LIST = Object.entries(EXIT_CODES)
  .map(([name, code]) => `  ${String(code).padStart(3)}  ${name}`)
  .join('\n');

/** `dataset-gen --help`: what the tool does, its commands, where to read more. */
export const OVERVIEW_HELP = `dataset-gen — turn site video into a pre-tagged COCO dataset

Usage:
  dataset-gen run --video <file> [--video <file> ...] --out <dir> [options]
  dataset-gen merge <dataset>... --out <dir> [options]
  dataset-gen diff <baseline> <dataset> [options]
  dataset-gen cost [options]
  dataset-gen doctor [options]
  dataset-gen <command> --help
  dataset-gen --help | --version

Samples frames from video, drops dark, overexposed, blurred and duplicate ones, detects objects with
an ONNX model (YOLOv8n on COCO's 80 classes bundled) and writes images, COCO annotations, optional
YOLO, CVAT and Label Studio exports, metrics and a report, ready to correct in a labelling tool.

Commands:
  run       sample, filter and pre-tag video frames into a dataset folder
  merge     join datasets made with the same model and config (e.g. time ranges of one video)
  diff      what changed from a baseline dataset to a new one: settings, images, classes, frames, boxes
  cost      estimate the runners and monthly cost of processing many sites' video
  doctor    check what this machine would run on: execution providers, GPU, ffmpeg and NVDEC
  help      this overview; \`dataset-gen help <command>\` is the same as \`dataset-gen <command> --help\`

Example:
  dataset-gen run --video site.mp4 --out dataset --sample-fps 1 --export yolo,cvat

Run \`dataset-gen <command> --help\` for a command's options, examples and exit codes.
`;

/** `dataset-gen run --help`. */
export const RUN_HELP = `dataset-gen run — sample, filter and pre-tag video frames into a dataset

Usage:
  dataset-gen run --video <file> [--video <file> ...] --out <dir> [options]

Input and output:
  --video <file>            input video; repeat for several (required)
  --out <dir>               dataset folder to create (required); written to a temporary
                            sibling and renamed into place when the run succeeds
  --overwrite               replace --out when it holds a previous dataset (default: refuse);
                            never /, the home or working folder, or a folder holding an input
  --resume                  continue a run into --out that was killed or interrupted, from
                            what it finished (same options and inputs, else refused)
  --strict                  refuse a truncated video instead of using the frames that decode
  --site <name>             site name recorded in COCO, metrics and report
                            (default: the first video's file name without extension)

Sampling:
  --sample-fps <n>          frames to sample per second of video, up to 240 frames/s
                            (frames per second; default: 1 frame/s)
  --every-n-frames <n>      sample every n-th decoded frame instead of a rate (frames;
                            default: none, --sample-fps applies)
  --start <time>            process each video from this time: seconds (90.5 s) or hh:mm:ss
                            (default: its start); frame indices and timestamps stay those of
                            the whole video, so ranges can be merged (dataset-gen merge)
  --end <time>              stop before this time, written as --start (default: the video's end)
  --decode <mode>           auto, all or keyframes (default: auto). keyframes decodes only the
                            keyframe nearest each sample (within half the sampling interval; a
                            sample with none that near is decoded exactly); all decodes every
                            frame; auto takes keyframes when they are at most one sampling
                            interval apart and there are at least 4 frames per keyframe

Filtering:
  --dedup-threshold <bits>  drop a frame whose ${HASH_BITS}-bit pHash differs from the last kept
                            frame's in at most this many bits (Hamming distance); -1 disables
                            (bits, 0-${HASH_BITS}; default: ${DEFAULT_DEDUP_THRESHOLD} bits)
  --dedup-local-threshold <levels>
                            drop it only if also no cell of a 32x32-cell luma grid changed by
                            more than this; ${LOCAL_CHANGE_MAX} leaves it to the pHash (luma levels, 0-255;
                            default: ${DEFAULT_DEDUP_LOCAL_THRESHOLD} levels)
  --black-luma <levels>     drop frames with mean luma below this (luma levels, 0-255;
                            default: ${q.blackLuma} levels)
  --overexposed-luma <levels>
                            drop frames with mean luma above this (luma levels, 0-255;
                            default: ${q.overexposedLuma} levels)
  --blur-ratio <0-1>        drop frames whose blur score (variance of the Laplacian) is below
                            this fraction of the median of the video's recent frames; 0 disables
                            (fraction, 0-1; default: ${percent(q.blurRatio)})
  --blur-window <frames>    recent frames that make that median (frames; default: ${q.blurWindow} frames)
  --blur-threshold <n>      also drop frames whose blur score is below this, whatever the video;
                            0 disables (squared luma levels; default: ${q.blurThreshold === 0 ? 'off' : `${q.blurThreshold} levels²`})

Detection:
  --model <file.onnx|url>   ONNX weights, a file or an https:// URL downloaded into the cache
                            (default: $DATASET_GEN_MODEL, else the model config's source;
                            the preset's is the bundled models/yolov8n.onnx)
  --model-sha256 <hex>      expected sha256 of --model; a different file is refused
  --model-config <file|preset>
                            model config JSON or preset (default: ${DEFAULT_PRESET};
                            presets: ${Object.keys(PRESETS).join(', ')})
  --confidence <0-1>        minimum detection score (fraction, 0-1; default: the model
                            config's, ${percent(preset.confidence ?? 0)} in the preset)
  --iou <0-1>               IoU threshold of non-maximum suppression (fraction, 0-1; default:
                            the model config's, ${percent(preset.iou ?? 0)} in the preset)
  --max-detections <n>      detections kept per image, 1-10000 (default: the model config's,
                            ${preset.maxDetections} detections in the preset)
  --execution-providers <list>
                            onnxruntime providers in order, e.g. cuda,cpu (default: the model
                            config's, cpu); CUDA that cannot load falls back to the CPU with a warning
  --inference-shape <auto|square>
                            the model input each video is letterboxed into: auto = the video's
                            aspect in multiples of the model's stride (1920x1080 → 640x384,
                            768x576 → 640x512), square = the model's square (default: auto)
  --classes <a,b,...>       keep only these class names (default: all)

Labelling:
  --export <formats>        annotation formats beside annotations/instances.json, comma-separated:
                            coco, yolo, label-studio, cvat (default: coco; COCO is always written)
  --label-studio-images <prefix>
                            put before each image's file name in the Label Studio tasks: an
                            http(s) URL prefix, Label Studio's local-files path or a relative
                            folder (other schemes are refused)
                            (default: ${DEFAULT_LABEL_STUDIO_IMAGES})
  --val-fraction <0-0.5>    share of each video's images in the YOLO export's validation split
                            (val.txt), in blocks of time; 0 for none (default: ${DEFAULT_VAL_FRACTION} = ${DEFAULT_VAL_FRACTION * 100} %)
  --labels <dataset|all>    classes the exports declare: those the dataset holds (or --classes),
                            or all the model's (default: dataset)
  --select <n>              labelling budget: choose n kept frames to label (every class seen,
                            rarest first, then the least alike), written to selection.json
                            (frames; default: none)
  --select-only             the exports hold only the selected frames (needs --select)
  --select-confidence <0-1> score a detection must reach for its class to count as shown when
                            choosing; frames mostly below it are picked as uncertain
                            (default: ${DEFAULT_SELECT_CONFIDENCE} = ${DEFAULT_SELECT_CONFIDENCE * 100} %)
  --exclude <coco.json|dir> frames already labelled: a labelled COCO file (images beside it or
                            in images/) or a dataset folder; they are not written again and count
                            as "labelled"; repeat for several (default: none)

Output and tools:
  --jpeg-quality <1-100>    JPEG quality of the images (quality on a 1-100 scale; default: 90 of 100)
  --inference-workers <n>   model sessions detecting different frames at once, each holding a copy
                            of the model, 1-${MAX_INFERENCE_WORKERS} (sessions; default: auto = 2 sessions on a CPU
                            with at least 2 cores, 1 session with CUDA)
  --ffmpeg-path <path>      ffmpeg binary (ffprobe beside it) or their folder
                            (default: PATH, then the bundled npm binaries)
  --stall-timeout <s>       stop ffprobe when it gives no answer, and ffmpeg or a model download
                            when it makes no progress, for this long (seconds; default: ${DEFAULT_STALL_TIMEOUT_SECONDS} s)
  --download-timeout <s>    a model download may take this long in all, retries included
                            (seconds; default: ${DEFAULT_DOWNLOAD_TIMEOUT_SECONDS} s)
  --pushgateway-url <url>   push the run's Prometheus metrics to this Pushgateway, job
                            dataset-gen, grouped by site; a failed push is a warning (default: none)
  --history-csv <file>      append one row per run to this CSV (created with a header) (default: none)
  --price-per-hour <usd/h>  price of the machine: the report shows the run's cost and its cost per
                            video-hour (USD per hour; default: none; compute time is always shown)
  --log-format text|json    log lines on stderr (default: text)
  --debug                   print stack traces of errors
  -h, --help                this help

Environment:
  DATASET_GEN_MODEL         default for --model
  DATASET_GEN_CACHE         download cache for URL model sources (default: ~/.cache/dataset-gen)

Examples:
  # one frame per second of a video, with YOLO and CVAT exports beside COCO
  dataset-gen run --video site.mp4 --out dataset --sample-fps 1 --export yolo,cvat

  # continue that run after it was killed, with the same options
  dataset-gen run --video site.mp4 --out dataset --sample-fps 1 --export yolo,cvat --resume

  # a long video in two jobs of half an hour each, then one dataset
  dataset-gen run --video day.mp4 --out part-1 --end 00:30:00
  dataset-gen run --video day.mp4 --out part-2 --start 00:30:00 --end 01:00:00
  dataset-gen merge part-1 part-2 --out dataset

  # 200 frames to label first, and a Label Studio import of only those
  dataset-gen run --video site.mp4 --out dataset --select 200 --select-only --export label-studio

Exit codes:
${EXIT_CODE_LIST}
`;

/** `dataset-gen merge --help`. */
export const MERGE_HELP = `dataset-gen merge — join datasets into one

Usage:
  dataset-gen merge <dataset>... --out <dir> [options]

Joins datasets made by dataset-gen run with the same tool version, model and config (e.g. the time
ranges of a long video, processed by separate jobs) into one: the images and annotations of each with
new unique ids, metrics and report computed again, the labelling budget chosen again over all the
frames, the parts listed in manifest.json. Each part is read as untrusted: a file that is not what
dataset-gen writes there (a link, a FIFO, an image name that is not its frame's) is refused, naming
the part and the file. Parts made with another model or config are refused (exit code ${EXIT_CODES.config}), and
so are parts whose time ranges overlap, or that leave a stretch of a video uncovered unless
--allow-gaps is given (exit code ${EXIT_CODES.usage}).

Arguments:
  <dataset>...              dataset folders to join, one or more (required)

Options:
  --out <dir>               merged dataset folder to create (required); written to a temporary
                            sibling and renamed into place when the merge succeeds
  --overwrite               replace --out when it holds a previous dataset (default: refuse)
  --select <n>              a labelling budget of the merge's own: choose n frames over all the
                            merged frames instead of the parts' budget; every part must have been
                            made with --select (any n), as it chooses from their
                            selection-features.json (frames; default: the parts' own budget, if any)
  --select-only             the exports hold only the selected frames (needs --select)
  --label-studio-images <prefix>
                            put before each image's file name in the merged Label Studio tasks;
                            the parts' own prefixes are not used
                            (default: ${DEFAULT_LABEL_STUDIO_IMAGES})
  --allow-gaps              merge even when the parts leave a stretch of a video uncovered (a
                            lost part): the covered ranges go into manifest.json and the gaps to
                            the top of every report (default: refuse, naming the missing seconds)
  --log-format text|json    log lines on stderr (default: text)
  --debug                   print stack traces of errors
  -h, --help                this help

Examples:
  # two time ranges of one video, processed by separate jobs, into one dataset
  dataset-gen run --video day.mp4 --out part-1 --end 00:30:00
  dataset-gen run --video day.mp4 --out part-2 --start 00:30:00
  dataset-gen merge part-1 part-2 --out dataset

  # the whole site's labelling budget: 500 frames over every part (made with --select)
  dataset-gen merge part-1 part-2 part-3 --out dataset --select 500 --select-only --overwrite

Exit codes:
${EXIT_CODE_LIST}
`;

/** The help a topic shows. */
export function helpText(topic: HelpTopic): string {
  return { overview: OVERVIEW_HELP, run: RUN_HELP, merge: MERGE_HELP, diff: DIFF_HELP, cost: COST_HELP, doctor: DOCTOR_HELP }[topic];
}
