/**
 * The bundled YOLOv8n specialised for other input shapes (src/model/specialise-yolo.ts): at its own
 * 640x640 it gives exactly the original's outputs; at 640x480 and 640x384 it runs with the anchor count
 * of that shape; models whose graph is not that layout are refused with the reason.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import Long from 'long';
import onnxProto from 'onnx-proto';
import * as ort from 'onnxruntime-node';

import { specialiseYolo } from '../../../src/model/specialise-yolo.js';
import { anchorGrid } from '../../../src/model/yolo-grid.js';
import { colourBoxModel, encodeModel } from '../../support/onnx-builder.js';
import { MODEL } from '../../support/videos.js';

const original = readFileSync(MODEL);

async function run(model: Uint8Array, width: number, height: number): Promise<ort.Tensor> {
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: 1 });
  try {
    const data = Float32Array.from({ length: 3 * width * height }, (_, i) => ((i * 7919) % 251) / 251);
    const out = await session.run({ images: new ort.Tensor('float32', data, [1, 3, height, width]) });
    return out.output0!;
  } finally {
    await session.release();
  }
}

describe('anchorGrid', () => {
  test('cells of strides 8, 16, 32 at their centres, rows first; 8400 at 640x640, 6300 at 640x480, 5040 at 640x384', () => {
    expect([anchorGrid(640, 640).count, anchorGrid(640, 480).count, anchorGrid(640, 384).count]).toEqual([8400, 6300, 5040]);
    const g = anchorGrid(64, 32);
    expect(g.count).toBe(8 * 4 + 4 * 2 + 2 * 1);
    expect(Array.from(g.points.slice(0, 9))).toEqual([0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 0.5]);
    expect(Array.from(g.points.slice(g.count, g.count + 9))).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1.5]);
    expect(Array.from(g.strides.slice(31, 34))).toEqual([8, 16, 16]);
    expect(() => anchorGrid(640, 360)).toThrow(/not a positive multiple of 32/);
  });
});

describe('specialiseYolo on the bundled YOLOv8n', () => {
  test('at its own 640x640: exactly the original outputs', async () => {
    const same = specialiseYolo(original, { width: 640, height: 640 });
    if (!('model' in same)) throw new Error(same.refused);
    const [a, b] = [await run(original, 640, 640), await run(same.model, 640, 640)];
    expect(b.dims).toEqual(a.dims);
    expect(Buffer.from((b.data as Float32Array).buffer).equals(Buffer.from((a.data as Float32Array).buffer))).toBe(true);
  }, 60_000);

  test.each([
    [640, 480, 6300],
    [640, 384, 5040],
    [384, 640, 5040],
  ])(
    'at %ix%i: the graph runs and has %i anchors',
    async (width, height, anchors) => {
      const rect = specialiseYolo(original, { width, height });
      if (!('model' in rect)) throw new Error(rect.refused);
      expect((await run(rect.model, width, height)).dims).toEqual([1, 84, anchors]);
    },
    60_000,
  );

  test('a shape that is not a multiple of 32, an edited anchor constant and another graph are refused, saying why', () => {
    expect(specialiseYolo(original, { width: 640, height: 360 })).toEqual({ refused: 'an input of 640x360 is not a positive multiple of 32 on both sides' });
    expect(specialiseYolo(encodeModel(colourBoxModel(1)), { width: 640, height: 480 })).toEqual({
      refused: 'its output holds 512 anchors, not the 21 of a YOLOv8 head at 32x32',
    });
    expect(specialiseYolo(encodeModel(colourBoxModel('batch')), { width: 640, height: 480 })).toEqual({
      refused: 'its input is [NaN, 3, 32, 32], not a fixed square [1, 3, S, S]',
    });
    const edited = onnxProto.onnx.ModelProto.decode(original);
    const anchors = edited.graph!.initializer!.find((t) => t.name === '/model.22/Constant_9_output_0')!;
    const raw = Buffer.from(anchors.rawData!);
    raw.writeFloatLE(raw.readFloatLE(0) + 1, 0);
    anchors.rawData = raw;
    expect(specialiseYolo(onnxProto.onnx.ModelProto.encode(edited).finish(), { width: 640, height: 480 })).toEqual({
      refused: 'its anchor constants are not the 8400 anchors of the square grid',
    });
    expect(specialiseYolo(Buffer.from('not onnx'), { width: 640, height: 480 })).toMatchObject({ refused: expect.stringMatching(/^it is not an ONNX model/) });
  });

  test('an int64 of INT64_MAX (a Slice end) survives decode and re-encode: protobufjs is given long, not left to find it', () => {
    const max = '9223372036854775807';
    const tensor = { name: 'end', dataType: 7, dims: [1], int64Data: [Long.fromString(max)] };
    const bytes = onnxProto.onnx.TensorProto.encode(tensor).finish();
    const decoded = onnxProto.onnx.TensorProto.decode(bytes);
    expect(decoded.int64Data.map(String)).toEqual([max]);
    expect(Buffer.from(onnxProto.onnx.TensorProto.encode(decoded).finish())).toEqual(Buffer.from(bytes));
  });
});
