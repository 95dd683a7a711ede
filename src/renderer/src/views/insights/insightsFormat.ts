/** Small helpers the insights panels share: names of needs and regions in the reader's language, colours, files. */
import type { CoverageMatrix } from '../../../../shared/api/methods/insightsMethods';
import type { UiLocale } from '../../../../shared/i18n';
import { downloadFile } from '../../files/download';

/** Colours for the largest communities (distinguishable with the common colour-vision deficiencies). */
export const COMMUNITY_COLOURS = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#7f3c8d',
  '#11a579',
  '#3969ac',
  '#e73f74',
  '#80ba5a',
];
/** The colour of the communities past the palette. */
export const OTHER_COMMUNITY_COLOUR = '#9aa3ab';

/** A community's colour by its index (0 = the largest). */
export function communityColour(index: number): string {
  return COMMUNITY_COLOURS[index] ?? OTHER_COMMUNITY_COLOUR;
}

/** A need's name in the reader's language, from the coverage matrix (the code if the matrix lacks it). */
export function needName(matrix: CoverageMatrix | null, code: string, locale: UiLocale): string {
  const need = matrix?.needs.find((candidate) => candidate.code === code);
  if (!need) return code.replace(/_/g, ' ');
  return locale === 'es' ? need.nameEs : need.name;
}

/** A score for a table cell: three significant digits, or 0. */
export function formatScore(value: number): string {
  if (value === 0) return '0';
  return value >= 0.001 ? value.toFixed(3) : value.toExponential(1);
}

/** Offers text (SVG, HTML) to the user as a file. */
export function downloadText(name: string, mimeType: string, text: string): void {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  downloadFile(name, mimeType, btoa(binary));
}

/** Offers base64 bytes (a PDF) to the user as a file. */
export { downloadFile };
