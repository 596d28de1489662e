/**
 * ffprobe, spawned directly (fluent-ffmpeg, archived upstream, gives only its probe result's type:
 * its ffprobe could be given neither a time limit nor a kill): the probe of a video, the list of its
 * packets without decoding, or both in one call. The media is untrusted: local files and the allowed
 * container formats only (UNTRUSTED_INPUT), and ffprobe is killed when it gives no answer within the
 * stall timeout.
 */
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import type ffmpeg from 'fluent-ffmpeg';

import { ToolError, VideoInputError } from '../errors.js';
import { onLines } from './text-lines.js';
import { stallLimit, type ProbeTools } from './tools.js';
import { UNTRUSTED_INPUT } from './untrusted-input.js';

const run = promisify(execFile);

export type ProbeData = ffmpeg.FfprobeData;

/**
 * Runs ffprobe on a file (streams and format, as JSON), restricted as UNTRUSTED_INPUT says; rejects
 * with ffprobe's own message (`ffprobe exited with code n` and its stderr), or with a VideoInputError
 * naming the file and the option when ffprobe gives no answer within the stall timeout (it is killed).
 */
export async function probeFile(tools: ProbeTools, file: string): Promise<ProbeData> {
  const limit = stallLimit(tools);
  const args = ['-v', 'error', ...UNTRUSTED_INPUT, '-show_streams', '-show_format', '-of', 'json', file];
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
  return new VideoInputError(
    `Video ${file}: ffprobe gave no answer within ${seconds} s and was stopped; check the file is complete and local, or raise ${option}`,
  );
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

/** A video packet's presentation time, as the demuxer gives it. */
export interface PacketTime {
  /** In the stream's time base (the unit of showinfo's `pts`); NaN when the packet carries none (AVI). */
  pts: number;
  /** In seconds; NaN when the packet carries no pts. */
  ptsTime: number;
  /** Decoded but not shown (e.g. before an edit list's start): the decoder outputs no frame for it. */
  discard: boolean;
}

/**
 * The presentation times of the packets of the first video stream that is not a picture (as the
 * probe and scanPackets choose it), from the start of the file up to
 * `untilSeconds`, read by ffprobe without decoding (demuxing only: about 20 000 packets a second).
 */
export async function listPacketTimes(tools: ProbeTools, file: string, untilSeconds: number): Promise<PacketTime[]> {
  const args = [
    '-v',
    'error',
    ...UNTRUSTED_INPUT,
    '-select_streams',
    'V:0',
    '-read_intervals',
    `%+${untilSeconds.toFixed(3)}`,
    '-show_entries',
    'packet=pts,pts_time,flags',
    '-of',
    'csv=p=0',
    file,
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
    if (pts === undefined || pts === '' || ptsTime === undefined) continue;
    // A packet without a pts ("N/A", as AVI stores them) is kept with NaN: the caller must know it is there.
    const untimed = pts === 'N/A' || ptsTime === 'N/A';
    packets.push({ pts: untimed ? Number.NaN : Number(pts), ptsTime: untimed ? Number.NaN : Number(ptsTime), discard: (flags ?? '').includes('D') });
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
  /** Shown packets left out for carrying no presentation timestamp (AVI stores none; MPEG-4 ASP in AVI some). */
  untimed: number;
}

/** Packets gathered into typed arrays, doubling their capacity as they come. */
class PacketCollector {
  private capacity = 4096;
  scan: PacketScan = { pts: new Float64Array(4096), ptsTime: new Float64Array(4096), flags: new Uint8Array(4096), count: 0, untimed: 0 };

  /** One packet from ffprobe's text; one without a timestamp ("N/A" or absent) is counted in `untimed` and left out. */
  add(pts: string | undefined, ptsTime: string | undefined, flags = ''): void {
    if (pts === undefined || pts === '' || pts === 'N/A' || ptsTime === undefined || ptsTime === 'N/A') {
      if (!flags.includes('D')) this.scan.untimed += 1;
      return;
    }
    let { scan } = this;
    if (scan.count === this.capacity) {
      this.capacity *= 2;
      const grown: PacketScan = {
        pts: new Float64Array(this.capacity),
        ptsTime: new Float64Array(this.capacity),
        flags: new Uint8Array(this.capacity),
        count: scan.count,
        untimed: scan.untimed,
      };
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
    const timer = setInterval(
      () => {
        if (Date.now() - last < limit.seconds * 1000) return;
        stalled = true;
        child.kill('SIGKILL');
      },
      Math.min(1000, limit.seconds * 250),
    );
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
  const args = ['-v', 'error', ...UNTRUSTED_INPUT, '-select_streams', 'V:0', '-show_entries', 'packet=pts,pts_time,flags', '-of', 'csv=p=0', file];
  const packets = new PacketCollector();
  const failed = (reason: string): Error => new ToolError(`ffprobe could not list the packets of ${file}: ${reason}`);
  await ffprobeLines(
    tools,
    args,
    (line) => {
      const [pts, ptsTime, flags] = line.trim().split(',');
      packets.add(pts, ptsTime, flags);
    },
    { stalled: (seconds, option) => failed(`no packet listed for ${seconds} s (raise ${option})`), failed },
  );
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
    '-v',
    'error',
    ...UNTRUSTED_INPUT,
    '-select_streams',
    'V:0',
    '-show_program_version',
    '-show_streams',
    '-show_format',
    '-show_entries',
    'packet=pts,pts_time,flags',
    '-of',
    'json=compact=1',
    file,
  ];
  const packets = new PacketCollector();
  const rest: string[] = [];
  // Inside the packets array, each packet starts with a "{" at the indent of the first one; deeper
  // lines are its side data. The packets are left out of `rest`, which stays valid JSON.
  let inPackets = false;
  let packetIndent: string | null = null;
  await ffprobeLines(
    tools,
    args,
    (line) => {
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
    },
    {
      stalled: (seconds, option) => probeStalled(file, seconds, option),
      failed: (reason, code) =>
        code === null ? new ToolError(`Cannot run ${tools.ffprobe.path}: ${reason}`) : new Error(`ffprobe exited with code ${code}\n${reason}`),
    },
  );
  const parsed = JSON.parse(rest.join('\n')) as Partial<ProbeData> & { program_version?: { version?: string } };
  const version = parsed.program_version?.version;
  return { data: probeDataOf(parsed), packets: packets.scan, ffprobeVersion: version === undefined ? null : `ffprobe version ${version}` };
}
