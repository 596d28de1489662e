/**
 * What the walkthrough tests read from a built video: its streams, duration and chapters (ffprobe)
 * and its captions (WebVTT cues and section notes).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export interface ProbedVideo {
  durationS: number;
  streams: { codec_type: string; codec_name: string; width?: number; height?: number }[];
  chapters: { title: string; startS: number; endS: number }[];
}

export async function probeWalkthrough(file: string): Promise<ProbedVideo> {
  const { stdout } = await exec('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '-show_chapters', file]);
  const probe = JSON.parse(stdout) as {
    format: { duration: string };
    streams: ProbedVideo['streams'];
    chapters: { start_time: string; end_time: string; tags?: { title?: string } }[];
  };
  return {
    durationS: Number(probe.format.duration),
    streams: probe.streams,
    chapters: probe.chapters.map((c) => ({ title: c.tags?.title ?? '', startS: Number(c.start_time), endS: Number(c.end_time) })),
  };
}

export interface Captions {
  sections: string[];
  cues: { startS: number; endS: number; text: string }[];
}

function seconds(stamp: string): number {
  const [h, m, s] = stamp.split(':').map(Number);
  return h! * 3600 + m! * 60 + s!;
}

export async function readCaptions(file: string): Promise<Captions> {
  const text = await readFile(file, 'utf8');
  if (!text.startsWith('WEBVTT')) throw new Error(`${file} is not WebVTT`);
  const sections: string[] = [];
  const cues: Captions['cues'] = [];
  for (const block of text.split(/\n\n+/)) {
    const note = /^NOTE section: (.+)$/.exec(block);
    if (note) sections.push(note[1]!);
    const timing = /(\d\d:\d\d:\d\d\.\d{3}) --> (\d\d:\d\d:\d\d\.\d{3})\n([\s\S]+)/.exec(block);
    if (timing) cues.push({ startS: seconds(timing[1]!), endS: seconds(timing[2]!), text: timing[3]!.trim() });
  }
  return { sections, cues };
}

/** The longest stretch of the video with no caption on screen, in seconds. */
export function longestUncaptioned(captions: Captions, durationS: number): number {
  let longest = 0;
  let at = 0;
  for (const cue of [...captions.cues].sort((a, b) => a.startS - b.startS)) {
    longest = Math.max(longest, cue.startS - at);
    at = Math.max(at, cue.endS);
  }
  return Math.max(longest, durationS - at);
}
