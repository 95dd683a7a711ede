/**
 * Tells the page which WebGL renderer draws here, or null without WebGL, so it knows whether canvases are drawn on
 * the CPU (frames.ts: findOutWhereCanvasesAreDrawn). In a worker because making the context takes 18 to 52 ms in
 * software (measured here), and the page asks as it opens.
 */
const gl = new OffscreenCanvas(1, 1).getContext('webgl');
const info = gl?.getExtension('WEBGL_debug_renderer_info');
const renderer = gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : null;
gl?.getExtension('WEBGL_lose_context')?.loseContext();
(self as unknown as Worker).postMessage({ renderer });
