/**
 * The coverage heatmap as a standalone SVG document: one row per need, one column per region, each cell shaded by
 * how many providers meet the need there and labelled with the number, so it reads without colour too. The same
 * text is drawn in the Insights tab, downloaded as a file and embedded in the coalition report.
 */
import type { CoverageMatrix } from './coverage';

/** What the heatmap writes around the cells, already in the reader's language. */
export interface HeatmapLabels {
  title: string;
  /** A need's name by its row. */
  need(row: number): string;
  /** A cell's tooltip: need, region, count and languages. */
  cell(row: number, column: number): string;
  /** The legend's captions: none, one, several. */
  legend: { none: string; one: string; several: string };
}

/** The fill of a cell holding `count` providers when the busiest cell holds `max`. */
export function heatmapFill(count: number, max: number): string {
  if (count === 0) return '#f4d6d2';
  if (count === 1) return '#fbe3a6';
  // Blues from light to dark on a square-root scale, so one very busy cell does not wash out the rest.
  const t = Math.sqrt((count - 1) / Math.max(1, max - 1));
  const light = [214, 232, 245];
  const dark = [24, 78, 128];
  const mix = light.map((value, i) => Math.round(value + (dark[i]! - value) * t));
  return `rgb(${mix.join(',')})`;
}

/** The ink that reads on a cell's fill. */
function inkFor(count: number, max: number): string {
  return count > 1 && Math.sqrt((count - 1) / Math.max(1, max - 1)) > 0.5 ? '#ffffff' : '#1d2327';
}

/** The last place name of a region, the part that fits in a column head. */
export function shortRegion(region: string): string {
  const parts = region.split('/');
  return parts[parts.length - 1] ?? region;
}

/** Escapes text for XML content and attributes. */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

const CELL_W = 46;
const CELL_H = 22;
const LABEL_W = 230;
const HEAD_H = 120;
const LEGEND_H = 34;

/** Draws the matrix as an SVG document. */
export function coverageHeatmapSvg(matrix: CoverageMatrix, labels: HeatmapLabels): string {
  const rows = matrix.needs.length;
  const columns = matrix.regions.length;
  // Column heads are written at 45°, so the last ones reach about HEAD_H past their column.
  const width = LABEL_W + columns * CELL_W + HEAD_H;
  const height = HEAD_H + rows * CELL_H + LEGEND_H + 8;
  const max = Math.max(1, ...matrix.counts.flat());
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(labels.title)}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">`,
    `<title>${escapeXml(labels.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  matrix.regions.forEach((region, column) => {
    const x = LABEL_W + column * CELL_W + CELL_W / 2;
    out.push(
      `<text x="${x}" y="${HEAD_H - 6}" transform="rotate(-45 ${x} ${HEAD_H - 6})" fill="#1d2327"><title>${escapeXml(region)}</title>${escapeXml(truncate(shortRegion(region), 22))}</text>`,
    );
  });
  for (let row = 0; row < rows; row++) {
    const y = HEAD_H + row * CELL_H;
    out.push(
      `<text x="${LABEL_W - 8}" y="${y + CELL_H / 2 + 4}" text-anchor="end" fill="#1d2327">${escapeXml(truncate(labels.need(row), 32))}</text>`,
    );
    for (let column = 0; column < columns; column++) {
      const count = matrix.counts[row]![column]!;
      const x = LABEL_W + column * CELL_W;
      out.push(
        `<g><title>${escapeXml(labels.cell(row, column))}</title>` +
          `<rect x="${x}" y="${y}" width="${CELL_W - 2}" height="${CELL_H - 2}" fill="${heatmapFill(count, max)}"/>` +
          `<text x="${x + (CELL_W - 2) / 2}" y="${y + CELL_H / 2 + 3}" text-anchor="middle" fill="${inkFor(count, max)}">${count === 0 ? '–' : count}</text></g>`,
      );
    }
  }
  const legendY = HEAD_H + rows * CELL_H + 12;
  const swatches: [string, string][] = [
    [heatmapFill(0, max), labels.legend.none],
    [heatmapFill(1, max), labels.legend.one],
    [heatmapFill(max, max), labels.legend.several],
  ];
  let legendX = LABEL_W;
  for (const [fill, caption] of swatches) {
    out.push(
      `<rect x="${legendX}" y="${legendY}" width="14" height="14" fill="${fill}" stroke="#d5d9dc"/>`,
      `<text x="${legendX + 20}" y="${legendY + 11}" fill="#1d2327">${escapeXml(caption)}</text>`,
    );
    legendX += 30 + caption.length * 7;
  }
  out.push('</svg>');
  return out.join('\n');
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
