/**
 * A YOLOv8/YOLO11 detect model exported with a fixed square input, specialised for another input
 * shape (issue 29: a 4:3 or 16:9 video letterboxed to 640x480 or 640x384 instead of 640x640). The
 * convolutions and the neck's Resize (by scales) take any shape; what the export fixed is the input's
 * dims, the anchor points and strides (constants of [1, 2, N] and [1, N]), and the detect head's
 * reshape targets that hold N (the DFL's [1, 4, 16, N] and [1, 4, N]). Those are rewritten for the new
 * shape; anything else that names N or the square side, a constant not equal to the square's anchor
 * grid, or a graph of another shape is refused with the reason, and the caller runs square.
 *
 * The ONNX protobuf is read and written with onnx-proto (the ONNX schema compiled for protobufjs).
 * protobufjs is given `long` here rather than finding it at run time in node_modules: int64 fields
 * (a Slice's INT64_MAX end, say) then decode to Long and re-encode exactly wherever this runs, the
 * bundle included (the image prunes these packages from node_modules: ncc bundles them into dist).
 */
import Long from 'long';
import onnxProto from 'onnx-proto';
import protobuf from 'protobufjs/minimal.js';

import { anchorGrid, type AnchorGrid } from './yolo-grid.js';

const { onnx } = onnxProto;
type Tensor = onnxProto.onnx.ITensorProto;
type ValueInfo = onnxProto.onnx.IValueInfoProto;
type Model = onnxProto.onnx.IModelProto;

protobuf.util.Long = Long;
protobuf.configure();

export interface InputShape {
  width: number;
  height: number;
}

export type Specialised = { model: Uint8Array } | { refused: string };

const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;

const num = (value: number | Long | null | undefined): number =>
  value === null || value === undefined ? NaN : typeof value === 'number' ? value : value.toNumber();
const dimsOf = (tensor: Tensor): number[] => (tensor.dims ?? []).map((d) => num(d as number | Long));

function floats(tensor: Tensor): Float32Array {
  if (tensor.rawData && tensor.rawData.length > 0) {
    const raw = tensor.rawData;
    return new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  }
  return Float32Array.from(tensor.floatData ?? []);
}

function int64s(tensor: Tensor): number[] {
  if (tensor.rawData && tensor.rawData.length > 0) {
    const view = new DataView(tensor.rawData.buffer, tensor.rawData.byteOffset, tensor.rawData.byteLength);
    return Array.from({ length: tensor.rawData.byteLength / 8 }, (_, i) => Number(view.getBigInt64(i * 8, true)));
  }
  return (tensor.int64Data ?? []).map((v) => num(v as number | Long));
}

function setFloats(tensor: Tensor, dims: number[], values: Float32Array): void {
  tensor.dims = dims;
  tensor.floatData = [];
  tensor.rawData = new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength));
}

function setInt64s(tensor: Tensor, values: number[]): void {
  const raw = new DataView(new ArrayBuffer(values.length * 8));
  values.forEach((v, i) => raw.setBigInt64(i * 8, BigInt(v), true));
  tensor.int64Data = [];
  tensor.rawData = new Uint8Array(raw.buffer);
}

const equal = (a: ArrayLike<number>, b: ArrayLike<number>): boolean => a.length === b.length && Array.from(a).every((v, i) => v === b[i]);

/** The model's fixed input and output dims, or why it is not a square single-image detect export. */
function shapes(model: Model): { side: number; outputDims: number[] } | string {
  const inputs = model.graph?.input ?? [];
  const outputs = model.graph?.output ?? [];
  if (inputs.length !== 1 || outputs.length !== 1) return 'it has not exactly one input and one output';
  const dims = (value: ValueInfo): number[] => (value.type?.tensorType?.shape?.dim ?? []).map((d) => (d.dimParam ? NaN : num(d.dimValue as number | Long)));
  const input = dims(inputs[0]!);
  if (input.length !== 4 || input[0] !== 1 || input[1] !== 3 || input[2] !== input[3] || !Number.isFinite(input[2])) {
    return `its input is [${input.join(', ')}], not a fixed square [1, 3, S, S]`;
  }
  const output = dims(outputs[0]!);
  if (output.length !== 3 || output[0] !== 1 || !Number.isFinite(output[1]) || !Number.isFinite(output[2]))
    return `its output is [${output.join(', ')}], not [1, 4 + classes, anchors]`;
  return { side: input[2]!, outputDims: output };
}

/** Rewrites the anchor, stride and reshape constants from `square` to `target`, or says why it cannot. */
function rewriteConstants(initializers: Tensor[], square: AnchorGrid, target: AnchorGrid): string | null {
  const n = square.count;
  const points = initializers.filter((t) => t.dataType === FLOAT && equal(dimsOf(t), [1, 2, n]));
  const strides = initializers.filter((t) => t.dataType === FLOAT && equal(dimsOf(t), [1, n]));
  if (points.length !== 2 || !points.every((t) => equal(floats(t), square.points))) return `its anchor constants are not the ${n} anchors of the square grid`;
  if (strides.length !== 1 || !equal(floats(strides[0]!), square.strides)) return "its stride constant is not the square grid's";
  const reshapes = initializers.filter((t) => t.dataType === INT64 && int64s(t).includes(n));
  const dfl = reshapes.map((t) => int64s(t));
  if (reshapes.length !== 2 || !dfl.some((v) => equal(v, [1, 4, 16, n])) || !dfl.some((v) => equal(v, [1, 4, n]))) {
    return `the constants that hold the anchor count are not the detect head's two reshapes (found ${reshapes.length})`;
  }
  for (const t of points) setFloats(t, [1, 2, target.count], target.points);
  setFloats(strides[0]!, [1, target.count], target.strides);
  for (const t of reshapes)
    setInt64s(
      t,
      int64s(t).map((v) => (v === n ? target.count : v)),
    );
  return null;
}

/** The model specialised for `shape`, or why it cannot be (the caller then runs it square). */
export function specialiseYolo(bytes: Uint8Array, shape: InputShape): Specialised {
  let model: Model;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (error) {
    return { refused: `it is not an ONNX model onnx-proto can read (${(error as Error).message})` };
  }
  const found = shapes(model);
  if (typeof found === 'string') return { refused: found };
  const graph = model.graph!;
  let square: AnchorGrid;
  let target: AnchorGrid;
  try {
    square = anchorGrid(found.side, found.side);
    target = anchorGrid(shape.width, shape.height);
  } catch (error) {
    return { refused: (error as Error).message };
  }
  if (found.outputDims[2] !== square.count) {
    return { refused: `its output holds ${found.outputDims[2]} anchors, not the ${square.count} of a YOLOv8 head at ${found.side}x${found.side}` };
  }
  if ((graph.node ?? []).some((node) => node.opType === 'Constant')) return { refused: 'it holds Constant nodes (an export layout this does not rewrite)' };
  const problem = rewriteConstants(graph.initializer ?? [], square, target);
  if (problem !== null) return { refused: problem };
  const inputDims = graph.input![0]!.type!.tensorType!.shape!.dim!;
  inputDims[2]!.dimValue = shape.height;
  inputDims[3]!.dimValue = shape.width;
  graph.output![0]!.type!.tensorType!.shape!.dim![2]!.dimValue = target.count;
  // Intermediate shapes the exporter recorded are the square's; onnxruntime infers them again.
  graph.valueInfo = [];
  return { model: onnx.ModelProto.encode(model).finish() };
}
