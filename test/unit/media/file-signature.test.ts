/**
 * Naming a file's format from its first bytes (bytes made here), and reading them safely: no link
 * followed, no FIFO or device opened, at most SIGNATURE_BYTES read.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';

import { formatFromSignature, readSignature, SIGNATURE_BYTES, sniffFormat } from '../../../src/media/file-signature.js';
import { tempDir } from '../../support/videos.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));
const png = (...chunks: string[]): Uint8Array => bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13], 'IHDR', new Array<number>(17).fill(0), ...chunks);

describe('formatFromSignature', () => {
  test.each([
    ['gif', bytes('GIF89a', [0x10, 0, 0x10, 0])],
    ['gif', bytes('GIF87a')],
    ['png_pipe', png('\0\0\0\0IDAT')],
    ['apng', png('\0\0\0\x08acTL')],
    ['jpeg_pipe', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF')],
    ['webp_pipe', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ')],
    ['wav', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ')],
    ['tiff_pipe', bytes('II*\0', [8, 0, 0, 0])],
    ['tiff_pipe', bytes('MM\0*')],
    ['ogg', bytes('OggS', [0, 2])],
    ['nut', bytes('nut/multimedia container\0', 'N', [0x4d, 0x7a, 0x56])],
    ['yuv4mpegpipe', bytes('YUV4MPEG2 W160 H120 F10:1')],
    ['mxf', bytes([0x06, 0x0e, 0x2b, 0x34, 0x02, 0x05, 0x01, 0x01, 0x0d, 0x01, 0x02, 0x01, 0x01, 0x02, 0x04, 0x00])],
    ['flac', bytes('fLaC')],
    ['mp3', bytes('ID3', [4, 0])],
    ['hls', bytes('#EXTM3U\n#EXT-X-VERSION:3\n')],
    ['hls', bytes([0xef, 0xbb, 0xbf], '#EXTM3U\r\n')],
    ['concat', bytes('ffconcat version 1.0\nfile a.mp4\n')],
    ['sdp', bytes('v=0\no=- 0 0 IN IP4 127.0.0.1\n')],
    ['sdp', bytes('v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\n')],
  ])('%s', (format, start) => {
    expect(formatFromSignature(start)).toBe(format);
  });

  test.each([
    ['MP4 (ftyp)', bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0])],
    ['Matroska', bytes([0x1a, 0x45, 0xdf, 0xa3])],
    ['AVI', bytes('RIFF', [0x24, 0, 0, 0], 'AVI LIST')],
    ['MPEG-TS', bytes([0x47, 0x40, 0x00, 0x10])],
    ['MPEG-PS', bytes([0, 0, 1, 0xba, 0x44])],
    ['FLV', bytes('FLV', [1, 5])],
    ['ASF', bytes([0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11])],
    ['IVF', bytes('DKIF', [0, 0, 0x20, 0])],
    ['Dahua DAV', bytes('DHAV')],
    ['raw H.264', bytes([0, 0, 0, 1, 0x67, 0x64])],
    ['a truncated signature', bytes('GIF8')],
    ['nothing', bytes()],
  ])('%s: null (read here, or not known)', (_label, start) => {
    expect(formatFromSignature(start)).toBeNull();
  });
});

describe('readSignature and sniffFormat', () => {
  test('a regular file: at most SIGNATURE_BYTES from the start', async () => {
    const { dir, cleanup } = await tempDir();
    const file = path.join(dir, 'a.mp4');
    await writeFile(file, Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(1000, 7)]));
    const read = await readSignature(file);
    expect(read?.length).toBe(SIGNATURE_BYTES);
    expect(Buffer.from(read!.subarray(0, 6)).toString('latin1')).toBe('GIF89a');
    expect(await sniffFormat(file)).toBe('gif');
    await writeFile(file, 'OggS');
    expect(await readSignature(file)).toEqual(Buffer.from('OggS'));
    expect(await sniffFormat(file)).toBe('ogg');
    await cleanup();
  });

  test('a symbolic link, a directory, a FIFO and a missing file give null (nothing followed, opened or blocked on)', async () => {
    const { dir, cleanup } = await tempDir();
    const target = path.join(dir, 'target.gif');
    await writeFile(target, 'GIF89a');
    const link = path.join(dir, 'link.mp4');
    await symlink(target, link);
    const fifo = path.join(dir, 'fifo.mp4');
    execFileSync('mkfifo', [fifo]);
    await mkdir(path.join(dir, 'folder.mp4'));
    for (const file of [link, fifo, path.join(dir, 'folder.mp4'), path.join(dir, 'missing.mp4')]) {
      expect(await readSignature(file)).toBeNull();
      expect(await sniffFormat(file)).toBeNull();
    }
    expect(await sniffFormat(target)).toBe('gif');
    await cleanup();
  });
});
