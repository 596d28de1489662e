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

/** What probing needs of the tools: ffprobe's path and the stall timeout (no versions). */
export type ProbeTools = Pick<FfmpegTools, 'stallTimeout'> & { ffprobe: Pick<Binary, 'path'> };

/**
 * Input media is untrusted: ffmpeg and ffprobe may open local files and pipes only, never a network
 * or other protocol a playlist or list inside the file refers to (an input option: before `-i`).
 */
export const PROTOCOL_WHITELIST = ['-protocol_whitelist', 'file,pipe'];

function stallLimit(tools: Pick<FfmpegTools, 'stallTimeout'>): { seconds: number; name: string } {
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
  return withVersions(locateFfmpegTools(override, overrideName));
}

/** Where ffmpeg and ffprobe are, before their versions are read. */
export interface ToolPaths {
  ffmpeg: string;
  ffprobe: string;
  source: FfmpegTools['source'];
  /** What to tell the user when a binary does not run. */
  fix: string;
}

/** The finding half of `resolveFfmpegTools`, without running anything: probing can start before the versions are read. */
export function locateFfmpegTools(override?: string, overrideName = cliName('ffmpeg-path')): ToolPaths {
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
  return { ffmpeg: pair.ffmpeg, ffprobe: pair.ffprobe, source: pair.source, fix: override ? `check ${overrideName}` : 'reinstall ffmpeg' };
}

/** The tools with their versions (`-version`); `ffprobeVersion` when already known (a probe's `-show_program_version`). */
export async function withVersions(paths: ToolPaths, ffprobeVersion?: string): Promise<FfmpegTools> {
  const [ffmpeg, ffprobe] = await Promise.all([versionOf(paths.ffmpeg, paths.fix), ffprobeVersion ?? versionOf(paths.ffprobe, paths.fix)]);
  return { ffmpeg: { path: paths.ffmpeg, version: ffmpeg }, ffprobe: { path: paths.ffprobe, version: ffprobe }, source: paths.source };
}

export type ProbeData = ffmpeg.FfprobeData;

/**
 * Runs ffprobe on a file (streams and format, as JSON), restricted to local files; rejects with
 * ffprobe's own message (`ffprobe exited with code n` and its stderr), or with a VideoInputError
 * naming the file and the option when ffprobe gives no answer within the stall timeout (it is killed).
 */
export async function probeFile(tools: ProbeTools, file: string): Promise<ProbeData> {
  const limit = stallLimit(tools);
  const args = ['-v', 'error', ...PROTOCOL_WHITELIST, '-show_streams', '-show_format', '-of', 'json', file];
  let stdout: string;
  try {
    ({ stdout } = await run(tools.ffprobe.path, args, { timeout: limit.seconds * 1000, killSignal: 'SIGKILL', maxBuffer: 64 << 20 }));
  } catch (error) {
    const failed = error as { killed?: boolean; signal?: string | null; code?: unknown; stderr?: unknown };
    if (failed.killed && failed.signal === 'SIGKILL') throw probeStalled(file, limit.seconds, limit.name);
    if (typeof failed.code !== 'number') throw error;
    throw new Error(`ffprobe exited with code ${failed.code}\n${String(failed.stderr ?? '')}`);
  }
  return probeDataOf(JSON.parse(stdout) as Partial<ProbeData>);
}

function probeStalled(file: string, seconds: number, option: string): VideoInputError {
  return new VideoInputError(`Video ${file}: ffprobe gave no answer within ${seconds} s and was stopped; check the file is complete and local, or raise ${option}`);
}

/** ffprobe's JSON as ProbeData, a display matrix's rotation lifted onto its stream. */
function probeDataOf(data: Partial<ProbeData>): ProbeData {
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

/** A decoder's CPU priority, which its user may change while it runs (pipeline/decoder-priority.ts). */
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
    '-nostdin', '-hide_banner', ...hwaccel, ...skip, ...seek, ...PROTOCOL_WHITELIST, '-i', request.input,
    '-loglevel', 'level+info', '-an', '-sn', '-dn', '-vf', request.filter, '-vsync', 'passthrough', '-pix_fmt', 'rgb24',
    '-f', 'rawvideo', 'pipe:1',
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
export async function listPacketTimes(tools: ProbeTools, file: string, untilSeconds: number): Promise<PacketTime[]> {
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

/** Packets gathered into typed arrays, doubling their capacity as they come. */
class PacketCollector {
  private capacity = 4096;
  scan: PacketScan = { pts: new Float64Array(4096), ptsTime: new Float64Array(4096), flags: new Uint8Array(4096), count: 0 };

  /** One packet from ffprobe's text; one without a timestamp ("N/A" or absent) is skipped. */
  add(pts: string | undefined, ptsTime: string | undefined, flags = ''): void {
    if (pts === undefined || pts === '' || pts === 'N/A' || ptsTime === undefined || ptsTime === 'N/A') return;
    let { scan } = this;
    if (scan.count === this.capacity) {
      this.capacity *= 2;
      const grown: PacketScan = { pts: new Float64Array(this.capacity), ptsTime: new Float64Array(this.capacity), flags: new Uint8Array(this.capacity), count: scan.count };
      grown.pts.set(scan.pts);
      grown.ptsTime.set(scan.ptsTime);
      grown.flags.set(scan.flags);
      this.scan = scan = grown;
    }
    scan.pts[scan.count] = Number(pts);
    scan.ptsTime[scan.count] = Number(ptsTime);
    scan.flags[scan.count] = (flags.includes('K') ? 1 : 0) | (flags.includes('D') ? 2 : 0);
    scan.count += 1;
  }
}

/**
 * Runs ffprobe and hands each stdout line to `onLine`; resolves on exit code 0. It is killed when no
 * line arrives for the stall timeout, and rejects with `stalled()`'s error then; otherwise with
 * `failed(reason)`'s, the reason being ffprobe's first stderr lines or its exit code.
 */
function ffprobeLines(
  tools: ProbeTools,
  args: string[],
  onLine: (line: string) => void,
  errors: { stalled: (seconds: number, option: string) => Error; failed: (reason: string, code: number | null) => Error },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tools.ffprobe.path, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const stderr: string[] = [];
    const limit = stallLimit(tools);
    let last = Date.now();
    let stalled = false;
    const timer = setInterval(() => {
      if (Date.now() - last < limit.seconds * 1000) return;
      stalled = true;
      child.kill('SIGKILL');
    }, Math.min(1000, limit.seconds * 250));
    timer.unref();
    onLines(child.stdout, (line) => {
      last = Date.now();
      onLine(line);
    });
    onLines(child.stderr, (line) => {
      if (stderr.length < 5) stderr.push(line);
    });
    child.once('error', (error) => {
      clearInterval(timer);
      reject(errors.failed(error.message, null));
    });
    child.once('close', (code) => {
      clearInterval(timer);
      if (stalled) reject(errors.stalled(limit.seconds, limit.name));
      else if (code === 0) resolve();
      else reject(errors.failed(stderr.join(' | ') || `exit code ${code}`, code));
    });
  });
}

/**
 * Lists the packets of the first video stream that is not a picture, over the whole file, without decoding (demuxing only; about
 * 0.35 s for 10 minutes at 25 fps), streamed line by line into typed arrays: 17 bytes a packet, so
 * a day of video at 25 fps holds 37 MB.
 */
export async function scanPackets(tools: ProbeTools, file: string): Promise<PacketScan> {
  const args = ['-v', 'error', ...PROTOCOL_WHITELIST, '-select_streams', 'V:0', '-show_entries', 'packet=pts,pts_time,flags', '-of', 'csv=p=0', file];
  const packets = new PacketCollector();
  const failed = (reason: string): Error => new ToolError(`ffprobe could not list the packets of ${file}: ${reason}`);
  await ffprobeLines(tools, args, (line) => {
    const [pts, ptsTime, flags] = line.trim().split(',');
    packets.add(pts, ptsTime, flags);
  }, { stalled: (seconds, option) => failed(`no packet listed for ${seconds} s (raise ${option})`), failed });
  return packets.scan;
}

/**
 * The first line of a packet in `-of json=compact=1`: `{ "pts": 0, "pts_time": "0.000000", "flags": "K_" },`.
 * A packet with side data (MPEG-TS) goes on over more lines, more deeply indented; a field ffprobe
 * has no value for is left out. Read by regular expressions: 5× faster than JSON.parse.
 */
const PACKET_START = /^\{ "pts": (-?\d+), "pts_time": "([^"]*)", "flags": "([^"]*)"/;

/** pts, pts_time and flags from a packet's first line (undefined for a field left out). */
export function parsePacketLine(line: string): [string | undefined, string | undefined, string | undefined] {
  const fast = PACKET_START.exec(line);
  if (fast) return [fast[1], fast[2], fast[3]];
  return [/"pts": (-?\d+)/.exec(line)?.[1], /"pts_time": "([^"]*)"/.exec(line)?.[1], /"flags": "([^"]*)"/.exec(line)?.[1]];
}

/** What one ffprobe call tells of a video: its probe (the first non-picture video stream only) and that stream's packets. */
export interface ProbeWithPackets {
  data: ProbeData;
  packets: PacketScan;
  /** ffprobe's version, e.g. "ffprobe version 5.1.6-0+deb12u1". */
  ffprobeVersion: string | null;
}

/**
 * Probes a file and lists its video packets in one ffprobe call (one start of ffprobe and one pass
 * over the file instead of two): streams and format as `probeFile` gives them, restricted to the
 * first video stream that is not a picture (`V:0`), and that stream's packets as `scanPackets` does.
 * ffprobe prints the packets first, one per line in compact JSON; they are parsed as they come and
 * left out of the rest, which is parsed as JSON at the end. Rejects as `probeFile` does.
 */
export async function probeFileWithPackets(tools: ProbeTools, file: string): Promise<ProbeWithPackets> {
  const args = [
    '-v', 'error', ...PROTOCOL_WHITELIST, '-select_streams', 'V:0', '-show_program_version', '-show_streams', '-show_format',
    '-show_entries', 'packet=pts,pts_time,flags', '-of', 'json=compact=1', file,
  ];
  const packets = new PacketCollector();
  const rest: string[] = [];
  // Inside the packets array, each packet starts with a "{" at the indent of the first one; deeper
  // lines are its side data. The packets are left out of `rest`, which stays valid JSON.
  let inPackets = false;
  let packetIndent: string | null = null;
  await ffprobeLines(tools, args, (line) => {
    const trimmed = line.trim();
    if (inPackets) {
      const indent = line.slice(0, line.length - line.trimStart().length);
      if (trimmed.startsWith('{') && (packetIndent === null || indent === packetIndent)) {
        packetIndent = indent;
        packets.add(...parsePacketLine(trimmed));
        return;
      }
      if (!/^\],?$/.test(trimmed) || (packetIndent !== null && indent.length >= packetIndent.length)) return;
      inPackets = false;
    } else if (trimmed === '"packets": [') {
      inPackets = true;
    }
    rest.push(line);
  }, {
    stalled: (seconds, option) => probeStalled(file, seconds, option),
    failed: (reason, code) => (code === null ? new ToolError(`Cannot run ${tools.ffprobe.path}: ${reason}`) : new Error(`ffprobe exited with code ${code}\n${reason}`)),
  });
  const parsed = JSON.parse(rest.join('\n')) as Partial<ProbeData> & { program_version?: { version?: string } };
  const version = parsed.program_version?.version;
  return { data: probeDataOf(parsed), packets: packets.scan, ffprobeVersion: version === undefined ? null : `ffprobe version ${version}` };
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
