/**
 * `--label-studio-images` (Action input `label-studio-images`): only an http(s) URL prefix, Label
 * Studio's local-files path or a relative path reaches the tasks; anything a browser would run, read
 * from the disk or send to another site is refused with the one "Expected … but received …" line.
 */
import { describe, expect, test } from '@jest/globals';

import { actionName } from '../../../src/action/inputs.js';
import { DEFAULT_LABEL_STUDIO_IMAGES, isLabelStudioImagePrefix, LABEL_STUDIO_IMAGES_EXPECTED } from '../../../src/domain/exports.js';
import { EXIT_CODES, UsageError } from '../../../src/errors.js';
import { labelStudioImagesOption, resolveOptions, type RawOptions } from '../../../src/options/resolve-options.js';

const ACCEPTED: [string, string][] = [
  ['the default', DEFAULT_LABEL_STUDIO_IMAGES],
  ['local files, another folder', '/data/local-files/?d=site-a/dataset/images/'],
  ['an https URL', 'https://files.example/scenes/images/'],
  ['an http URL with a port', 'http://127.0.0.1:8081/images/'],
  ['a URL with a query to end', 'https://cdn.example/get?name='],
  ['a URL scheme in capitals', 'HTTPS://files.example/x/'],
  ['a relative folder', 'images/'],
  ['a relative path up a level', '../dataset/images/'],
  ['a relative path with a colon after the first slash', 'images/a:b/'],
  ['a relative path with spaces and non-ASCII', 'mes images/été/'],
  ['nothing (the file name alone)', ''],
];

const REFUSED: [string, string][] = [
  ['javascript:', 'javascript:alert(document.cookie)//'],
  ['javascript: in mixed case', 'JaVaScRiPt:alert(1)//'],
  ['data:', 'data:text/html,<script>alert(1)</script>'],
  ['file:', 'file:///etc/'],
  ['vbscript:', 'vbscript:msgbox(1)'],
  ['another scheme', 's3://bucket/images/'],
  ['a scheme without slashes', 'blob:images/'],
  ['https without slashes', 'https:files.example/'],
  ['a Windows drive', 'C:\\data\\images\\'],
  ['an absolute path other than local files', '/data/upload/1/'],
  ['a protocol-relative URL', '//evil.example/images/'],
  ['a backslash one', '\\\\evil.example\\images\\'],
  ['a leading space before a scheme', ' javascript:alert(1)//'],
  ['a tab inside a scheme', 'java\tscript:alert(1)//'],
  ['a URL with no path (the file name would extend the host)', 'https://files.example'],
  ['a URL with no host', 'https:///images/'],
  ['a newline', 'images/\nx'],
  ['a NUL', 'images/\u0000'],
  ['DEL', 'images/\u007f'],
  ['NEL (C1)', 'https://files.example/\u0085/'],
  ['a line separator', '/data/local-files/?d=images/\u2028'],
  ['a paragraph separator', 'images\u2029/'],
  ['local files with a control character', '/data/local-files/?d=\u001b[2J'],
];

describe('isLabelStudioImagePrefix', () => {
  test.each(ACCEPTED)('accepts %s: %j', (_name, prefix) => {
    expect(isLabelStudioImagePrefix(prefix)).toBe(true);
  });

  test.each(REFUSED)('refuses %s: %j', (_name, prefix) => {
    expect(isLabelStudioImagePrefix(prefix)).toBe(false);
  });
});

describe('the option', () => {
  const base: RawOptions = { video: ['in/site-a.mp4'], out: 'ds' };

  test('the default when not given or blank; an accepted prefix as typed (trimmed)', () => {
    expect(resolveOptions(base, undefined, '/w').labelStudioImages).toBe(DEFAULT_LABEL_STUDIO_IMAGES);
    expect(labelStudioImagesOption({ 'label-studio-images': '  ' })).toBe(DEFAULT_LABEL_STUDIO_IMAGES);
    expect(labelStudioImagesOption({ 'label-studio-images': ' https://files.example/i/ ' })).toBe('https://files.example/i/');
  });

  // Options are trimmed first, and a trailing U+2028 is whitespace to `trim`: the rest is refused as it is.
  test.each(REFUSED.filter(([, prefix]) => !prefix.endsWith('\u2028')))('refuses %s with one line naming the option', (_name, prefix) => {
    let caught: unknown;
    try {
      resolveOptions({ ...base, 'label-studio-images': prefix }, undefined, '/w');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    const error = caught as UsageError;
    expect(error.exitCode).toBe(EXIT_CODES.usage);
    expect(error.message).toMatch(/^Expected an http:\/\/ or https:\/\/ URL, Label Studio's local-files path .* for --label-studio-images but received "/);
    expect(error.message).not.toMatch(/[\r\n]/);
  });

  test('the Action names its input', () => {
    expect(() => resolveOptions({ ...base, 'label-studio-images': 'javascript:alert(1)' }, actionName, '/w')).toThrow(
      `Expected ${LABEL_STUDIO_IMAGES_EXPECTED} for input "label-studio-images" but received "javascript:alert(1)"`,
    );
  });
});
