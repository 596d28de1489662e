/**
 * Measures inference at the video's shape against the square (docs/performance.md, "Inference at the
 * video's shape"): per video, the sampled frames detected at 640x640 and at each other input shape,
 * then the agreement with the square run (boxes paired by class at IoU ≥ 0.5, the share of pairs at
 * IoU ≥ 0.9, the unpaired boxes, the instance-weighted AP50 with the square run as ground truth) and
 * the model's time per frame.
 *
 *   npx tsc -p tsconfig.build.json && node build/test/bench/measure-inference-shape.js [VIDEO...]
 *     [--sample-fps 1] [--shapes auto,640x512] [--model M]
 *
 * Frames come as the pipeline gets them (extractFrames). `auto` is the shape `--inference-shape auto`
 * chooses for the video; other shapes are given as WxH (multiples of 32).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';

import { Detector } from '../../src/detect/detector.js';
import { requestedInput } from '../../src/detect/input-shape.js';
import type { Detection } from '../../src/domain/detection.js';
import type { InferenceInput } from '../../src/domain/frame-record.js';
import type { RgbImage } from '../../src/domain/frame.js';
import { locateFfmpegTools, withVersions } from '../../src/media/tools.js';
import { loadModelConfig } from '../../src/model/config.js';
import { extractFrames } from '../../src/pipeline/decode/extract.js';
import { probeVideo } from '../../src/pipeline/decode/probe.js';
import { pairBoxes as pairDetections } from '../../src/pipeline/diff/box-pairing.js';
import { weightedAp50 } from '../support/detection-agreement.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'sample-fps': { type: 'string', default: '1' },
    shapes: { type: 'string', default: 'auto' },
    model: { type: 'string', default: path.resolve('models', 'yolov8n.onnx') },
  },
});
const videos = (positionals.length > 0 ? positionals : ['../shared/fixtures/videos/site-walkway.mp4']).map((v) => path.resolve(v));
const fps = Number(values['sample-fps']);
const tools = await withVersions(locateFfmpegTools());
const { config } = await loadModelConfig('yolov8n-coco');
const detector = await Detector.create({ modelPath: path.resolve(values.model), config, workers: 1 });

async function detectAll(frames: readonly RgbImage[], input: InferenceInput): Promise<{ detections: Detection[][]; msPerFrame: number }> {
  await detector.input(input);
  const detections: Detection[][] = [];
  let ms = 0;
  for (const frame of frames) {
    const result = await detector.detect([frame], input);
    detections.push(result.detections[0]!);
    ms += result.inferenceMs;
  }
  return { detections, msPerFrame: ms / frames.length };
}

function shapeOf(spec: string, frame: RgbImage): InferenceInput {
  if (spec === 'auto') return requestedInput(frame, 'auto', detector.shape);
  const [width, height] = spec.split('x').map(Number);
  return { width: width!, height: height!, reason: spec };
}

console.log('| video | input | frames | model ms/frame | pairs | pairs at IoU ≥ 0.9 | lowest pair IoU | unpaired (≥ 0.5) | AP50w vs square |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const video of videos) {
  const info = await probeVideo(tools, video, 0);
  const frames: RgbImage[] = [];
  for await (const frame of extractFrames({ tools, video: info, sampling: { mode: 'fps', fps } }))
    frames.push({ rgb: frame.rgb, width: frame.width, height: frame.height });
  const square = await detectAll(frames, { width: config.inputSize, height: config.inputSize, reason: 'square' });
  const name = path.basename(video);
  const boxes = square.detections.reduce((sum, d) => sum + d.length, 0);
  console.log(`| ${name} | 640x640 | ${frames.length} | ${square.msPerFrame.toFixed(1)} | ${boxes} boxes | | | | 1 |`);
  for (const spec of values.shapes.split(',')) {
    const input = shapeOf(spec.trim(), frames[0]!);
    const other = await detectAll(frames, input);
    const pairs = square.detections.map((reference, i) => pairDetections(reference, other.detections[i]!));
    const all = pairs.flatMap((p) => p.pairs);
    const unpaired = pairs.flatMap((p) => [...p.unmatchedReference, ...p.unmatchedCandidate]);
    const ap = weightedAp50(square.detections.map((reference, i) => ({ reference, candidate: other.detections[i]! })));
    const close = all.filter((p) => p.iou >= 0.9).length;
    const lowest = Math.min(...all.map((p) => p.iou));
    const confident = unpaired.filter((d) => d.score >= 0.5).length;
    console.log(
      `| ${name} | ${input.width}x${input.height} | ${frames.length} | ${other.msPerFrame.toFixed(1)} | ${all.length} | ${close} | ${lowest.toFixed(3)} | ${unpaired.length} (${confident}) | ${ap.toFixed(3)} |`,
    );
  }
}
await detector.release();
