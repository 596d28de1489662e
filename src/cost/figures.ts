/**
 * Throughput figures and prices the cost calculator starts from. The CPU figures are measured
 * (docs/performance.md, `npm run bench`); the GPU figures are estimates, each with its basis; the
 * prices are dated defaults to override (`--price`). Everything here is an input, not a promise.
 */

export interface Throughput {
  /** Wall seconds per sampled frame that goes through quality, dedup, detection and the writers. */
  secondsPerSampledFrame: number;
  /** Wall seconds to decode one frame of a 0.44-megapixel video (768x576); scaled by pixels. */
  decodeSecondsPerFrame: number;
  /** Wall seconds to decode one keyframe of such a video when only keyframes are decoded (`--decode keyframes`). */
  keyframeDecodeSeconds: number;
  /** Measured, or an estimate; `basis` says where the figure comes from. */
  kind: 'measured' | 'estimate';
  basis: string;
}

/**
 * 2 vCPU (the GitHub-hosted runner's shape), onnxruntime CPU, `npm run bench` medians of 3 rounds
 * (docs/performance.md, "Figures, four workloads", 2026-12-07, in the Docker image's environment:
 * its allocator settings, as the Action runs): the sample (79.5 s, 768x576, 10 fps, 795 frames) at
 * 1 frame/s, 80 frames kept, at the default `--inference-shape auto` (640x512): full run 5.14 s,
 * decode-all floor 0.98 s; the camera-like video (10 min, 25 fps, a keyframe every 2 s): its 300
 * keyframes decoded alone in 2.74 s. A 16:9 video runs at 640x384, where the model takes 0.60 of the
 * square's time (0.88 at 640x512): the per-frame figure is on the safe side for 1080p cameras.
 */
export const CPU_2VCPU: Throughput = {
  secondsPerSampledFrame: (5.14 - 0.98) / 80,
  decodeSecondsPerFrame: 0.98 / 795,
  keyframeDecodeSeconds: 2.74 / 300,
  kind: 'measured',
  basis:
    'npm run bench on 2 vCPU: full 5.14 s, decode floor 0.98 s for 80 sampled of 795 frames (model input 640x512); 300 keyframes in 2.74 s (docs/performance.md)',
};

/**
 * g4dn.xlarge (T4, 4 vCPU): not measured here (no GPU on the build machines). Inference on the GPU is
 * a few ms a frame; what remains is the CPU work per frame measured on the 2-vCPU runs (analysis
 * resize, letterbox, output decoding, JPEG: about 50 ms of CPU a frame, spread over 4 vCPUs), and
 * NVDEC decoding instead of the CPU's.
 */
export const GPU_T4: Throughput = {
  secondsPerSampledFrame: 0.02,
  decodeSecondsPerFrame: 0.0004,
  // A keyframe costs about 9 average frames to decode on the CPU (docs/performance.md); assumed alike on NVDEC.
  keyframeDecodeSeconds: 0.0036,
  kind: 'estimate',
  basis: '50 ms CPU/frame of non-inference work (measured) over 4 vCPU + ~5 ms T4 inference; NVDEC ~2500 frames/s at 0.44 MP, a keyframe ~9 frames',
};

export interface Instance {
  name: string;
  /** USD per hour, on demand and typical spot. */
  onDemand: number;
  spot: number | null;
  /** Where the prices come from and when they were read. */
  prices: { source: string; read: string };
  /** A GitHub-hosted runner (billed by GitHub per minute), or a self-hosted one (your cloud bill, plus any GitHub platform charge). */
  hosted: boolean;
  /** Seconds each job spends before and after its video: getting a runner, pulling the image, loading the model. */
  jobOverhead: { seconds: number; basis: string };
  throughput: Throughput;
}

/** GitHub's price for its two-core Linux runner since 2026-01-01: 0.006 USD a minute. */
const GITHUB_PRICES = { source: "GitHub's price list", read: '2026-01-01' };
/** AWS us-east-1 Linux on-demand list prices and typical spot prices, read then; not read again since (no AWS access where this is built): check them. */
const AWS_PRICES = { source: 'AWS us-east-1 list prices (spot: typical)', read: '2025-06' };

/** A GPU instance of runner/: an ephemeral spot runner that boots for each job and pulls the CUDA image. */
const GPU_JOB_OVERHEAD = {
  seconds: 420,
  basis:
    'instance launch, Deep Learning AMI boot, runner install and registration 3-5 min (runner/README.md), the GPU image (CUDA 13 + cuDNN, several GB) pulled fresh each job ~1-2 min, model load',
};

export const INSTANCES: Readonly<Record<string, Instance>> = {
  'github-2core': {
    name: 'github-2core',
    onDemand: 0.36,
    spot: null,
    prices: GITHUB_PRICES,
    hosted: true,
    jobOverhead: {
      seconds: 105,
      basis:
        'a hosted runner assigned in seconds, the image pulled (436 MB, 182 MB compressed, since issue 26: ~12 s, 3.6 s to download at an assumed 50 MB/s and 7-9 s measured to unpack on 2 vCPU; the 1.13 GB image, 540 MB compressed, took ~27 s and the overhead was 120 s), the checkout and the artifact upload',
    },
    throughput: CPU_2VCPU,
  },
  'g4dn.xlarge': { name: 'g4dn.xlarge', onDemand: 0.526, spot: 0.2, prices: AWS_PRICES, hosted: false, jobOverhead: GPU_JOB_OVERHEAD, throughput: GPU_T4 },
  'g5.xlarge': {
    name: 'g5.xlarge',
    onDemand: 1.006,
    spot: 0.4,
    prices: AWS_PRICES,
    hosted: false,
    jobOverhead: GPU_JOB_OVERHEAD,
    throughput: { ...GPU_T4, basis: `${GPU_T4.basis}; A10G taken as at least as fast as the T4` },
  },
  'g6.xlarge': {
    name: 'g6.xlarge',
    onDemand: 0.805,
    spot: 0.35,
    prices: AWS_PRICES,
    hosted: false,
    jobOverhead: GPU_JOB_OVERHEAD,
    throughput: { ...GPU_T4, basis: `${GPU_T4.basis}; L4 taken as at least as fast as the T4` },
  },
};

/**
 * GitHub's platform charge for self-hosted runner minutes in private repositories, as announced in
 * December 2025 ($0.002 a minute from 2026-03-01) and then postponed: 0 by default, an input to set.
 */
export const ANNOUNCED_PLATFORM_CHARGE_PER_MINUTE = 0.002;

/** Pixels of the benchmark video; decode time is scaled by the sites' frame size against it. */
export const BENCH_PIXELS = 768 * 576;
