/**
 * The sha256 of an input video, recorded in the manifest and metrics (and what a resumed run checks
 * its inputs against). Streamed, so memory stays constant whatever the file's size; a run starts it
 * when the video's decoding starts, so reading the file for it overlaps the decode instead of
 * delaying the first frame (a day of camera video is gigabytes: tens of seconds of hashing).
 */
import { sha256File } from '../model/sha256.js';

export function hashVideo(file: string): Promise<string> {
  return sha256File(file);
}
