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
import { PACKET_ENTRIES, PacketCollector, parsePacketCsv, parsePacketLine, type PacketScan } from './packet-scan.js';
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
 * Lists the packets of the first video stream that is not a picture, over the whole file or its first
 * `untilSeconds`, without decoding (demuxing only; about 0.35 s for 10 minutes at 25 fps), streamed
 * line by line into typed arrays: 17 bytes a packet, so a day of video at 25 fps holds 37 MB.
 */
export async function scanPackets(tools: ProbeTools, file: string, untilSeconds?: number): Promise<PacketScan> {
  const until = untilSeconds === undefined ? [] : ['-read_intervals', `%+${untilSeconds.toFixed(3)}`];
  const args = ['-v', 'error', ...UNTRUSTED_INPUT, '-select_streams', 'V:0', ...until, '-show_entries', PACKET_ENTRIES, '-of', 'csv=p=0', file];
  const packets = new PacketCollector();
  const failed = (reason: string): Error => new ToolError(`ffprobe could not list the packets of ${file}: ${reason}`);
  await ffprobeLines(
    tools,
    args,
    (line) => {
      const fields = parsePacketCsv(line);
      if (fields !== null) packets.add(fields);
    },
    { stalled: (seconds, option) => failed(`no packet listed for ${seconds} s (raise ${option})`), failed },
  );
  return packets.scan;
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
    PACKET_ENTRIES,
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
          packets.add(parsePacketLine(trimmed));
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
