/**
 * Tells the page which WebGL renderer draws here, or null without WebGL, so it knows whether canvases are drawn on
 * the CPU (canvasBackend.ts). In a worker because making the context takes 18 to 52 ms in software (measured here),
 * and the page asks as it opens.
 */
import { webglRendererOn } from './canvasBackend';

(self as unknown as Worker).postMessage({ renderer: webglRendererOn(new OffscreenCanvas(1, 1)) });
