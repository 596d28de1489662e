/**
 * The only module that starts ffmpeg or ffprobe: binary discovery, ffprobe, and a decoder process
 * whose raw frames arrive on a stream. Both are spawned directly (fluent-ffmpeg, archived upstream,
 * gives only its probe result's type): its ffprobe could be given neither a time limit nor a kill.
 * The media is untrusted: every call reads local files only (PROTOCOL_WHITELIST), ffprobe has a time
 * limit and a decoder that stops making progress is killed (the stall timeout).
 */
import { execFile, spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import type ffmpeg from 'fluent-ffmpeg';
import { cliName } from '../domain/run-options.js';
import { DEFAULT_STALL_TIMEOUT_SECONDS } from '../domain/timeouts.js';
import { ToolError, VideoInputError } from '../errors.js';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

export interface Binary {
  path: string;
  /** First line of `-version`, e.g. "ffmpeg version 5.1.6-0+deb12u1". */
  version: string;
}

export interface FfmpegTools {
  ffmpeg: Binary;
  ffprobe: Binary;
  /** Where the binaries came from. */
  source: 'option' | 'path' | 'npm';
  /**
   * How long ffprobe may take to answer, and ffmpeg may go without progress while decoding, before
   * it is killed; `name` is the option that sets it, for messages. DEFAULT_STALL_TIMEOUT when absent.
   */
  stallTimeout?: { seconds: number; name: string };
}

/**
 * Input media is untrusted: ffmpeg and ffprobe may open local files and pipes only, never a network
 * or other protocol a playlist or list inside the file refers to (an input option: before `-i`).
 */
export const PROTOCOL_WHITELIST = ['-protocol_whitelist', 'file,pipe'];

function stallLimit(tools: FfmpegTools): { seconds: number; name: string } {
  return tools.stallTimeout ?? { seconds: DEFAULT_STALL_TIMEOUT_SECONDS, name: cliName('stall-timeout') };
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

/** The binary shipped in an optional npm package (`@ffmpeg-installer/ffmpeg`, `@ffprobe-installer/ffprobe`). */
function fromNpm(pkg: string): string | null {
  try {
    const found = (require(pkg) as { path?: unknown }).path;
    return typeof found === 'string' && isExecutable(found) ? found : null;
  } catch {
    return null;
  }
}

async function versionOf(file: string, fix: string): Promise<string> {
  try {
    const { stdout } = await run(file, ['-hide_banner', '-version'], { timeout: 15000 });
    const line = stdout.split('\n')[0]?.trim() ?? '';
    return line.replace(/\s+Copyright.*$/, '');
  } catch (error) {
    throw new ToolError(`Cannot run ${file}: ${(error as Error).message.split('\n')[0]}; ${fix}`);
  }
}

/**
 * Finds ffmpeg and ffprobe: `override` (a file named ffmpeg with ffprobe beside it, or a directory
 * holding both), else PATH, else the npm packages. `overrideName` is how messages name the option
 * that gave `override` (`--ffmpeg-path`).
 */
export async function resolveFfmpegTools(override?: string, overrideName = cliName('ffmpeg-path')): Promise<FfmpegTools> {
  let pair: { ffmpeg: string | null; ffprobe: string | null; source: FfmpegTools['source'] };
  if (override) {
    const resolved = path.resolve(override);
    let dir: string;
    let ffmpegFile: string;
    try {
      const isDir = statSync(resolved).isDirectory();
      dir = isDir ? resolved : path.dirname(resolved);
      ffmpegFile = isDir ? path.join(resolved, 'ffmpeg') : resolved;
    } catch {
      throw new ToolError(`${overrideName} ${resolved} does not exist; give the ffmpeg binary or the folder holding ffmpeg and ffprobe`);
    }
    const ffprobeFile = path.join(dir, 'ffprobe');
    pair = {
      ffmpeg: isExecutable(ffmpegFile) ? ffmpegFile : null,
      ffprobe: isExecutable(ffprobeFile) ? ffprobeFile : null,
      source: 'option',
    };
    if (!pair.ffmpeg || !pair.ffprobe) {
      throw new ToolError(
        `${overrideName} ${resolved}: expected executable ffmpeg and ffprobe in ${dir}; found ${pair.ffmpeg ? 'ffmpeg only' : pair.ffprobe ? 'ffprobe only' : 'neither'}`,
      );
    }
  } else {
    const systemFfmpeg = onPath('ffmpeg');
    const systemFfprobe = onPath('ffprobe');
    pair = systemFfmpeg && systemFfprobe
      ? { ffmpeg: systemFfmpeg, ffprobe: systemFfprobe, source: 'path' }
      : { ffmpeg: fromNpm('@ffmpeg-installer/ffmpeg'), ffprobe: fromNpm('@ffprobe-installer/ffprobe'), source: 'npm' };
    if (!pair.ffmpeg || !pair.ffprobe) {
      throw new ToolError(
        'ffmpeg and ffprobe were not found on PATH nor in the optional npm packages; install ffmpeg (e.g. `apt-get install ffmpeg`) so that both are on PATH',
      );
    }
  }
  const fix = override ? `check ${overrideName}` : 'reinstall ffmpeg';
  const [ffmpegVersion, ffprobeVersion] = await Promise.all([versionOf(pair.ffmpeg, fix), versionOf(pair.ffprobe, fix)]);
  return {
    ffmpeg: { path: pair.ffmpeg, version: ffmpegVersion },
    ffprobe: { path: pair.ffprobe, version: ffprobeVersion },
    source: pair.source,
  };
}

export type ProbeData = ffmpeg.FfprobeData;

/**
 * Runs ffprobe on a file (streams and format, as JSON), restricted to local files; rejects with
 * ffprobe's own message (`ffprobe exited with code n` and its stderr), or with a VideoInputError
 * naming the file and the option when ffprobe gives no answer within the stall timeout (it is killed).
 */
export async function probeFile(tools: FfmpegTools, file: string): Promise<ProbeData> {
  const limit = stallLimit(tools);
  const args = ['-v', 'error', ...PROTOCOL_WHITELIST, '-show_streams', '-show_format', '-of', 'json', file];
  let stdout: string;
  try {
    ({ stdout } = await run(tools.ffprobe.path, args, { timeout: limit.seconds * 1000, killSignal: 'SIGKILL', maxBuffer: 64 << 20 }));
  } catch (error) {
    const failed = error as { killed?: boolean; signal?: string | null; code?: unknown; stderr?: unknown };
    if (failed.killed && failed.signal === 'SIGKILL') {
      throw new VideoInputError(`Video ${file}: ffprobe gave no answer within ${limit.seconds} s and was stopped; check the file is complete and local, or raise ${limit.name}`);
    }
    if (typeof failed.code !== 'number') throw error;
    throw new Error(`ffprobe exited with code ${failed.code}\n${String(failed.stderr ?? '')}`);
  }
  const data = JSON.parse(stdout) as Partial<ProbeData>;
  const streams = (data.streams ?? []).map((stream) => {
    // A display matrix's rotation sits in the stream's side data in JSON (flat in ffprobe's default output).
    const sideData = (stream as { side_data_list?: Record<string, unknown>[] }).side_data_list ?? [];
    const rotation = sideData.find((side) => side.rotation !== undefined)?.rotation;
    return rotation === undefined || stream.rotation !== undefined ? stream : { ...stream, rotation: rotation as number };
  });
  return { streams, format: data.format ?? {}, chapters: data.chapters ?? [] };
}

export interface DecodeRequest {
  input: string;
  /** The -vf filter graph. */
  filter: string;
  /** Called for each line ffmpeg prints on stderr. */
  onStderrLine: (line: string) => void;
  /** Decoder threads (`-threads`); ffmpeg's choice (one per core and one more) when absent. */
  threads?: number;
  /**
   * Start decoding at the key frame at or before this time (s, on the file's own timeline), keeping
   * the file's timestamps (`-noaccurate_seek -copyts -ss`); from the first frame when absent.
   */
  seekSeconds?: number;
  /** Decode on the GPU (`-hwaccel cuda`, frames copied back for the filters); see `cudaDecodeWorks`. */
  hwaccel?: 'cuda';
  /** Decode only keyframes (`-skip_frame nokey`): the decoder drops every other frame unread. */
  keyframesOnly?: boolean;
  /** Run at the lowest CPU priority (the default); false: at normal priority. */
  lowPriority?: boolean;
  /** Keep the file's own timestamps (`-copyts`) without seeking, so `pts` in the filters is the stream's. */
  copyts?: boolean;
}

export interface DecodeProcess {
  /** Packed rgb24 frames, back to back. */
  frames: Readable;
  /** Resolves when ffmpeg exits cleanly, rejects with its error otherwise. */
  done: Promise<void>;
  kill(): void;
}

/**
 * Runs the decoder at the lowest CPU priority (unless asked otherwise). It decodes the frames between
 * two samples while the detector works; at normal priority it takes cores from onnxruntime. Niced, it
 * mostly fills the gaps (measured: ~12 % faster runs on 2 cores when inference is most of the work).
 */
function lowerPriority(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    os.setPriority(pid, 19);
  } catch {
    // Not permitted (or already exited): decoding at normal priority is only slower.
  }
}

/** Splits a stream's text into lines (ffmpeg ends progress lines with \r). */
function onLines(stream: Readable, onLine: (line: string) => void): void {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const parts = (rest + chunk).split(/\r\n|\r|\n/);
    rest = parts.pop() ?? '';
    for (const line of parts) if (line !== '') onLine(line);
  });
  stream.on('end', () => {
    if (rest !== '') onLine(rest);
  });
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
  const timer = setInterval(() => {
    if (frames.readableLength >= frames.readableHighWaterMark) last = Date.now();
    if (Date.now() - last < limit.seconds * 1000) return;
    error = new VideoInputError(
      `Video ${input}: ffmpeg made no progress for ${limit.seconds} s (a stalled read or decoder) and was stopped; check the file is complete and local, or raise ${limit.name}`,
    );
    clearInterval(timer);
    kill();
  }, Math.min(1000, limit.seconds * 250));
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
  const seek = request.seekSeconds === undefined
    ? (request.copyts === true ? ['-copyts'] : [])
    : ['-noaccurate_seek', '-copyts', '-ss', request.seekSeconds.toFixed(3)];
  const hwaccel = request.hwaccel === undefined ? [] : ['-hwaccel', request.hwaccel];
  const skip = request.keyframesOnly === true ? ['-skip_frame', 'nokey'] : [];
  const args = [
    '-nostdin', '-hide_banner', ...(request.threads === undefined ? [] : ['-threads', String(request.threads)]), ...hwaccel, ...skip, ...seek, ...PROTOCOL_WHITELIST, '-i', request.input,
    '-loglevel', 'level+info', '-an', '-sn', '-dn', '-vf', request.filter, '-vsync', 'passthrough', '-pix_fmt', 'rgb24',
    '-f', 'rawvideo', 'pipe:1',
  ];
  const child = spawn(tools.ffmpeg.path, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  if (request.lowPriority !== false) lowerPriority(child.pid);
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

/** A video packet's presentation time, as the demuxer gives it. */
export interface PacketTime {
  /** In the stream's time base (the unit of showinfo's `pts`). */
  pts: number;
  /** In seconds. */
  ptsTime: number;
  /** Decoded but not shown (e.g. before an edit list's start): the decoder outputs no frame for it. */
  discard: boolean;
}

/**
 * The presentation times of the first video stream's packets from the start of the file up to
 * `untilSeconds`, read by ffprobe without decoding (demuxing only: about 20 000 packets a second).
 */
export async function listPacketTimes(tools: FfmpegTools, file: string, untilSeconds: number): Promise<PacketTime[]> {
  const args = [
    '-v', 'error', ...PROTOCOL_WHITELIST, '-select_streams', 'v:0', '-read_intervals', `%+${untilSeconds.toFixed(3)}`,
    '-show_entries', 'packet=pts,pts_time,flags', '-of', 'csv=p=0', file,
  ];
  let stdout: string;
  try {
    ({ stdout } = await run(tools.ffprobe.path, args, { maxBuffer: 1 << 30, timeout: stallLimit(tools).seconds * 1000, killSignal: 'SIGKILL' }));
  } catch (error) {
    throw new ToolError(`ffprobe could not list the packets of ${file}: ${(error as Error).message.split('\n')[0]}`);
  }
  const packets: PacketTime[] = [];
  for (const line of stdout.split('\n')) {
    const [pts, ptsTime, flags] = line.trim().split(',');
    if (pts === undefined || pts === '' || pts === 'N/A' || ptsTime === undefined) continue;
    packets.push({ pts: Number(pts), ptsTime: Number(ptsTime), discard: (flags ?? '').includes('D') });
  }
  return packets;
}

/** Every video packet of a file, in the demuxer's (decode) order, as parallel arrays. */
export interface PacketScan {
  /** In the stream's time base. */
  pts: Float64Array;
  /** In seconds. */
  ptsTime: Float64Array;
  /** 1: a keyframe (flag K); 2: discarded (flag D, never shown); 3: both. */
  flags: Uint8Array;
  count: number;
}

/**
 * Lists the first video stream's packets of the whole file without decoding (demuxing only; about
 * 0.35 s for 10 minutes at 25 fps), streamed line by line into typed arrays: 17 bytes a packet, so
 * a day of video at 25 fps holds 37 MB.
 */
export function scanPackets(tools: FfmpegTools, file: string): Promise<PacketScan> {
  const args = ['-v', 'error', ...PROTOCOL_WHITELIST, '-select_streams', 'v:0', '-show_entries', 'packet=pts,pts_time,flags', '-of', 'csv=p=0', file];
  let capacity = 4096;
  let scan: PacketScan = { pts: new Float64Array(capacity), ptsTime: new Float64Array(capacity), flags: new Uint8Array(capacity), count: 0 };
  const add = (line: string): void => {
    const [pts, ptsTime, flags] = line.trim().split(',');
    if (pts === undefined || pts === '' || pts === 'N/A' || ptsTime === undefined || ptsTime === 'N/A') return;
    if (scan.count === capacity) {
      capacity *= 2;
      const grown: PacketScan = { pts: new Float64Array(capacity), ptsTime: new Float64Array(capacity), flags: new Uint8Array(capacity), count: scan.count };
      grown.pts.set(scan.pts);
      grown.ptsTime.set(scan.ptsTime);
      grown.flags.set(scan.flags);
      scan = grown;
    }
    scan.pts[scan.count] = Number(pts);
    scan.ptsTime[scan.count] = Number(ptsTime);
    scan.flags[scan.count] = ((flags ?? '').includes('K') ? 1 : 0) | ((flags ?? '').includes('D') ? 2 : 0);
    scan.count += 1;
  };
  return new Promise((resolve, reject) => {
    const child = spawn(tools.ffprobe.path, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const stderr: string[] = [];
    // Killed when no packet line arrives for the stall timeout (a stalled read).
    const limit = stallLimit(tools);
    let last = Date.now();
    const timer = setInterval(() => {
      if (Date.now() - last < limit.seconds * 1000) return;
      stderr.unshift(`no packet listed for ${limit.seconds} s (raise ${limit.name})`);
      child.kill('SIGKILL');
    }, Math.min(1000, limit.seconds * 250));
    timer.unref();
    onLines(child.stdout, (line) => {
      last = Date.now();
      add(line);
    });
    onLines(child.stderr, (line) => {
      if (stderr.length < 5) stderr.push(line);
    });
    child.once('error', (error) => reject(new ToolError(`ffprobe could not list the packets of ${file}: ${error.message}`)));
    child.once('close', (code) => {
      clearInterval(timer);
      if (code === 0) resolve(scan);
      else reject(new ToolError(`ffprobe could not list the packets of ${file}: ${stderr.join(' | ') || `exit code ${code}`}`));
    });
  });
}

/**
 * Whether ffmpeg can decode `file` on the GPU here: decodes its first frame with `-hwaccel cuda`. An
 * ffmpeg built with CUDA still fails without a driver or device (it does not fall back by itself), so
 * this is tried at run time; the reason is returned when it fails.
 */
export async function cudaDecodeWorks(tools: FfmpegTools, file: string): Promise<{ works: boolean; reason: string }> {
  const args = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-hwaccel', 'cuda', '-hwaccel_output_format', 'cuda', ...PROTOCOL_WHITELIST, '-i', file, '-frames:v', '1', '-f', 'null', '-'];
  try {
    await run(tools.ffmpeg.path, args, { timeout: 30000 });
    return { works: true, reason: '' };
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    const reason = stderr.split('\n').map((line) => line.trim()).find((line) => line !== '') ?? (error as Error).message.split('\n')[0] ?? 'failed';
    return { works: false, reason: reason.replace(/^\[[^\]]+\]\s*/, '') };
  }
}
