/** URL pieces of src/observe/pushgateway.ts (the round trip itself is test/integration/pushgateway.test.ts). */
import { describe, expect, test } from '@jest/globals';

import { DEFAULT_PUSH_TIMEOUT_MS, groupingKeySegment, groupingPath, parsePushgatewayUrl, PUSHGATEWAY_JOB } from '../../../src/observe/pushgateway.js';

describe('groupingKeySegment', () => {
  test.each([
    ['north-yard', 'site/north-yard'],
    ['Site_2.v1~x', 'site/Site_2.v1~x'],
    ['a/b', 'site@base64/YS9i'],
    ['yard B', 'site@base64/eWFyZCBC'],
    ['ü', 'site@base64/w7w'],
    ['??>', 'site@base64/Pz8-'],
    ['.', 'site@base64/Lg'],
    ['..', 'site@base64/Li4'],
    ['', 'site@base64/='],
  ])('%j → %s', (value, expected) => {
    expect(groupingKeySegment('site', value)).toBe(expected);
  });

  test('builds the group path with the job first', () => {
    expect(groupingPath(PUSHGATEWAY_JOB, [['site', 'a/b']])).toBe('metrics/job/dataset-gen/site@base64/YS9i');
    expect(DEFAULT_PUSH_TIMEOUT_MS).toBe(10_000);
  });
});

describe('parsePushgatewayUrl', () => {
  test('accepts http and https URLs only', () => {
    expect(parsePushgatewayUrl('http://pushgateway:9091')?.host).toBe('pushgateway:9091');
    expect(parsePushgatewayUrl(' https://gw.example.com/prefix/ ')?.pathname).toBe('/prefix/');
    expect(parsePushgatewayUrl('pushgateway:9091')).toBeNull();
    expect(parsePushgatewayUrl('ftp://gw')).toBeNull();
    expect(parsePushgatewayUrl('')).toBeNull();
  });
});
