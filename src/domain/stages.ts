/** The pipeline's stages, in order; stage times and reports are keyed by them. */
export const STAGES = ['probe', 'extract', 'quality', 'dedup', 'detect', 'write'] as const;
export type Stage = (typeof STAGES)[number];
