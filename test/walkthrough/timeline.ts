/**
 * Where each slide and each caption sits in time, from the spoken sentences' real durations: a
 * slide lasts as long as its narration plus short pauses, and a caption shows one sentence (split
 * into readable pieces, timed by their share of the sentence's characters) until the next begins.
 */

export interface Pauses {
  /** Silence before a slide's first sentence. */
  leadMs: number;
  /** Silence between sentences. */
  betweenMs: number;
  /** Silence after a slide's last sentence. */
  tailMs: number;
}

export const DEFAULT_PAUSES: Pauses = { leadMs: 700, betweenMs: 350, tailMs: 900 };

export interface Cue {
  startMs: number;
  endMs: number;
  text: string;
}

export interface SlideTiming {
  title: string;
  startMs: number;
  endMs: number;
  cues: Cue[];
}

/** Longest caption piece, in characters (two lines of about 42). */
export const CAPTION_CHARS = 84;

/** Splits a sentence into pieces of at most `max` characters, at spaces. */
export function captionPieces(sentence: string, max = CAPTION_CHARS): string[] {
  const words = sentence.split(/\s+/).filter(Boolean);
  const pieces: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + 1 + word.length > max) {
      pieces.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) pieces.push(line);
  // Even out the last two pieces so a caption never ends on a lone word.
  if (pieces.length >= 2) {
    const joined = `${pieces[pieces.length - 2]} ${pieces[pieces.length - 1]}`.split(' ');
    const half = Math.ceil(joined.length / 2);
    const a = joined.slice(0, half).join(' ');
    const b = joined.slice(half).join(' ');
    if (a.length <= max && b.length <= max) pieces.splice(-2, 2, a, b);
  }
  return pieces;
}

export interface SpokenSection {
  title: string;
  sentences: { text: string; durationMs: number }[];
}

/** Lays the sections end to end. Cue ends reach the next cue's start, the last one the slide's end. */
export function layOut(sections: readonly SpokenSection[], pauses: Pauses = DEFAULT_PAUSES): SlideTiming[] {
  const slides: SlideTiming[] = [];
  let at = 0;
  for (const section of sections) {
    const startMs = at;
    at += pauses.leadMs;
    const cues: Cue[] = [];
    section.sentences.forEach((sentence, i) => {
      const pieces = captionPieces(sentence.text);
      const chars = pieces.reduce((n, p) => n + p.length, 0);
      let pieceStart = at;
      for (const piece of pieces) {
        const length = (sentence.durationMs * piece.length) / chars;
        cues.push({ startMs: Math.round(pieceStart), endMs: Math.round(pieceStart + length), text: piece });
        pieceStart += length;
      }
      at += sentence.durationMs + (i < section.sentences.length - 1 ? pauses.betweenMs : 0);
    });
    at += pauses.tailMs;
    const endMs = Math.round(at);
    for (let i = 0; i < cues.length; i++) cues[i]!.endMs = i + 1 < cues.length ? cues[i + 1]!.startMs : endMs;
    slides.push({ title: section.title, startMs: Math.round(startMs), endMs, cues });
  }
  return slides;
}

function vttTime(ms: number): string {
  const total = Math.round(ms);
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor((total % 3_600_000) / 60_000);
  const s = Math.floor((total % 60_000) / 1000);
  const milli = total % 1000;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(milli).padStart(3, '0')}`;
}

/** WebVTT with one NOTE per slide naming its section, then its cues. */
export function toVtt(slides: readonly SlideTiming[]): string {
  const blocks = ['WEBVTT'];
  let n = 0;
  for (const slide of slides) {
    blocks.push(`NOTE section: ${slide.title.replace(/-->/g, '→')}`);
    for (const cue of slide.cues) blocks.push(`${++n}\n${vttTime(cue.startMs)} --> ${vttTime(cue.endMs)}\n${cue.text.replace(/-->/g, '→')}`);
  }
  return `${blocks.join('\n\n')}\n`;
}

/** ffmpeg's FFMETADATA with one chapter per slide. */
export function toChapters(title: string, slides: readonly SlideTiming[]): string {
  const escape = (s: string): string => s.replace(/([=;#\\\n])/g, '\\$1');
  const lines = [';FFMETADATA1', `title=${escape(title)}`];
  for (const slide of slides) lines.push('[CHAPTER]', 'TIMEBASE=1/1000', `START=${slide.startMs}`, `END=${slide.endMs}`, `title=${escape(slide.title)}`);
  return `${lines.join('\n')}\n`;
}
