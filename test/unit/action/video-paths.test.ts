/** The `video` input's glob helpers. */
import { describe, expect, test } from '@jest/globals';

import { escapeGlob, rootPattern } from '../../../src/action/video-paths.js';

describe('glob helpers', () => {
  test('escapeGlob makes a literal path', () => {
    expect(escapeGlob('/ws/[a] b?c*d\\e')).toBe('/ws/[[]a] b[?]c[*]d\\\\e');
  });

  test('rootPattern resolves the literal folders against the root', () => {
    expect(rootPattern('videos/*.mp4', '/ws')).toBe('/ws/videos/*.mp4');
    expect(rootPattern('*.mp4', '/ws')).toBe('/ws/*.mp4');
    expect(rootPattern('../up/**/*.mp4', '/ws/repo')).toBe('/ws/up/**/*.mp4');
    expect(rootPattern('/abs/*.mp4', '/ws')).toBe('/abs/*.mp4');
    expect(rootPattern('/*.mp4', '/ws')).toBe('/*.mp4');
    expect(rootPattern('[ab]/*.mp4', '/w[x]')).toBe('/w[[]x]/[ab]/*.mp4');
    expect(rootPattern('plain.mp4', '/w?')).toBe('/w[?]/plain.mp4');
  });
});
