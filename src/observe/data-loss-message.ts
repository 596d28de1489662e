/** One line per data-loss warning (src/domain/data-loss.ts), naming the options as the door spells them. */
import { REASON_OPTIONS, type DataLossWarning } from '../domain/data-loss.js';
import { cliName, type NameOf } from '../domain/run-options.js';

function percentOf(part: number, whole: number): string {
  return `${Math.round((part / whole) * 100)} %`;
}

export function describeDataLoss(warning: DataLossWarning, name: NameOf = cliName): string {
  if (warning.kind === 'uncovered') {
    const { video, fromSeconds, toSeconds } = warning;
    return `Video ${video} has no frames from ${fromSeconds} s to ${toSeconds} s: no merged part covered that range (merged with --allow-gaps); merge it in from the missing part to complete the dataset`;
  }
  if (warning.kind === 'truncated') {
    const { video, decodedSeconds, durationSeconds } = warning;
    return `Video ${video} is truncated: decoding stopped at ${decodedSeconds.toFixed(1)} s of ${durationSeconds.toFixed(1)} s; the frames up to there are in the dataset (pass ${name('strict')} to refuse such files)`;
  }
  if (warning.kind === 'damaged') {
    const { video, decodeErrors, dropped, sampled } = warning;
    const errors = `${decodeErrors} decode error${decodeErrors === 1 ? '' : 's'}`;
    const frames =
      dropped === 0
        ? `none of its ${sampled} sampled frames came from the damaged stretches`
        : `${dropped} of its ${sampled} sampled frames came from the damaged stretches (up to the next keyframe) and were dropped as corrupt`;
    return `Video ${video} holds damaged data: ffmpeg reported ${errors}; ${frames}; if the file should be intact, re-copy or re-export it`;
  }
  if (warning.kind === 'no-images') {
    if (warning.sampled === 0) {
      // Every video yields its first frame, so only a time range shorter than one sampling interval samples nothing.
      return `The dataset has no images: no frame was sampled, as the time range (${name('start')}, ${name('end')}) is shorter than one sampling interval; widen it or sample more often (${name('sample-fps')})`;
    }
    const labelled = warning.labelled > 0 ? ` (${warning.labelled} of them already labelled: ${name('exclude')})` : '';
    return `The dataset has no images: all ${warning.sampled} sampled frames were dropped${labelled}; see the drops by reason`;
  }
  const { video, reason, dropped, of } = warning;
  const options = REASON_OPTIONS[reason].map(name);
  const fix = options.length > 0 ? `; if the frames are fine, adjust ${options.join(' or ')}` : '; the video file is damaged: re-copy or re-export it';
  return `"${reason}" dropped ${dropped} of ${of} frames (${percentOf(dropped, of)}) of video ${video}${fix}`;
}
