/**
 * The decoder: one ffmpeg process whose raw frames arrive on a stream, at a priority its user may
 * change while it runs, killed when it stops making progress (the stall timeout); and whether ffmpeg
 * can decode on the GPU here. The media is untrusted: local files and the allowed container formats
 * only (UNTRUSTED_INPUT).
 */
import { execFile, spawn } from 'node:child_process';
import os from 'node:os';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';

import { VideoInputError } from '../errors.js';
import { onLines } from './text-lines.js';
import { stallLimit, type FfmpegTools } from './tools.js';
import { UNTRUSTED_INPUT } from './untrusted-input.js';

const run = promisify(execFile);

export interface DecodeRequest {
  input: string;
  /** The -vf filter graph. */
  filter: string;
  /** Called for each line ffmpeg prints on stderr. */
  onStderrLine: (line: string) => void;
  /**
   * Start decoding at the key frame at or before this time (s, on the file's own timeline), keeping
   * the file's timestamps (`-noaccurate_seek -copyts -ss`); from the first frame when absent.
   */
  seekSeconds?: number;
  /** Decode on the GPU (`-hwaccel cuda`, frames copied back for the filters); see `cudaDecodeWorks`. */
  hwaccel?: 'cuda';
  /** Decode only keyframes (`-skip_frame nokey`): the decoder drops every other frame unread. */
  keyframesOnly?: boolean;
  /** The decoder's CPU priority, the lowest when absent; it may change while ffmpeg runs. */
  priority?: PriorityControl;
  /** Keep the file's own timestamps (`-copyts`) without seeking, so `pts` in the filters is the stream's. */
  copyts?: boolean;
}

/** A decoder's CPU priority, which its user may change while it runs (pipeline/decode/decoder-priority.ts). */
export interface PriorityControl {
  /** A decoder starting now runs at the lowest priority. */
  readonly low: boolean;
  /** Given each decoder process as it starts: `set(low)` changes its priority, false when not permitted. */
  attach(set: (low: boolean) => boolean): void;
}

export interface DecodeProcess {
  /** Packed rgb24 frames, back to back. */
  frames: Readable;
  /** Resolves when ffmpeg exits cleanly, rejects with its error otherwise. */
  done: Promise<void>;
  kill(): void;
}

/**
 * Sets a process's CPU priority: the lowest (nice 19) or normal (0). Raising it back to normal needs
 * the right to (root with CAP_SYS_NICE; a container's root usually lacks it): false when refused.
 * Decoding at a priority other than the one asked for is only slower.
 */
function setNice(pid: number | undefined, low: boolean): boolean {
  if (pid === undefined) return false;
  try {
    os.setPriority(pid, low ? 19 : 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Kills a decoder that makes no progress (no frame bytes, no log line) for the stall timeout while
 * its output is being read. A reader that holds the pipe back (the detector is busy) is not a stall:
 * the clock only runs while the frames stream is below its buffer limit, i.e. waiting for ffmpeg.
 */
function stallWatchdog(tools: FfmpegTools, input: string, frames: Readable, kill: () => void) {
  const limit = stallLimit(tools);
  let last = Date.now();
  let error: VideoInputError | null = null;
  const timer = setInterval(
    () => {
      if (frames.readableLength >= frames.readableHighWaterMark) last = Date.now();
      if (Date.now() - last < limit.seconds * 1000) return;
      error = new VideoInputError(
        `Video ${input}: ffmpeg made no progress for ${limit.seconds} s (a stalled read or decoder) and was stopped; check the file is complete and local, or raise ${limit.name}`,
      );
      clearInterval(timer);
      kill();
    },
    Math.min(1000, limit.seconds * 250),
  );
  timer.unref();
  return {
    progress: () => void (last = Date.now()),
    stalled: () => error,
    stop: () => clearInterval(timer),
  };
}

/**
 * Starts ffmpeg decoding `input` through `filter` to raw RGB on a pipe. Spawned directly rather than
 * through fluent-ffmpeg, which runs `ffmpeg -formats` and `ffmpeg -encoders` before a process's first
 * command to validate it (about 0.3 s before the first frame, for arguments that are fixed here).
 */
export function startDecode(tools: FfmpegTools, request: DecodeRequest): DecodeProcess {
  let killed = false;
  const seek =
    request.seekSeconds === undefined ? (request.copyts === true ? ['-copyts'] : []) : ['-noaccurate_seek', '-copyts', '-ss', request.seekSeconds.toFixed(3)];
  const hwaccel = request.hwaccel === undefined ? [] : ['-hwaccel', request.hwaccel];
  const skip = request.keyframesOnly === true ? ['-skip_frame', 'nokey'] : [];
  const args = [
    '-nostdin',
    '-hide_banner',
    ...hwaccel,
    ...skip,
    ...seek,
    ...UNTRUSTED_INPUT,
    '-i',
    request.input,
    '-loglevel',
    'level+info',
    '-an',
    '-sn',
    '-dn',
    '-vf',
    request.filter,
    '-vsync',
    'passthrough',
    '-pix_fmt',
    'rgb24',
    '-f',
    'rawvideo',
    'pipe:1',
  ];
  const child = spawn(tools.ffmpeg.path, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (request.priority?.low !== false) setNice(pid, true);
  request.priority?.attach((low) => setNice(pid, low));
  const stderrTail: string[] = [];
  const watchdog = stallWatchdog(tools, request.input, child.stdout, () => {
    killed = true;
    child.kill('SIGKILL');
  });
  child.stdout.on('data', watchdog.progress);
  onLines(child.stderr, (line) => {
    watchdog.progress();
    stderrTail.push(line);
    if (stderrTail.length > 5) stderrTail.shift();
    request.onStderrLine(line);
  });
  const done = new Promise<void>((resolve, reject) => {
    child.once('error', (error) => (killed && !watchdog.stalled() ? resolve() : reject(watchdog.stalled() ?? error)));
    child.once('close', (code, signal) => {
      watchdog.stop();
      const stall = watchdog.stalled();
      if (stall) reject(stall);
      else if (code === 0 || killed) resolve();
      else reject(new Error(`ffmpeg exited with ${signal ? `signal ${signal}` : `code ${code}`}: ${stderrTail.join(' | ')}`));
    });
  });
  return {
    frames: child.stdout,
    done,
    kill: () => {
      killed = true;
      child.kill('SIGKILL');
    },
  };
}

/**
 * Whether ffmpeg can decode `file` on the GPU here: decodes its first frame with `-hwaccel cuda`. An
 * ffmpeg built with CUDA still fails without a driver or device (it does not fall back by itself), so
 * this is tried at run time; the reason is returned when it fails.
 */
export async function cudaDecodeWorks(tools: FfmpegTools, file: string): Promise<{ works: boolean; reason: string }> {
  const args = [
    '-nostdin',
    '-hide_banner',
    '-loglevel',
    'error',
    '-hwaccel',
    'cuda',
    '-hwaccel_output_format',
    'cuda',
    ...UNTRUSTED_INPUT,
    '-i',
    file,
    '-frames:v',
    '1',
    '-f',
    'null',
    '-',
  ];
  try {
    await run(tools.ffmpeg.path, args, { timeout: 30000 });
    return { works: true, reason: '' };
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    const reason =
      stderr
        .split('\n')
        .map((line) => line.trim())
        .find((line) => line !== '') ??
      (error as Error).message.split('\n')[0] ??
      'failed';
    return { works: false, reason: reason.replace(/^\[[^\]]+\]\s*/, '') };
  }
}
