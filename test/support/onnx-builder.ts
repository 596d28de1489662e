/**
 * A minimal protobuf encoder for hand-built ONNX models in tests: enough of ModelProto (graph of
 * nodes, float/int64 initializers, typed inputs/outputs with fixed or symbolic dims, opset, metadata)
 * for onnxruntime to load and run small graphs.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const WIRE_VARINT = 0;
const WIRE_LENGTH_DELIMITED = 2;

/** TensorProto.DataType values. */
export const ONNX_FLOAT = 1;
export const ONNX_INT64 = 7;

/** Appends protobuf fields to a growing byte list. */
export class ProtoWriter {
  private readonly bytes: number[] = [];

  varint(value: number): this {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`varint out of range: ${value}`);
    let rest = value;
    while (rest >= 0x80) {
      this.bytes.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.bytes.push(rest);
    return this;
  }

  tag(field: number, wireType: number): this {
    return this.varint(field * 8 + wireType);
  }

  uint(field: number, value: number): this {
    return this.tag(field, WIRE_VARINT).varint(value);
  }

  raw(field: number, data: Uint8Array): this {
    this.tag(field, WIRE_LENGTH_DELIMITED).varint(data.length);
    for (const byte of data) this.bytes.push(byte);
    return this;
  }

  string(field: number, text: string): this {
    return this.raw(field, new TextEncoder().encode(text));
  }

  message(field: number, build: (writer: ProtoWriter) => void): this {
    const inner = new ProtoWriter();
    build(inner);
    return this.raw(field, inner.finish());
  }

  /** Raw bytes with no framing (for hand-made malformed input). */
  append(data: Iterable<number>): this {
    for (const byte of data) this.bytes.push(byte);
    return this;
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

export interface ValueSpec {
  name: string;
  /** Fixed sizes, or names for symbolic (dynamic) dimensions. */
  shape: readonly (number | string)[];
  elemType?: number;
}

export interface NodeSpec {
  opType: string;
  inputs: readonly string[];
  outputs: readonly string[];
  intAttributes?: Readonly<Record<string, number>>;
}

export interface InitializerSpec {
  name: string;
  dims: readonly number[];
  dataType: typeof ONNX_FLOAT | typeof ONNX_INT64;
  values: readonly number[];
}

export interface ModelSpec {
  inputs: readonly ValueSpec[];
  outputs: readonly ValueSpec[];
  nodes: readonly NodeSpec[];
  initializers?: readonly InitializerSpec[];
  metadata?: Readonly<Record<string, string>>;
  opset?: number;
}

function writeValueInfo(writer: ProtoWriter, value: ValueSpec): void {
  writer.string(1, value.name); // ValueInfoProto.name
  writer.message(2, (type) =>
    // TypeProto.tensor_type → { elem_type = 1, shape = 2 { dim = 1 { dim_value = 1 | dim_param = 2 } } }
    type.message(1, (tensor) => {
      tensor.uint(1, value.elemType ?? ONNX_FLOAT);
      tensor.message(2, (shape) => {
        for (const dim of value.shape) {
          shape.message(1, (d) => (typeof dim === 'number' ? d.uint(1, dim) : d.string(2, dim)));
        }
      });
    }),
  );
}

function initializerBytes(spec: InitializerSpec): Uint8Array {
  const values = spec.dataType === ONNX_FLOAT ? Float32Array.from(spec.values) : BigInt64Array.from(spec.values, (value) => BigInt(value));
  return new Uint8Array(values.buffer);
}

export function encodeModel(spec: ModelSpec): Uint8Array {
  const model = new ProtoWriter();
  model.uint(1, 8); // ir_version
  model.string(2, 'dataset-gen-tests'); // producer_name
  model.message(7, (graph) => {
    spec.nodes.forEach((node, index) => {
      graph.message(1, (n) => {
        for (const input of node.inputs) n.string(1, input);
        for (const output of node.outputs) n.string(2, output);
        n.string(3, `node${index}`);
        n.string(4, node.opType);
        for (const [name, value] of Object.entries(node.intAttributes ?? {})) {
          // AttributeProto { name = 1, i = 3, type = 20 (INT = 2) }
          n.message(5, (a) => a.string(1, name).uint(3, value).uint(20, 2));
        }
      });
    });
    graph.string(2, 'test-graph');
    for (const init of spec.initializers ?? []) {
      // TensorProto { dims = 1, data_type = 2, name = 8, raw_data = 9 }
      graph.message(5, (t) => {
        for (const dim of init.dims) t.uint(1, dim);
        t.uint(2, init.dataType).string(8, init.name).raw(9, initializerBytes(init));
      });
    }
    for (const input of spec.inputs) graph.message(11, (v) => writeValueInfo(v, input));
    for (const output of spec.outputs) graph.message(12, (v) => writeValueInfo(v, output));
  });
  model.message(8, (opset) => opset.string(1, '').uint(2, spec.opset ?? 13)); // opset_import
  for (const [key, value] of Object.entries(spec.metadata ?? {})) {
    model.message(14, (entry) => entry.string(1, key).string(2, value)); // metadata_props
  }
  return model.finish();
}

/** A temporary folder for model files; `cleanup` removes it. */
export async function makeModelDir(): Promise<{ dir: string; write(name: string, spec: ModelSpec): Promise<string>; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dataset-gen-onnx-'));
  return {
    dir,
    async write(name, spec) {
      const file = path.join(dir, name);
      await writeFile(file, encodeModel(spec));
      return file;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * A model whose input is `images` [batch, 3, 32, 32] and whose output `output0` [batch, 6, 512]
 * (yolov8 layout, 2 classes) is the input reshaped and scaled: rows 0-3 (cx, cy, w, h) come from the
 * red and green planes × 32, rows 4-5 (class scores) from the blue plane. A uniform colour (r, g, b)
 * thus gives one box centred at (32r/255, 32r/255), of side 32g/255, scoring b/255 for class 0.
 * `side` makes the input `side` x `side` (boxes scaled by `side`); `'dynamic'` leaves height and
 * width free (boxes scaled by 32).
 */
export function colourBoxModel(batch: number | string, metadata?: Record<string, string>, side: number | 'dynamic' = 32): ModelSpec {
  const dims = side === 'dynamic' ? ['height', 'width'] : [side, side];
  const scale = side === 'dynamic' ? 32 : side;
  return {
    inputs: [{ name: 'images', shape: [batch, 3, ...dims] }],
    outputs: [{ name: 'output0', shape: [batch, 6, side === 'dynamic' ? 'anchors' : (side * side) / 2] }],
    nodes: [
      { opType: 'Reshape', inputs: ['images', 'shape'], outputs: ['reshaped'] },
      { opType: 'Mul', inputs: ['reshaped', 'scale'], outputs: ['output0'] },
    ],
    initializers: [
      { name: 'shape', dims: [3], dataType: ONNX_INT64, values: [0, 6, -1] },
      { name: 'scale', dims: [1, 6, 1], dataType: ONNX_FLOAT, values: [scale, scale, scale, scale, 1, 1] },
    ],
    metadata,
  };
}

/**
 * The colour-box model (batch dimension free) written into `models`, with its model config
 * (`box.json` in `configDir`: yolov8 layout, 32 px input, classes a and b, at most 5 detections): a
 * detector that runs in microseconds, for pipeline runs on long generated videos.
 */
export async function writeColourBoxDetector(
  models: { write(name: string, spec: ModelSpec): Promise<string> },
  configDir: string,
): Promise<{ model: string; config: string }> {
  const model = await models.write('box.onnx', colourBoxModel('batch'));
  const config = path.join(configDir, 'box.json');
  await writeFile(config, JSON.stringify({ name: 'box', layout: 'yolov8', inputSize: 32, classNames: ['a', 'b'], maxDetections: 5 }));
  return { model, config };
}

/** A model whose single output is the flattened input: [1, 3072] matches no YOLO layout. */
export function flattenModel(): ModelSpec {
  return {
    inputs: [{ name: 'images', shape: [1, 3, 32, 32] }],
    outputs: [{ name: 'output0', shape: [1, 3072] }],
    nodes: [{ opType: 'Flatten', inputs: ['images'], outputs: ['output0'], intAttributes: { axis: 1 } }],
  };
}
