/**
 * The drawn graph as an image file: PNG (drawn in slices) or SVG (through cytoscape-svg, loaded the first time: most
 * sessions never need it).
 */
import cytoscape, { type Core } from 'cytoscape';
import { boxOf } from './graphElements';
import { wholeGraphPng } from './wholeGraphImage';

/** The largest side of an exported PNG image, in pixels. */
const EXPORT_MAX_SIDE = 4096;

let svgRegistered: Promise<void> | null = null;

/** Registers cytoscape-svg once, on first use. */
function svgExtension(): Promise<void> {
  svgRegistered ??= import('cytoscape-svg').then(({ default: extension }) => {
    cytoscape.use(extension);
  });
  return svgRegistered;
}

/**
 * `cy`'s whole graph (not just the visible part) as a PNG image, at twice its size up to about EXPORT_MAX_SIDE
 * pixels across: five thousand records at twice their size made an image 12,700 pixels square, 340 MB, after 17 s of
 * drawing. It is drawn in slices (wholeGraphImage.ts), telling `progress` how far it is; resolves to null if
 * `cancelled()` says stop. Where that cannot be (a renderer or browser without what it needs), Cytoscape draws it at
 * once: a task of 294 ms for the normal style's 1,300 elements in the network bench, 1.8 s at five thousand records.
 */
export async function graphPng(
  cy: Core,
  progress: (share: number) => void,
  cancelled: () => boolean,
): Promise<Blob | null> {
  const image = await wholeGraphPng(cy, EXPORT_MAX_SIDE, progress, () => cancelled() || cy.destroyed());
  if (image || cancelled()) return image;
  // Records' centres are within the size, their shapes and labels about it.
  const box = boxOf(cy.nodes().map((node) => node.position()));
  const side = box ? Math.max(box.x2 - box.x1, box.y2 - box.y1) : 0;
  const scale = Math.min(2, EXPORT_MAX_SIDE / Math.max(side, 1));
  return cy.png({ output: 'blob-promise', full: true, bg: '#ffffff', scale });
}

/** `cy`'s whole graph as an SVG document. */
export async function graphSvg(cy: Core): Promise<string> {
  await svgExtension();
  return cy.svg({ full: true, bg: '#ffffff', scale: 1 });
}
