/**
 * The annotation formats a dataset can be exported to (`--export`), and what the run records about
 * each one it wrote. Every export is made from the COCO records of the run (domain/coco.ts), never by
 * detecting again; the files they write are listed in dataset-files.ts (`EXPORT_FILES`).
 */
export const EXPORT_FORMATS = ['coco', 'yolo', 'label-studio', 'cvat'] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const DEFAULT_EXPORTS: readonly ExportFormat[] = ['coco'];

/** Where Label Studio finds the images unless told otherwise: its local-files storage, rooted at the dataset folder. */
export const DEFAULT_LABEL_STUDIO_IMAGES = '/data/local-files/?d=images/';

/** One export the run wrote. */
export interface ExportRecord {
  format: ExportFormat;
  /** Its files and folders, relative to the dataset folder. */
  files: string[];
  images: number;
  boxes: number;
}
