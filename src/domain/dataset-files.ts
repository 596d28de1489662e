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

/**
 * The files of the exports (`--export`) and of the labelling budget (`--select`), written only when
 * asked for. `annotations/instances.json` (`DATASET_FILES.coco`) is the COCO export of every kept
 * image; with `--select-only` the COCO export of the selected images is `cocoSelected`.
 */
export const EXPORT_FILES = {
  cocoSelected: 'annotations/instances-selected.json',
  yoloData: 'data.yaml',
  yoloLabels: 'labels',
  /** The training split's images, one `./images/<file>` a line (Ultralytics' list-file form). */
  yoloTrain: 'train.txt',
  /** The validation split's images (`--val-fraction`); not written when the split is empty. */
  yoloVal: 'val.txt',
  labelStudioTasks: 'annotations/label-studio-tasks.json',
  labelStudioConfig: 'annotations/label-studio-config.xml',
  cvat: 'annotations/cvat-images.xml',
  /** The CVAT task's labels, to paste into the label editor's Raw tab before uploading `cvat`. */
  cvatLabels: 'annotations/cvat-labels.json',
  selection: 'selection.json',
  /** Each kept frame's appearance features, which `merge` chooses from again (pipeline/label/write-labelling.ts). */
  selectionFeatures: 'selection-features.json',
} as const;

/** The YOLO label file of an image: its name with `.txt` for the extension. */
export function labelFileName(imageFile: string): string {
  const dot = imageFile.lastIndexOf('.');
  return `${dot > 0 ? imageFile.slice(0, dot) : imageFile}.txt`;
}
