/**
 * Puts an exported PNG image of the graph together off the main thread (see wholeGraphImage.ts): the bands the main
 * thread draws arrive as bitmaps, are copied into one canvas the size of the image, and that canvas is encoded here.
 * The image's canvas is the large allocation (64 MB for 4,096 pixels square): made on the main thread, it held it for
 * 82 to 93 ms at five thousand records (measured), and the encoding is longer still.
 */
import type { PngRequest, PngResponse } from './pngProtocol';

let image: OffscreenCanvasRenderingContext2D | null = null;

const reply = (message: PngResponse) => (self as unknown as Worker).postMessage(message);

self.onmessage = async (event: MessageEvent<PngRequest>) => {
  const request = event.data;
  try {
    if (request.kind === 'start') {
      image = new OffscreenCanvas(request.width, request.height).getContext('2d');
      if (!image) throw new Error(`No canvas of ${request.width} by ${request.height} pixels could be made.`);
    } else if (request.kind === 'band') {
      if (!image) throw new Error('A band of the image came before its start.');
      image.drawImage(request.bitmap, 0, request.top);
      request.bitmap.close();
    } else {
      if (!image) throw new Error('The image was finished before it was started.');
      reply({ ok: true, image: await image.canvas.convertToBlob({ type: 'image/png' }) });
      image = null;
    }
  } catch (error) {
    image = null;
    reply({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
