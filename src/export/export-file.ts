/** A file an export writes: its path relative to the dataset folder (`/` separators) and its text. */
export interface ExportFile {
  path: string;
  content: string;
}
