/**
 * Narration spoken by espeak-ng (Debian package), one WAV per sentence so captions get each
 * sentence's real start and end. All pieces are 16-bit mono PCM at espeak-ng's rate; they are
 * joined (with pauses) into one track in memory and written as one WAV.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Pcm {
  sampleRate: number;
  /** Signed 16-bit little-endian mono samples. */
  data: Buffer;
}

export const ESPEAK = process.env.ESPEAK_PATH ?? 'espeak-ng';

/** The PCM of a canonical or streamed WAV (sizes may be 0 or 0xffffffff when streamed). */
export function readWav(wav: Buffer): Pcm {
  if (wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a WAV file');
  let offset = 12;
  let sampleRate = 0;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      const format = wav.readUInt16LE(offset + 8);
      const channels = wav.readUInt16LE(offset + 10);
      const bits = wav.readUInt16LE(offset + 22);
      if (format !== 1 || channels !== 1 || bits !== 16) throw new Error(`expected 16-bit mono PCM, got format ${format}, ${channels} channels, ${bits} bits`);
      sampleRate = wav.readUInt32LE(offset + 12);
    } else if (id === 'data') {
      if (!sampleRate) throw new Error('WAV data before its format');
      const end = size === 0 || size === 0xffffffff ? wav.length : Math.min(wav.length, offset + 8 + size);
      return { sampleRate, data: wav.subarray(offset + 8, end - ((end - offset - 8) % 2)) };
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error('WAV without a data chunk');
}

export function wavFile(pcm: Pcm): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + pcm.data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(pcm.sampleRate, 24);
  header.writeUInt32LE(pcm.sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(pcm.data.length, 40);
  return Buffer.concat([header, pcm.data]);
}

export function durationMs(pcm: Pcm): number {
  return (pcm.data.length / 2 / pcm.sampleRate) * 1000;
}

export function silence(sampleRate: number, ms: number): Pcm {
  return { sampleRate, data: Buffer.alloc(Math.round((sampleRate * ms) / 1000) * 2) };
}

export interface Voice {
  /** espeak-ng voice name. */
  voice: string;
  /** Words per minute. */
  speed: number;
}

export const DEFAULT_VOICE: Voice = { voice: 'en-us', speed: 168 };

/** Speaks `text` into PCM; espeak-ng's own output is deterministic for the same text and voice. */
export async function speak(text: string, file: string, voice: Voice = DEFAULT_VOICE): Promise<Pcm> {
  try {
    await run(ESPEAK, ['-v', voice.voice, '-s', String(voice.speed), '-w', file, '--', text]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`${ESPEAK} is not installed: run scripts/setup test (Debian package espeak-ng), or set ESPEAK_PATH`);
    throw error;
  }
  return readWav(await readFile(file));
}

export async function writeWav(file: string, pcm: Pcm): Promise<void> {
  await writeFile(file, wavFile(pcm));
}

export function concatPcm(parts: readonly Pcm[]): Pcm {
  const sampleRate = parts[0]?.sampleRate ?? 22050;
  for (const part of parts) if (part.sampleRate !== sampleRate) throw new Error(`mixed sample rates ${sampleRate} and ${part.sampleRate}`);
  return { sampleRate, data: Buffer.concat(parts.map((p) => p.data)) };
}
