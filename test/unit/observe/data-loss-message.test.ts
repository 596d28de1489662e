/** The data-loss warnings as a user reads them: what was lost and the option to change, as the door spells it. */
import { describe, expect, test } from '@jest/globals';

import { actionName } from '../../../src/action/inputs.js';
import { describeDataLoss } from '../../../src/observe/data-loss-message.js';

describe('describeDataLoss', () => {
  test('no images, every sampled frame dropped', () => {
    expect(describeDataLoss({ kind: 'no-images', sampled: 8, labelled: 0 })).toBe(
      'The dataset has no images: all 8 sampled frames were dropped; see the drops by reason',
    );
    expect(describeDataLoss({ kind: 'no-images', sampled: 8, labelled: 5 }, actionName)).toBe(
      'The dataset has no images: all 8 sampled frames were dropped (5 of them already labelled: input "exclude"); see the drops by reason',
    );
  });

  test('no images because nothing was sampled: the range is shorter than one interval', () => {
    expect(describeDataLoss({ kind: 'no-images', sampled: 0, labelled: 0 })).toBe(
      'The dataset has no images: no frame was sampled, as the time range (--start, --end) is shorter than one sampling interval; widen it or sample more often (--sample-fps)',
    );
    expect(describeDataLoss({ kind: 'no-images', sampled: 0, labelled: 0 }, actionName)).toContain('the time range (input "start", input "end")');
  });

  test('a damaged video: the decoder errors, the frames dropped for them, and what to do', () => {
    expect(describeDataLoss({ kind: 'damaged', video: 'cam', decodeErrors: 14, dropped: 10, sampled: 20 })).toBe(
      'Video cam holds damaged data: ffmpeg reported 14 decode errors; 10 of its 20 sampled frames came from the damaged stretches (up to the next keyframe) and were dropped as corrupt; if the file should be intact, re-copy or re-export it',
    );
    expect(describeDataLoss({ kind: 'damaged', video: 'cam', decodeErrors: 1, dropped: 0, sampled: 20 })).toBe(
      'Video cam holds damaged data: ffmpeg reported 1 decode error; none of its 20 sampled frames came from the damaged stretches; if the file should be intact, re-copy or re-export it',
    );
  });

  test('a reason that dropped most frames names the options that set it', () => {
    expect(describeDataLoss({ kind: 'reason', video: 'cam', reason: 'blurred', dropped: 6, of: 10 })).toBe(
      '"blurred" dropped 6 of 10 frames (60 %) of video cam; if the frames are fine, adjust --blur-ratio or --blur-threshold',
    );
  });
});
