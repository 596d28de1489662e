/**
 * A video stream's packets as ffprobe lists them (no decoding), gathered into typed arrays: each
 * packet's presentation time, its flags, and what the list says about how far its times can be
 * trusted (packets without a pts, decode times that jump).
 */

/** The fields ffprobe is asked for, in the order its CSV gives them. */
export const PACKET_ENTRIES = 'packet=pts,pts_time,dts,dts_time,flags';

/** One packet's fields as ffprobe prints them; a field it has no value for is undefined or "N/A". */
export interface PacketFields {
  pts?: string;
  ptsTime?: string;
  dts?: string;
  dtsTime?: string;
  flags?: string;
}

/** Flag bits of a packet in `PacketScan.flags`. */
export const KEYFRAME = 1;
export const DISCARD = 2;
/** The packet carries no pts: its decode timestamp stands in (`PacketScan.fromDts`). */
export const FROM_DTS = 4;

/** A decode timestamp this far behind the one before it (s) is a discontinuity, as ffmpeg counts one. */
const BACK_JUMP_S = 0.1;
/** A decode timestamp this far ahead of the one before it (s): ffmpeg's `dts_delta_threshold`. */
const GAP_S = 10;

/** Every video packet of a file, in the demuxer's (decode) order, as parallel arrays. */
export interface PacketScan {
  /** In the stream's time base: the packet's pts, or its dts when it carries none (flag FROM_DTS). */
  pts: Float64Array;
  /** In seconds, as `pts`. */
  ptsTime: Float64Array;
  /** KEYFRAME (flag K), DISCARD (flag D, never shown), FROM_DTS. */
  flags: Uint8Array;
  count: number;
  /** Shown packets left out for carrying neither a pts nor a dts. */
  untimed: number;
  /** Shown packets without a pts whose dts stands in (AVI stores decode times only; MPEG-4 ASP in AVI gives some packets a pts). */
  fromDts: number;
  /** Decode timestamps more than 0.1 s behind the one before (a clock reset, files joined end to end). */
  backJumps: number;
  /** Decode timestamps more than 10 s ahead of the one before (a discontinuity in MPEG-TS; a pause in recording elsewhere). */
  gaps: number;
}

function isMissing(value: string | undefined): value is undefined {
  return value === undefined || value === '' || value === 'N/A';
}

/** Packets gathered into typed arrays, doubling their capacity as they come. */
export class PacketCollector {
  private capacity = 4096;
  private lastDtsTime = Number.NaN;
  scan: PacketScan = {
    pts: new Float64Array(4096),
    ptsTime: new Float64Array(4096),
    flags: new Uint8Array(4096),
    count: 0,
    untimed: 0,
    fromDts: 0,
    backJumps: 0,
    gaps: 0,
  };

  /** One packet; one with neither a pts nor a dts is counted in `untimed` and left out. */
  add(fields: PacketFields): void {
    const flags = fields.flags ?? '';
    const shown = !flags.includes('D');
    this.noteDts(fields.dtsTime);
    let pts = fields.pts;
    let ptsTime = fields.ptsTime;
    let fromDts = 0;
    if (isMissing(pts) || isMissing(ptsTime)) {
      pts = fields.dts;
      ptsTime = fields.dtsTime;
      fromDts = FROM_DTS;
      if (isMissing(pts) || isMissing(ptsTime)) {
        if (shown) this.scan.untimed += 1;
        return;
      }
      if (shown) this.scan.fromDts += 1;
    }
    const scan = this.room();
    scan.pts[scan.count] = Number(pts);
    scan.ptsTime[scan.count] = Number(ptsTime);
    scan.flags[scan.count] = (flags.includes('K') ? KEYFRAME : 0) | (shown ? 0 : DISCARD) | fromDts;
    scan.count += 1;
  }

  private noteDts(dtsTime: string | undefined): void {
    if (isMissing(dtsTime)) return;
    const time = Number(dtsTime);
    const delta = time - this.lastDtsTime;
    if (delta < -BACK_JUMP_S) this.scan.backJumps += 1;
    else if (delta > GAP_S) this.scan.gaps += 1;
    this.lastDtsTime = time;
  }

  /** The scan, grown when full. */
  private room(): PacketScan {
    const { scan } = this;
    if (scan.count < this.capacity) return scan;
    this.capacity *= 2;
    const grown: PacketScan = { ...scan, pts: new Float64Array(this.capacity), ptsTime: new Float64Array(this.capacity), flags: new Uint8Array(this.capacity) };
    grown.pts.set(scan.pts);
    grown.ptsTime.set(scan.ptsTime);
    grown.flags.set(scan.flags);
    this.scan = grown;
    return grown;
  }
}

/** A packet's fields from a line of ffprobe's `-of csv=p=0` for PACKET_ENTRIES (null: not a packet, e.g. a blank line after side data). */
export function parsePacketCsv(line: string): PacketFields | null {
  const trimmed = line.trim();
  if (trimmed === '') return null;
  const [pts, ptsTime, dts, dtsTime, flags] = trimmed.split(',');
  return { pts, ptsTime, dts, dtsTime, flags };
}

/**
 * The first line of a packet in `-of json=compact=1`:
 * `{ "pts": 0, "pts_time": "0.000000", "dts": -512, "dts_time": "-0.040000", "flags": "K_" },`.
 * A packet with side data (MPEG-TS) goes on over more lines, more deeply indented; a field ffprobe
 * has no value for is left out. Read by regular expressions: 5× faster than JSON.parse.
 */
const PACKET_START = /^\{ "pts": (-?\d+), "pts_time": "([^"]*)", "dts": (-?\d+), "dts_time": "([^"]*)", "flags": "([^"]*)"/;

/** The fields of a packet's first line in compact JSON (undefined for a field left out). */
export function parsePacketLine(line: string): PacketFields {
  const fast = PACKET_START.exec(line);
  if (fast) return { pts: fast[1], ptsTime: fast[2], dts: fast[3], dtsTime: fast[4], flags: fast[5] };
  return {
    pts: /"pts": (-?\d+)/.exec(line)?.[1],
    ptsTime: /"pts_time": "([^"]*)"/.exec(line)?.[1],
    dts: /"dts": (-?\d+)/.exec(line)?.[1],
    dtsTime: /"dts_time": "([^"]*)"/.exec(line)?.[1],
    flags: /"flags": "([^"]*)"/.exec(line)?.[1],
  };
}
