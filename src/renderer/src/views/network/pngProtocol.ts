/** The messages between the PNG export (wholeGraphImage.ts) and the worker that puts the image together. */

export type PngRequest =
  /** A new image of this size, in pixels. */
  | { kind: 'start'; width: number; height: number }
  /** A band of the image, as wide as it, from row `top` down. */
  | { kind: 'band'; top: number; bitmap: ImageBitmap }
  /** Every band is in: encode the image. */
  | { kind: 'finish' };

/** The worker's answer to a `finish` (or to any request that failed): the PNG file, or why there is none. */
export type PngResponse = { ok: true; image: Blob } | { ok: false; message: string };
