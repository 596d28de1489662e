/**
 * Stage 1: probe and validate an input video with ffprobe. Anything that is not a decodable video is
 * refused here, with one line naming the file and the reason.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';

import { cliName, type NameOf } from '../../domain/run-options.js';
import type { VideoInfo } from '../../domain/video.js';
import { ToolError, VideoInputError } from '../../errors.js';
import { probeFile, probeFileWithPackets, scanPackets, type ProbeData } from '../../media/ffprobe.js';
import { sniffFormat } from '../../media/file-signature.js';
import type { PacketScan } from '../../media/packet-scan.js';
import { type ProbeTools } from '../../media/tools.js';
import { READ_FORMATS_TEXT } from '../../media/untrusted-input.js';

/** Containers ffprobe accepts that hold still images, not video. */
const IMAGE_FORMATS = /(^|,)(image2|[a-z0-9]+_pipe|gif|apng|webp)(,|$)/;

/** Playlists and lists that make ffmpeg open other files: a video input must be one file. */
const LIST_FORMATS = /(^|,)(hls|applehttp|concat|dash|imf)(,|$)/;

function parseRate(rate: string | undefined): number {
  if (!rate) return 0;
  const [num, den] = rate.split('/').map(Number);
  if (num === undefined || !Number.isFinite(num)) return 0;
  const value = den === undefined ? num : den === 0 ? 0 : num / den;
  return Number.isFinite(value) && value > 0 ? value : 0;
}

function finiteNumber(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

/** Rotation 0/90/180/270 from the display matrix (ffprobe 5+) or the legacy `rotate` tag (older ffprobe). */
export function rotationOf(stream: Record<string, unknown>): number {
  const tags = (stream.tags ?? {}) as Record<string, unknown>;
  const raw = finiteNumber(stream.rotation) ?? finiteNumber(tags.rotate) ?? 0;
  const normalised = (((Math.round(raw / 90) * 90) % 360) + 360) % 360;
  return normalised;
}

/** A format that is not read here, as the one-line reason; a list or playlist is said to be one. */
function notReadHere(format: string): string {
  if (LIST_FORMATS.test(format)) return `it is a playlist or list of other files (${format}), not a video; pass the video files themselves`;
  return `its format (${format}) is not one read here (${READ_FORMATS_TEXT}); convert it to MP4 first, e.g. \`ffmpeg -i <file> -c:v libx264 -pix_fmt yuv420p out.mp4\` (\`-c copy\` for a raw H.264 or H.265 stream)`;
}

/**
 * ffprobe's failure as one reason. `sniffed` is the format the file's first bytes name, when it is one
 * not read here: it names the file whatever ffprobe made of it (but a protocol refusal, which says
 * more). The image's ffprobe has no demuxer for most such formats: it finds no known format in the
 * file, or falls back to the demuxer of its extension (a GIF named .mp4: "moov atom not found").
 */
export function reasonFromProbeError(error: unknown, sniffed: string | null): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const last = lines.filter((line) => !/^ffprobe exited with code/.test(line)).at(-1) ?? lines[0] ?? 'unknown error';
  const protocol = /Protocol '([^']+)' not on whitelist/.exec(message)?.[1];
  if (protocol !== undefined) return `it refers to a "${protocol}" resource, and only local files are read (a playlist or list is not a video)`;
  if (sniffed !== null) return notReadHere(sniffed);
  // ffmpeg names the format it detected in the line's prefix: `[gif @ 0x55d0c8a2f6c0] Format not on whitelist '…'`.
  const refused = /(?:\[([^\]@\s]+) @ [^\]]*\]\s*)?Format not on whitelist/.exec(message);
  if (refused !== null) return notReadHere(refused[1] ?? 'unnamed');
  if (/moov atom not found/i.test(message)) return 'the file looks truncated or incomplete (moov atom not found)';
  if (/Invalid data found when processing input/i.test(message)) return 'ffprobe found no known container format in it';
  return `ffprobe failed: ${last.replace(/^.*?:\s*/, '')}`;
}

async function checkFile(file: string, name: NameOf): Promise<number> {
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new VideoInputError(`Video ${file} does not exist; check the ${name('video')} path`);
  }
  if (info.isDirectory()) throw new VideoInputError(`Video ${file} is a directory; pass a video file (or a glob in the Action)`);
  if (!info.isFile()) throw new VideoInputError(`Video ${file} is not a regular file`);
  if (info.size === 0) throw new VideoInputError(`Video ${file} is empty (0 bytes); re-copy or re-export it`);
  return info.size;
}

export function videoInfoFromProbe(file: string, index: number, sizeBytes: number, data: ProbeData): VideoInfo {
  const formatName = data.format.format_name ?? '';
  const stream = data.streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  if (!stream) {
    const kinds = [...new Set(data.streams.map((s) => s.codec_type ?? 'unknown'))].join(', ') || 'no streams';
    throw new VideoInputError(`Video ${file} has no video stream (found: ${kinds}); pass a file with video in it`);
  }
  if (LIST_FORMATS.test(formatName)) {
    throw new VideoInputError(`Video ${file} is a playlist or list of other files (${formatName}), not a video; pass the video files themselves`);
  }
  if (IMAGE_FORMATS.test(formatName)) {
    throw new VideoInputError(`Video ${file} is a still image (${formatName}), not a video`);
  }
  const codedWidth = finiteNumber(stream.width) ?? 0;
  const codedHeight = finiteNumber(stream.height) ?? 0;
  if (codedWidth <= 0 || codedHeight <= 0) {
    throw new VideoInputError(`Video ${file}: the video stream has no frame size (${stream.codec_name ?? 'unknown codec'}); it cannot be decoded`);
  }
  const fps = parseRate(stream.avg_frame_rate) || parseRate(stream.r_frame_rate);
  if (fps <= 0) throw new VideoInputError(`Video ${file}: the video stream has no frame rate; it cannot be sampled`);
  const duration = finiteNumber(stream.duration) ?? finiteNumber(data.format.duration) ?? 0;
  if (duration <= 0) throw new VideoInputError(`Video ${file}: the video stream has no duration; it may be truncated`);
  const rotation = rotationOf(stream as unknown as Record<string, unknown>);
  const swap = rotation === 90 || rotation === 270;
  const nbFrames = finiteNumber(stream.nb_frames);
  return {
    path: file,
    stem: path.basename(file, path.extname(file)),
    index,
    container: formatName,
    codec: stream.codec_name ?? 'unknown',
    durationSeconds: duration,
    fps,
    width: swap ? codedHeight : codedWidth,
    height: swap ? codedWidth : codedHeight,
    rotation,
    frameCount: nbFrames && nbFrames > 0 ? nbFrames : Math.round(duration * fps),
    frameCountExact: Boolean(nbFrames && nbFrames > 0),
    reordersFrames: (finiteNumber(stream.has_b_frames) ?? 0) > 0,
    sizeBytes,
  };
}

/** A probe's failure as the user should read it: a tool that does not run, or a file that is not a video. */
async function probeError(file: string, error: unknown): Promise<Error> {
  if (error instanceof VideoInputError || error instanceof ToolError) return error;
  return new VideoInputError(`Video ${file} is not a decodable video: ${reasonFromProbeError(error, await sniffFormat(file))}`);
}

/** Probes and validates one input video. */
export async function probeVideo(tools: ProbeTools, file: string, index: number, name: NameOf = cliName): Promise<VideoInfo> {
  const absolute = path.resolve(file);
  const sizeBytes = await checkFile(absolute, name);
  let data: ProbeData;
  try {
    data = await probeFile(tools, absolute);
  } catch (error) {
    throw await probeError(absolute, error);
  }
  return videoInfoFromProbe(absolute, index, sizeBytes, data);
}

/** A probed video with its packet list (for `--decode auto|keyframes`), and ffprobe's version when it said. */
export interface ProbedWithPackets {
  info: VideoInfo;
  packets: PacketScan;
  ffprobeVersion: string | null;
}

/**
 * `probeVideo` and `scanPackets` in one ffprobe call (probeFileWithPackets). It sees only the first
 * video stream that is not a picture: a file without one is probed again in full, so that the refusal
 * names what the file holds.
 */
export async function probeVideoWithPackets(tools: ProbeTools, file: string, index: number, name: NameOf = cliName): Promise<ProbedWithPackets> {
  const absolute = path.resolve(file);
  const sizeBytes = await checkFile(absolute, name);
  let probed;
  try {
    probed = await probeFileWithPackets(tools, absolute);
  } catch (error) {
    throw await probeError(absolute, error);
  }
  if (probed.data.streams.length === 0) {
    const info = await probeVideo(tools, absolute, index, name);
    return { info, packets: await scanPackets(tools, absolute), ffprobeVersion: null };
  }
  return { info: videoInfoFromProbe(absolute, index, sizeBytes, probed.data), packets: probed.packets, ffprobeVersion: probed.ffprobeVersion };
}
