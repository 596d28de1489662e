import { DEFAULT_LABEL_STUDIO_IMAGES } from '../domain/exports.js';
import { DEFAULT_DEDUP_LOCAL_THRESHOLD, DEFAULT_DEDUP_THRESHOLD, DEFAULT_QUALITY_THRESHOLDS } from '../domain/thresholds.js';
import { EXIT_CODES } from '../errors.js';
import { DEFAULT_PRESET, PRESETS } from '../model/config.js';
import { DEFAULT_DOWNLOAD_TIMEOUT_SECONDS, DEFAULT_STALL_TIMEOUT_SECONDS } from '../domain/timeouts.js';

const q = DEFAULT_QUALITY_THRESHOLDS;

export const HELP = `dataset-gen — turn site video into a pre-tagged COCO dataset

Usage:
  dataset-gen run --video <file> [--video <file> ...] --out <dir> [options]
  dataset-gen merge <dataset> [<dataset> ...] --out <dir> [--overwrite] [--select <n> [--select-only]]
                    [--label-studio-images <prefix>]
  dataset-gen cost [--sites n] [--hours-per-day h] [--instance name] [--spot] ... (cost --help)
  dataset-gen --help | --version

merge joins datasets made with the same model and config (e.g. the time ranges of a long
video, processed by separate jobs) into one: images and annotations of each, unique ids,
metrics and report computed again, a labelling budget (--select) chosen again over all
the frames, the parts listed in manifest.json. merge --select <n> chooses a budget of its
own over the merged frames instead of the parts' (which must have been made with --select,
any n, as it chooses from their selection-features.json); --select-only goes with it.
merge --label-studio-images sets the merged Label Studio tasks' image prefix (default as
for run); the parts' own prefixes are not used. merge reads each part as untrusted: a file
that is not what dataset-gen writes there (a link, a FIFO, an image name that is not its
frame's) is refused, naming the part and the file.

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
  --sample-fps <n>          frames to sample per second of video (default: 1)
  --every-n-frames <n>      sample every n-th decoded frame instead of a rate
  --start <time>            process each video from this time: seconds (90.5) or hh:mm:ss
                            (default: its start); frame indices and timestamps stay those of
                            the whole video, so ranges can be merged (dataset-gen merge)
  --end <time>              stop before this time (default: the video's end)
  --decode <mode>           auto, all or keyframes (default: auto). keyframes decodes only the
                            keyframe nearest each sample (within half the interval; a sample
                            with none that near is decoded exactly); all decodes every frame;
                            auto takes keyframes when they are at most one interval apart and
                            at most 1 in 4 frames

Filtering:
  --dedup-threshold <n>     drop a frame whose pHash Hamming distance to the last kept
                            frame is at most n; -1 disables (default: ${DEFAULT_DEDUP_THRESHOLD})
  --dedup-local-threshold <n>
                            drop it only if also no cell of a 32x32 luma grid changed by
                            more than n levels, 0-255; 255 leaves it to the pHash
                            (default: ${DEFAULT_DEDUP_LOCAL_THRESHOLD})
  --black-luma <n>          drop frames with mean luma below n, 0-255 (default: ${q.blackLuma})
  --overexposed-luma <n>    drop frames with mean luma above n, 0-255 (default: ${q.overexposedLuma})
  --blur-ratio <0-1>        drop frames whose blur score (variance of the Laplacian) is below
                            this share of the median of the video's recent frames; 0 disables
                            (default: ${q.blurRatio})
  --blur-window <n>         recent frames that make that median (default: ${q.blurWindow})
  --blur-threshold <n>      also drop frames whose blur score is below n, whatever the video;
                            0 disables (default: ${q.blurThreshold})

Detection:
  --model <file.onnx|url>   ONNX weights, a file or an https:// URL downloaded into the cache
                            (default: $DATASET_GEN_MODEL, else the model config's source;
                            the preset's is the bundled models/yolov8n.onnx)
  --model-sha256 <hex>      expected sha256 of --model; a different file is refused
  --model-config <file|preset>
                            model config JSON or preset (default: ${DEFAULT_PRESET};
                            presets: ${Object.keys(PRESETS).join(', ')})
  --confidence <0-1>        minimum detection score (default: from the config, 0.25)
  --iou <0-1>               IoU threshold of non-maximum suppression (default: config, 0.45)
  --max-detections <n>      detections kept per image (default: config, 300)
  --execution-providers <list>
                            onnxruntime providers in order, e.g. cuda,cpu (default: the model
                            config's, cpu); CUDA that cannot load falls back to the CPU with a warning
  --classes <a,b,...>       keep only these class names (default: all)

Labelling:
  --export <formats>        annotation formats beside annotations/instances.json, comma-separated:
                            coco, yolo, label-studio, cvat (default: coco; COCO is always written)
  --label-studio-images <prefix>
                            put before each image's file name in the Label Studio tasks: an
                            http(s) URL prefix, Label Studio's local-files path or a relative
                            folder (other schemes are refused)
                            (default: ${DEFAULT_LABEL_STUDIO_IMAGES})
  --select <n>              labelling budget: choose n kept frames to label (every class seen, rarest
                            first, then the least alike), written to selection.json (default: none)
  --select-only             the exports hold only the selected frames (needs --select)

Output and tools:
  --jpeg-quality <1-100>    JPEG quality of the images (default: 90)
  --inference-workers <n>   model sessions detecting different frames at once, each holding a
                            copy of the model; "auto": 2 on a CPU with 2+ cores, 1 with CUDA
                            (default: auto)
  --ffmpeg-path <path>      ffmpeg binary (ffprobe beside it) or their folder
                            (default: PATH, then the bundled npm binaries)
  --stall-timeout <s>       stop ffprobe when it gives no answer, and ffmpeg or a model download
                            when it makes no progress, for this many seconds (default: ${DEFAULT_STALL_TIMEOUT_SECONDS})
  --download-timeout <s>    a model download may take this long in all, retries included
                            (default: ${DEFAULT_DOWNLOAD_TIMEOUT_SECONDS})
  --pushgateway-url <url>   push the run's Prometheus metrics to this Pushgateway, job
                            dataset-gen, grouped by site; a failed push is a warning (default: none)
  --history-csv <file>      append one row per run to this CSV (created with a header) (default: none)
  --price-per-hour <usd>    price of the machine per hour: the report shows the run's cost and
                            its cost per video-hour (default: none; compute time is always shown)
  --log-format text|json    log lines on stderr (default: text)
  --debug                   print stack traces of errors

Environment:
  DATASET_GEN_MODEL         default for --model
  DATASET_GEN_CACHE         download cache for URL model sources (default: ~/.cache/dataset-gen)

Exit codes:
${Object.entries(EXIT_CODES).map(([name, code]) => `  ${String(code).padStart(3)}  ${name}`).join('\n')}
`;
