/**
 * The component lists of docker/ffmpeg-configure (what the image's ffmpeg is built with), read as the
 * script reads them: demuxers and decoders one a line with its reason (the line's first word, its
 * names()), the other lists as plain words.
 */
import { readFileSync } from 'node:fs';

export const CONFIGURE = readFileSync('docker/ffmpeg-configure', 'utf8');

/** The components of one list variable (demuxers, decoders, parsers, bsfs, filters, encoders, muxers, protocols). */
export function configureList(name: string): string[] {
  const value = new RegExp(`^${name}='([^']*)'`, 'm').exec(CONFIGURE)![1]!;
  const words = name === 'demuxers' || name === 'decoders' ? value.split('\n').map((line) => line.trim().split(/\s+/)[0]!) : value.split(/\s+/);
  return words.filter((word) => /^[a-z0-9_]+$/.test(word));
}
