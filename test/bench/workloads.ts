/**
 * The benchmark's workloads, made from the sample video with ffmpeg and cached (by recipe version) in
 * `.tmp/bench/`, so a rerun does not encode them again:
 *
 * - **sample**: the sample video itself (768x576, 10 fps, 79.5 s), 1 frame/s;
 * - **camera**: what a site camera records: the sample sped up 2.5× to 25 fps (every frame distinct)
 *   and looped to 10 minutes, 768x576, a keyframe every 2 s (libx264, no scene-cut keyframes);
 *   1 frame every 10 s (60 frames of 15,000);
 * - **camera-16x9**: the same recording as a 1080p 16:9 camera writes it: the sample's middle 768x432
 *   scaled to 1920x1080, 25 fps, 10 minutes, a keyframe every 2 s; 1 frame every 10 s (the model
 *   input at the video's shape is 640x384, against 640x480 for the 4:3 ones);
 * - **timelapse**: long static periods: five 1 s stretches of motion from the sample, each followed
 *   by 12.6 s frozen on its last frame, with temporal noise on top (a still camera is never exactly
 *   still), 68 s at 10 fps; 1 frame/s.
 */
import { execFile } from 'node:child_process';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Workload {
  name: string;
  /** What the table calls it. */
  label: string;
  video: string;
  /** Sampled frames per second of video (`--sample-fps`). */
  fps: number;
}

/** Bump when a recipe changes, so cached files made by the old one are not used. */
const RECIPE_VERSION = 1;

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** Runs ffmpeg into a temporary file and renames it into place, so an interrupted run leaves no half file. */
async function encode(file: string, args: string[]): Promise<void> {
  if (await exists(file)) return;
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.partial.mp4`;
  await rm(partial, { force: true });
  process.stderr.write(`bench: making ${path.basename(file)} (once; cached in ${path.dirname(file)})…\n`);
  await run('ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args, partial], { maxBuffer: 16 * 1024 * 1024 });
  await rename(partial, file);
}

/** The camera-like video: 10 min, 25 fps, 768x576, keyframe every 2 s. */
export async function cameraLikeVideo(sample: string, cache: string): Promise<string> {
  const file = path.join(cache, `camera-like-10min-25fps-v${RECIPE_VERSION}.mp4`);
  await encode(file, [
    // 19 loops of 79.5 s / 2.5 = 31.8 s: 604 s, cut to 600.
    ...['-stream_loop', '18', '-i', sample, '-an', '-vf', 'setpts=PTS/2.5,scale=768:576', '-r', '25', '-t', '600'],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p', '-g', '50', '-keyint_min', '50', '-sc_threshold', '0'],
  ]);
  return file;
}

/** The 16:9 camera-like video: 10 min, 25 fps, 1920x1080 (the sample's middle rows), keyframe every 2 s. */
export async function wideCameraVideo(sample: string, cache: string): Promise<string> {
  const file = path.join(cache, `camera-16x9-10min-25fps-v${RECIPE_VERSION}.mp4`);
  await encode(file, [
    ...['-stream_loop', '18', '-i', sample, '-an', '-vf', 'setpts=PTS/2.5,crop=768:432:0:72,scale=1920:1080', '-r', '25', '-t', '600'],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p', '-g', '50', '-keyint_min', '50', '-sc_threshold', '0'],
  ]);
  return file;
}

/** The static-period timelapse: 68 s, 10 fps, five motion stretches of 1 s between 12.6 s still periods. */
export async function staticTimelapseVideo(sample: string, cache: string): Promise<string> {
  const file = path.join(cache, `timelapse-static-68s-v${RECIPE_VERSION}.mp4`);
  const stretches = [0, 1, 2, 3, 4].map((k) => `[0:v]trim=start=${k * 15 + 3}:duration=1,setpts=PTS-STARTPTS,tpad=stop_mode=clone:stop_duration=12.6[s${k}];`);
  const graph = `${stretches.join('')}[s0][s1][s2][s3][s4]concat=n=5:v=1:a=0,noise=alls=6:allf=t,trim=duration=68,format=yuv420p[v]`;
  await encode(file, ['-i', sample, '-filter_complex', graph, '-map', '[v]', '-r', '10', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-g', '20']);
  return file;
}

/** All four workloads, the generated ones made on first use. */
export async function workloads(sample: string, cache: string): Promise<Workload[]> {
  return [
    { name: 'sample', label: 'the sample, 1 frame/s', video: sample, fps: 1 },
    { name: 'camera', label: 'camera-like 10 min 25 fps, 1 frame/10 s', video: await cameraLikeVideo(sample, cache), fps: 0.1 },
    { name: 'camera-16x9', label: 'camera-like 1080p 16:9 10 min 25 fps, 1 frame/10 s', video: await wideCameraVideo(sample, cache), fps: 0.1 },
    { name: 'timelapse', label: 'static timelapse 68 s, 1 frame/s', video: await staticTimelapseVideo(sample, cache), fps: 1 },
  ];
}
