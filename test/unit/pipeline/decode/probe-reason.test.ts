/**
 * The one-line reason for a file ffprobe cannot read, as the host's full ffprobe and the image's lean
 * one word their failures (their stderr as ffprobe writes it), with and without a format named from the
 * file's first bytes.
 */
import { describe, expect, test } from '@jest/globals';

import { reasonFromProbeError } from '../../../../src/pipeline/decode/probe.js';

const failure = (stderr: string): Error => new Error(`ffprobe exited with code 1\n${stderr}`);
const WHITELIST = "Format not on whitelist 'mov,matroska,avi,mpegts,mpeg,flv,asf,ivf,dhav'";

describe('reasonFromProbeError', () => {
  test('the host: ffprobe names the refused format, and the signature agrees or is silent', () => {
    const gif = failure(`[gif @ 0x55d0c8a2f6c0] ${WHITELIST}\n/v/gif.mp4: Invalid data found when processing input`);
    expect(reasonFromProbeError(gif, 'gif')).toMatch(/^its format \(gif\) is not one read here \(MP4\/MOV\/3GP, .*\); convert it to MP4 first/);
    expect(reasonFromProbeError(gif, null)).toMatch(/^its format \(gif\) is not one read here/);
    const h264 = failure(`[h264 @ 0x1] ${WHITELIST}\n/v/raw.mp4: Invalid data found when processing input`);
    expect(reasonFromProbeError(h264, null)).toMatch(/^its format \(h264\) is not one read here .*`-c copy` for a raw H\.264 or H\.265 stream\)$/);
  });

  test('the image: no demuxer for it, so the signature names it; a list or playlist is said to be one', () => {
    const unknown = failure('/v/gif.mp4: Invalid data found when processing input');
    expect(reasonFromProbeError(unknown, 'gif')).toMatch(/^its format \(gif\) is not one read here \(MP4\/MOV\/3GP, /);
    expect(reasonFromProbeError(unknown, 'ogg')).toMatch(/^its format \(ogg\) is not one read here/);
    expect(reasonFromProbeError(unknown, 'hls')).toBe('it is a playlist or list of other files (hls), not a video; pass the video files themselves');
    expect(reasonFromProbeError(unknown, null)).toBe('ffprobe found no known container format in it');
  });

  test('the image: a NUT file probed as raw MPEG-4 (m4v) is named by its signature, not by the wrong demuxer', () => {
    const nut = failure(`[m4v @ 0x2] ${WHITELIST}\n/v/nut.mp4: Invalid data found when processing input`);
    expect(reasonFromProbeError(nut, 'nut')).toMatch(/^its format \(nut\) is not one read here/);
    expect(reasonFromProbeError(nut, null)).toMatch(/^its format \(m4v\) is not one read here/);
  });

  test('the image: a GIF named .mp4 goes to the MP4 demuxer by its extension, and is named by its signature, not called truncated', () => {
    const moov = failure('[mov,mp4,m4a,3gp,3g2,mj2 @ 0x4] moov atom not found\n/v/gif.mp4: Invalid data found when processing input');
    expect(reasonFromProbeError(moov, 'gif')).toMatch(/^its format \(gif\) is not one read here/);
    expect(reasonFromProbeError(moov, null)).toBe('the file looks truncated or incomplete (moov atom not found)');
  });

  test("a protocol refusal keeps its own words whatever the signature says; without a signature, ffprobe's words", () => {
    expect(reasonFromProbeError(failure("[hls @ 0x3] Protocol 'http' not on whitelist 'file,pipe'!"), 'hls')).toBe(
      'it refers to a "http" resource, and only local files are read (a playlist or list is not a video)',
    );
    expect(reasonFromProbeError(failure('/v/x.mp4: Permission denied'), null)).toBe('ffprobe failed: Permission denied');
  });
});
