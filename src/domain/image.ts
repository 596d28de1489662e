/** A packed RGB image: 3 bytes per pixel, rows top to bottom, no padding. */
export interface RgbImage {
  rgb: Buffer;
  width: number;
  height: number;
}
