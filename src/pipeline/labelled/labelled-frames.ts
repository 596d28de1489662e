/**
 * The frames already labelled (`--exclude`), and the test a sampled frame meets to be one of them:
 * - its name: an image names this video's stem and this frame index, and either the video's sha256
 *   (from the labelled dataset's manifest) is this video's, or, when the sha256 is unknown, the image
 *   looks like the frame (a file named `cam1_000100.jpg` may come from another day's `cam1.mp4`); an
 *   image whose file is not there is taken at its name;
 * - else its look: any other image (renamed by a labelling tool) is the frame when the two look the
 *   same (`LABELLED_LOOK`: pHash and local change, labelled-look.ts).
 * An image names a frame by dataset-gen's COCO fields, or by a file name of dataset-gen's shape whose
 * video is one of this run's: a labelling tool's own names can have that shape (CVAT's
 * `frame_000001.jpg`), so such a name of no video here is matched by look.
 */
import type { LabelledSourceSummary } from '../../domain/coco.js';
import type { VideoInfo } from '../../domain/video.js';
import { UsageError } from '../../errors.js';
import { sameLook, type Look } from './labelled-look.js';
import { readLabelledSource, type LabelledImage, type LabelledSource } from './labelled-source.js';

/** A sampled frame to test: its video (and how to get the video's sha256), its index and its look. */
export interface FrameToMatch {
  video: Pick<VideoInfo, 'stem'>;
  videoSha256: () => Promise<string>;
  frameIndex: number;
  look: Look;
}

const key = (video: string, frameIndex: number): string => `${video}\0${frameIndex}`;

type Way = 'name' | 'look' | 'none';

/** How an image can be matched, given the run's video stems. */
function wayOf(image: LabelledImage, runStems: ReadonlySet<string>): Way {
  const { frame } = image;
  if (frame !== null && (frame.from === 'fields' || runStems.has(frame.video))) return 'name';
  return image.look === null ? 'none' : 'look';
}

export class LabelledFrames {
  private readonly byName = new Map<string, LabelledImage[]>();
  private readonly byLook: (LabelledImage & { look: Look })[] = [];
  private readonly ways: Way[][];

  private constructor(
    private readonly sources: readonly LabelledSource[],
    runStems: ReadonlySet<string>,
  ) {
    this.ways = sources.map((source) => source.images.map((image) => wayOf(image, runStems)));
    sources.forEach((source, s) =>
      source.images.forEach((image, i) => {
        const way = this.ways[s]![i]!;
        if (way === 'name') {
          const k = key(image.frame!.video, image.frame!.frameIndex);
          this.byName.set(k, [...(this.byName.get(k) ?? []), image]);
        } else if (way === 'look') {
          this.byLook.push({ ...image, look: image.look! });
        }
      }),
    );
  }

  /**
   * Reads every source for a run over videos with `runStems`; `name` names the option in messages. A
   * source none of whose images can be matched is refused: excluding nothing while saying it
   * excluded would be worse than stopping.
   */
  static async load(paths: readonly string[], runStems: readonly string[], name: string): Promise<LabelledFrames> {
    const sources: LabelledSource[] = [];
    for (const [index, given] of paths.entries()) sources.push(await readLabelledSource(given, index, name));
    const frames = new LabelledFrames(sources, new Set(runStems));
    for (const [s, source] of sources.entries()) {
      const unread = frames.unread(s);
      if (source.images.length > 0 && unread.length === source.images.length) {
        throw new UsageError(
          `${name} ${source.path}: none of its ${source.images.length} images can be matched: their names are not the ones dataset-gen gives to frames of these videos and their files cannot be read (${unread[0]!.problem}); export the COCO with its images, beside it or in images/`,
        );
      }
    }
    return frames;
  }

  private unread(source: number): LabelledImage[] {
    return this.sources[source]!.images.filter((_, i) => this.ways[source]![i] === 'none');
  }

  /** The labelled image a sampled frame is, or null. */
  async match(frame: FrameToMatch): Promise<LabelledImage | null> {
    for (const image of this.byName.get(key(frame.video.stem, frame.frameIndex)) ?? []) {
      const same = image.videoSha256 !== null ? image.videoSha256 === (await frame.videoSha256()) : image.look === null || sameLook(image.look, frame.look);
      if (same) return image;
    }
    return this.byLook.find((image) => sameLook(image.look, frame.look)) ?? null;
  }

  /** Each source: what it held. */
  summary(): LabelledSourceSummary[] {
    return this.sources.map((source, s) => {
      const ways = this.ways[s]!;
      const count = (way: Way): number => ways.filter((w) => w === way).length;
      return {
        path: source.path,
        kind: source.kind,
        sha256: source.sha256,
        images: source.images.length,
        byName: count('name'),
        byLook: count('look'),
        unread: count('none'),
      };
    });
  }

  /** Warnings about images that cannot be matched, one line per source that has some. */
  warnings(): string[] {
    return this.sources.flatMap((source, s) => {
      const unread = this.unread(s);
      if (unread.length === 0) return [];
      return [
        `${unread.length} of the ${source.images.length} labelled images of ${source.path} cannot be matched (${unread[0]!.problem}): frames they show may be pre-tagged again`,
      ];
    });
  }
}
