/** URLs as logged and recorded: scheme, host and path only (src/domain/url-redaction.ts). */
import { describe, expect, test } from '@jest/globals';

import { hasSecretParts, redactUrl } from '../../../src/domain/url-redaction.js';

describe('redactUrl', () => {
  test.each([
    ['https://bucket.s3.amazonaws.com/m/yolo.onnx?X-Amz-Signature=abc&X-Amz-Expires=60', 'https://bucket.s3.amazonaws.com/m/yolo.onnx'],
    ['https://user:pa55@models.internal:8443/yolo.onnx#frag', 'https://models.internal:8443/yolo.onnx'],
    ['http://127.0.0.1:9091/metrics/job/dataset-gen?token=t', 'http://127.0.0.1:9091/metrics/job/dataset-gen'],
    ['https://host/plain.onnx', 'https://host/plain.onnx'],
    ['not a url', '(not a URL)'],
  ])('%s → %s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });

  test('hasSecretParts says when there is something to hide', () => {
    expect(hasSecretParts('https://host/m.onnx?sig=1')).toBe(true);
    expect(hasSecretParts('https://u:p@host/m.onnx')).toBe(true);
    expect(hasSecretParts('https://host/m.onnx#x')).toBe(true);
    expect(hasSecretParts('https://host/m.onnx')).toBe(false);
    expect(hasSecretParts('models/m.onnx')).toBe(false);
  });
});
