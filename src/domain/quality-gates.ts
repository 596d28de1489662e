/** One quality gate and its verdict, e.g. `{ name: 'input "min-images"', threshold: 50, actual: 42, passed: false }`. */
export interface QualityGateVerdict {
  /** The gate as its door spells it (`input "min-images"`). */
  name: string;
  threshold: number;
  actual: number;
  passed: boolean;
}
