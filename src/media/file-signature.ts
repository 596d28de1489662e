/**
 * Names a file's format from its first bytes, for the one-line refusal of a format that is not read
 * here, when ffprobe cannot name it: the image's ffmpeg is built with the demuxers of the formats read
 * and a few more (docker/ffmpeg-configure), so it finds "no known container format" in a GIF, PNG or
 * Ogg file, and takes a NUT file for raw MPEG-4. The names are libavformat's, as a full ffmpeg
 * (the host's) gives them, so the message is the same with either.
 *
 * Only formats that are not read here are listed, each by a signature that no accepted container
 * starts with; anything else gives null and the caller keeps ffprobe's words. The file is read safely:
 * a symbolic link is not followed (lstat, then O_NOFOLLOW), only a regular file is opened (O_NONBLOCK,
 * so a FIFO swapped in cannot block), and at most SIGNATURE_BYTES are read.
 */
import { constants } from 'node:fs';
import { lstat, open } from 'node:fs/promises';

/** How many bytes of a file are read to name its format. */
export const SIGNATURE_BYTES = 64;

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

function has(bytes: Uint8Array, signature: number[], at = 0): boolean {
  return bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);
}

function contains(bytes: Uint8Array, signature: number[]): boolean {
  for (let at = 0; at + signature.length <= bytes.length; at++) if (has(bytes, signature, at)) return true;
  return false;
}

const PNG = [0x89, ...ascii('PNG\r\n\x1a\n')];

/** [libavformat's name, test on the first bytes], first match wins. */
const SIGNATURES: [string, (bytes: Uint8Array) => boolean][] = [
  ['gif', (b) => has(b, ascii('GIF87a')) || has(b, ascii('GIF89a'))],
  // An animated PNG has its acTL chunk before the first frame; libavformat then says apng.
  ['apng', (b) => has(b, PNG) && contains(b, ascii('acTL'))],
  ['png_pipe', (b) => has(b, PNG)],
  // A JPEG image or a raw MJPEG stream (a full ffmpeg probes both as jpeg_pipe).
  ['jpeg_pipe', (b) => has(b, [0xff, 0xd8, 0xff])],
  ['webp_pipe', (b) => has(b, ascii('RIFF')) && has(b, ascii('WEBP'), 8)],
  ['tiff_pipe', (b) => has(b, ascii('II*\0')) || has(b, ascii('MM\0*'))],
  ['wav', (b) => has(b, ascii('RIFF')) && has(b, ascii('WAVE'), 8)],
  ['ogg', (b) => has(b, ascii('OggS'))],
  ['nut', (b) => has(b, ascii('nut/multimedia container\0'))],
  ['yuv4mpegpipe', (b) => has(b, ascii('YUV4MPEG2'))],
  // An MXF partition pack's key.
  ['mxf', (b) => has(b, [0x06, 0x0e, 0x2b, 0x34, 0x02, 0x05, 0x01, 0x01, 0x0d, 0x01, 0x02, 0x01, 0x01])],
  ['flac', (b) => has(b, ascii('fLaC'))],
  ['mp3', (b) => has(b, ascii('ID3'))],
  // Lists and playlists (the caller says "a playlist or list of other files" for these).
  ['hls', (b) => has(b, ascii('#EXTM3U')) || has(b, [0xef, 0xbb, 0xbf, ...ascii('#EXTM3U')])],
  ['concat', (b) => has(b, ascii('ffconcat version '))],
  ['sdp', (b) => has(b, ascii('v=0\n')) || has(b, ascii('v=0\r\n'))],
];

/** libavformat's name for the format of a file that starts with these bytes, when it is one not read here; else null. */
export function formatFromSignature(bytes: Uint8Array): string | null {
  return SIGNATURES.find(([, test]) => test(bytes))?.[0] ?? null;
}

/**
 * The first SIGNATURE_BYTES of a regular file, read without following a symbolic link; null for a
 * link, a FIFO, a device, a directory, a file that is replaced between the checks, or any error.
 */
export async function readSignature(file: string): Promise<Uint8Array | null> {
  try {
    const before = await lstat(file);
    if (!before.isFile()) return null;
    const handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    try {
      const opened = await handle.stat();
      if (!opened.isFile() || opened.ino !== before.ino || opened.dev !== before.dev) return null;
      const buffer = Buffer.alloc(SIGNATURE_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, SIGNATURE_BYTES, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

/** The format of a file that is not read here, named from its first bytes (see formatFromSignature); null when it cannot be. */
export async function sniffFormat(file: string): Promise<string | null> {
  const bytes = await readSignature(file);
  return bytes === null ? null : formatFromSignature(bytes);
}
