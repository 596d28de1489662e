/**
 * The container zoo (the frame-identity tests' files, test/integration/container-zoo.test.ts, also
 * decoded in the image by test/e2e/container-ffmpeg.test.ts) and files in formats that are not read
 * here (refused with one line naming the format, on the host and in the image), all made with the
 * host's ffmpeg from a test pattern.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { ffmpeg } from './videos.js';

const SOURCE = ['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=25', '-t', '6'];
const X264 = ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-g', '25'];

/** Two MPEG-TS recordings of the pattern's first and last 3 s, the second at `offset` s on its clock, joined end to end as `cat` would. */
async function joinedTs(file: string, offset: number): Promise<void> {
  await ffmpeg([...SOURCE.slice(0, -2), '-t', '3', ...X264, `${file}.1.ts`]);
  await ffmpeg([...SOURCE.slice(0, -2), '-ss', '3', '-t', '3', ...X264, '-output_ts_offset', String(offset), `${file}.2.ts`]);
  await writeFile(file, Buffer.concat([await readFile(`${file}.1.ts`), await readFile(`${file}.2.ts`)]));
}

export interface ZooEntry {
  name: string;
  file: string;
  args: string[];
  make?: (file: string) => Promise<void>;
  /** Its packet list cannot place its frames in time (`--decode keyframes` is refused). */
  counted?: boolean;
}

/** Each container: its file name and how ffmpeg makes it from the pattern (`args`, or `make` for a file made in several steps). */
export const ZOO: ZooEntry[] = [
  { name: 'H.264 with B-frames in AVI', file: 'h264-b.avi', args: [...X264, '-bf', '3'], counted: true },
  { name: 'H.264 without B-frames in AVI (placed by decode timestamps)', file: 'h264.avi', args: [...X264, '-bf', '0'] },
  { name: 'MPEG-4 ASP with packed B-frames in AVI', file: 'mpeg4-b.avi', args: ['-c:v', 'mpeg4', '-bf', '2', '-q:v', '3', '-g', '25'], counted: true },
  { name: 'MPEG-4 ASP without B-frames in AVI', file: 'mpeg4.avi', args: ['-c:v', 'mpeg4', '-bf', '0', '-q:v', '3', '-g', '25'] },
  { name: 'MJPEG in AVI', file: 'mjpeg.avi', args: ['-c:v', 'mjpeg', '-q:v', '3'] },
  { name: 'H.264 with B-frames in MP4', file: 'h264-b.mp4', args: [...X264, '-bf', '3'] },
  { name: 'MPEG-TS starting at 7 s', file: 'late.ts', args: [...X264, '-output_ts_offset', '7'] },
  { name: 'MPEG-TS with a discontinuity (the clock jumps 87 s ahead at 3 s)', file: 'jump.ts', args: [], make: (file) => joinedTs(file, 90), counted: true },
  { name: 'MPEG-TS whose clock restarts at 3 s (two recordings joined)', file: 'restart.ts', args: [], make: (file) => joinedTs(file, 0), counted: true },
  { name: 'Matroska', file: 'h264.mkv', args: X264 },
  { name: 'HEVC in MP4', file: 'hevc.mp4', args: ['-c:v', 'libx265', '-x265-params', 'log-level=error:keyint=25', '-pix_fmt', 'yuv420p', '-tag:v', 'hvc1'] },
  { name: 'interlaced MPEG-2 in MPEG-TS', file: 'mpeg2i.ts', args: ['-c:v', 'mpeg2video', '-flags', '+ilme+ildct', '-top', '1', '-q:v', '3', '-g', '25'] },
  {
    name: 'MOV with an edit list (cut at 0.52 s, between keyframes, without re-encoding)',
    file: 'edit-list.mov',
    args: [],
    make: async (file) => {
      await ffmpeg([...SOURCE.slice(0, -2), '-t', '7', ...X264, `${file}.source.mp4`]);
      await ffmpeg(['-ss', '0.52', '-i', `${file}.source.mp4`, '-c', 'copy', '-t', '6', file]);
    },
  },
  { name: 'VFR MP4 (a pause of 0.5 s after 2 s)', file: 'vfr.mp4', args: [...X264, '-vf', "setpts='N/25/TB+if(gte(N,50),0.5/TB,0)'", '-fps_mode', 'vfr'] },
];

/** Makes every file of the zoo in `dir`; returns their paths in ZOO's order. */
export async function makeZoo(dir: string): Promise<string[]> {
  const files = ZOO.map((entry) => path.join(dir, entry.file));
  for (const [index, entry] of ZOO.entries()) await (entry.make ? entry.make(files[index]!) : ffmpeg([...SOURCE, ...entry.args, files[index]!]));
  return files;
}

const LAVFI = ['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=10', '-frames:v', '20'];
const CONVERT = /; convert it to MP4 first, e\.g\. `ffmpeg -i <file> -c:v libx264 -pix_fmt yuv420p out\.mp4` \(`-c copy` for a raw H\.264 or H\.265 stream\)$/;
const notRead = (format: string): RegExp => new RegExp(`^its format \\(${format}\\) is not one read here \\(MP4/MOV/3GP, [^)]*\\)${CONVERT.source}`);

/**
 * Files of formats not read here, each named .mp4: [what it is, file name, how to make it, the reason
 * the one-line refusal ends with]. The image's ffmpeg has no demuxer for most of them; the refusal
 * still names the format (src/media/file-signature.ts).
 */
export const LEFT_OUT: [string, string, (file: string) => Promise<void>, RegExp][] = [
  ['a GIF', 'gif.mp4', (file) => ffmpeg([...LAVFI, '-f', 'gif', file]), notRead('gif')],
  ['a PNG sequence', 'pngs.mp4', (file) => ffmpeg([...LAVFI, '-c:v', 'png', '-f', 'image2pipe', file]), notRead('png_pipe')],
  ['a raw MJPEG stream', 'mjpeg.mp4', (file) => ffmpeg([...LAVFI, '-c:v', 'mjpeg', '-f', 'mjpeg', file]), notRead('jpeg_pipe')],
  ['Theora in Ogg', 'ogg.mp4', (file) => ffmpeg([...LAVFI, '-c:v', 'libtheora', '-f', 'ogg', file]), notRead('ogg')],
  ['MPEG-4 in NUT', 'nut.mp4', (file) => ffmpeg([...LAVFI, '-c:v', 'mpeg4', '-f', 'nut', file]), notRead('nut')],
  ['a raw H.264 stream (no container, no duration)', 'raw264.mp4', (file) => ffmpeg([...LAVFI, '-c:v', 'libx264', '-f', 'h264', file]), notRead('h264')],
  ['raw YUV4MPEG frames', 'y4m.mp4', (file) => ffmpeg([...LAVFI, '-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe', file]), notRead('yuv4mpegpipe')],
  [
    'an HLS playlist of local segments',
    'hls.mp4',
    (file) => ffmpeg([...LAVFI, '-c:v', 'libx264', '-f', 'hls', '-hls_time', '1', file]),
    /^it is a playlist or list of other files \(hls\), not a video; pass the video files themselves$/,
  ],
  [
    'an ffconcat list',
    'concat.mp4',
    (file) => writeFile(file, 'ffconcat version 1.0\nfile plain.mp4\n'),
    /^it is a playlist or list of other files \(concat\), not a video; pass the video files themselves$/,
  ],
  [
    'an SDP session (RTP from the network)',
    'sdp.mp4',
    (file) => writeFile(file, 'v=0\no=- 0 0 IN IP4 127.0.0.1\ns=camera\nc=IN IP4 127.0.0.1\nt=0 0\nm=video 5004 RTP/AVP 96\na=rtpmap:96 H264/90000\n'),
    notRead('sdp'),
  ],
];
