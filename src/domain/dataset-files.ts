/** The dataset folder's layout: every file and folder a run writes, relative to the dataset folder. */
export const DATASET_FILES = {
  coco: 'annotations/instances.json',
  images: 'images',
  metrics: 'metrics.json',
  metricsCsv: 'metrics.csv',
  report: 'report.md',
  reportHtml: 'report.html',
  prometheus: 'metrics.prom',
  manifest: 'manifest.json',
} as const;

export type DatasetFile = keyof typeof DATASET_FILES;

/** `<video-stem>_<frame-index, 6 digits>.jpg`, e.g. `site-walkway_000300.jpg`. */
export function imageFileName(videoStem: string, frameIndex: number): string {
  return `${videoStem}_${String(frameIndex).padStart(6, '0')}.jpg`;
}
