/** The model input a record holds, as read back from a checkpoint or a dataset part: what this tool writes, nothing else. */
import { describe, expect, test } from '@jest/globals';

import { inferenceInputSchema } from '../../../../src/pipeline/output/record-schemas.js';

describe('inferenceInputSchema', () => {
  test('takes what the tool writes, refuses a size out of range, an extra field or a control character', () => {
    const written = { width: 640, height: 512, reason: 'auto: 768x576 fits 640x512' };
    expect(inferenceInputSchema.parse(written)).toEqual(written);
    expect(inferenceInputSchema.safeParse({ ...written, width: -5 }).success).toBe(false);
    expect(inferenceInputSchema.safeParse({ ...written, path: '../x' }).success).toBe(false);
    expect(inferenceInputSchema.safeParse({ ...written, reason: 'line\nbreak' }).error?.issues[0]?.message).toBe('holds a control character');
    expect(inferenceInputSchema.safeParse({ ...written, reason: 'x'.repeat(1001) }).success).toBe(false);
  });
});
