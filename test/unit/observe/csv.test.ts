import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';

import type { FrameRecord } from '../../../src/domain/frame-record.js';
import { csvField, csvRecord, FRAME_CSV_COLUMNS, frameRowsCsv, frameRowsFromCsv, parseCsv, toCsv, unguardCsvText } from '../../../src/observe/csv.js';

describe('csvField', () => {
  test.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['"', '""""'],
    ['', ''],
    [' spaced ', ' spaced '],
    // Text a spreadsheet would run as a formula is made inert.
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['+1', "'+1"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tleading tab', "'\tleading tab"],
    ['\rleading CR', '"\'\rleading CR"'],
    ['a=b', 'a=b'],
    // A leading apostrophe is guarded too, so the guard can be taken off unambiguously.
    ["'quoted", "''quoted"],
    ["'", "''"],
    ["a'b", "a'b"],
  ])('%j → %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  test('writes null and undefined as empty cells, numbers and booleans as text', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(0)).toBe('0');
    expect(csvField(-1.5)).toBe('-1.5');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(true)).toBe('true');
  });
});

describe('toCsv', () => {
  test('ends every record in CRLF', () => {
    expect(csvRecord(['a', 1, null])).toBe('a,1,\r\n');
    expect(
      toCsv(
        ['x', 'y'],
        [
          ['1', '2'],
          ['3,4', null],
        ],
      ),
    ).toBe('x,y\r\n1,2\r\n"3,4",\r\n');
  });

  test('rejects rows that do not match the header', () => {
    expect(() => toCsv(['x', 'y'], [['1']])).toThrow(RangeError);
  });
});

describe('frameRowsCsv', () => {
  const kept: FrameRecord = {
    video: 'cam "north", gate',
    frameIndex: 30,
    timestampMs: 1001.0000000001,
    outcome: 'kept',
    lumaMean: 101.23456,
    blurScore: 350.5,
    phashDistance: 12,
    localChange: 31.25,
    detections: 3,
    inferenceMs: 45.6789,
    imageFile: 'images/site_000001.jpg',
  };
  const dropped: FrameRecord = {
    video: 'plain',
    frameIndex: 0,
    timestampMs: 0,
    outcome: 'dropped',
    reason: 'blurred',
    lumaMean: kept.lumaMean,
    blurScore: kept.blurScore,
    phashDistance: null,
    localChange: null,
  };

  test('has the documented header in a fixed order', () => {
    const header = frameRowsCsv([]).split('\r\n')[0];
    expect(header).toBe('video,frame_index,timestamp_ms,outcome,reason,luma_mean,blur_score,phash_distance,detections,inference_ms,image_file,local_change');
    expect(FRAME_CSV_COLUMNS).toHaveLength(12);
    expect(frameRowsCsv([])).toBe(`${header}\r\n`);
  });

  test('writes one row per frame with empty cells for nulls', () => {
    const lines = frameRowsCsv([kept, dropped]).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('"cam ""north"", gate",30,1001,kept,,101.235,350.5,12,3,45.679,images/site_000001.jpg,31.25');
    expect(lines[2]).toBe('plain,0,0,dropped,blurred,101.235,350.5,,,,,');
    expect(lines[3]).toBe('');
  });

  test('reads back what it wrote, and files written before local_change existed (it reads as null)', () => {
    const text = frameRowsCsv([kept, dropped]);
    expect(frameRowsFromCsv(text)).toEqual([
      { ...kept, timestampMs: 1001, lumaMean: 101.235, inferenceMs: 45.679 },
      { ...dropped, lumaMean: 101.235 },
    ]);
    const older = text
      .split('\r\n')
      .map((line) => line.replace(/,(local_change|31\.25|)$/, ''))
      .join('\r\n');
    expect(older.split('\r\n')[0]).toBe(FRAME_CSV_COLUMNS.slice(0, -1).join(','));
    expect(frameRowsFromCsv(older).map((f) => f.localChange)).toEqual([null, null]);
    expect(() => frameRowsFromCsv(text.replace('local_change', 'other'))).toThrow(RangeError);
  });
});

describe('the formula guard comes off when reading back', () => {
  test.each([
    ["'@north-gate", '@north-gate'],
    ["'=1+1", '=1+1'],
    ["'+1", '+1'],
    ["'-cmd", '-cmd'],
    ["'\tx", '\tx'],
    ["''quoted", "'quoted"],
    ["''", "'"],
    // Not a guard: an apostrophe before anything else is the text's own (files written before `'` was guarded).
    ["'quoted", "'quoted"],
    ["'", "'"],
    ['@bare', '@bare'],
    ['', ''],
  ])('%j → %j', (field, text) => {
    expect(unguardCsvText(field)).toBe(text);
  });

  test('a video named @north-gate reads back as @north-gate, with its image file', () => {
    const frame: FrameRecord = {
      video: '@north-gate',
      frameIndex: 3,
      timestampMs: 100,
      outcome: 'kept',
      lumaMean: null,
      blurScore: null,
      phashDistance: null,
      localChange: null,
      detections: 1,
      inferenceMs: 2,
      imageFile: '@north-gate_000003.jpg',
    };
    const text = frameRowsCsv([frame, { ...frame, video: '=cmd', imageFile: "'x_000003.jpg" }]);
    expect(text.split('\r\n')[1]).toMatch(/^'@north-gate,3,100,kept,.*,'@north-gate_000003\.jpg,$/);
    expect(frameRowsFromCsv(text)).toEqual([frame, { ...frame, video: '=cmd', imageFile: "'x_000003.jpg" }]);
  });

  test('any text, in any column, reads back exactly as written (2000 runs)', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\n', '"', ',', 'a', ' '), maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 3, maxLength: 3 }), { maxLength: 4 }), (rows) => {
        expect(parseCsv(toCsv(['a', 'b', 'c'], rows))).toEqual([['a', 'b', 'c'], ...rows]);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});
