/** Why a sampled frame was left out of the dataset, in the order the checks run: quality, near-duplicates, then frames already labelled (`--exclude`). */
export type QualityDropReason = 'corrupt' | 'black' | 'overexposed' | 'blurred';
export type DropReason = QualityDropReason | 'duplicate' | 'labelled';
export const QUALITY_DROP_REASONS: readonly QualityDropReason[] = ['corrupt', 'black', 'overexposed', 'blurred'];
export const DROP_REASONS: readonly DropReason[] = [...QUALITY_DROP_REASONS, 'duplicate', 'labelled'];
