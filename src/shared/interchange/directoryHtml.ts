/**
 * The printable referral directory as one self-contained HTML document: paginated with CSS `@page`, contents by
 * need, an entry per provider (contacts, hours, languages, eligibility, cost, last-verified date) and an index by
 * name. A partners directory says CONFIDENTIAL on the cover, in the top margin of every printed page (an `@page`
 * margin box, which Chromium and so Electron's printToPDF draw on each page) and in a banner on screen.
 */
import { translate, translatorFor, type MessageKey, type UiLocale } from '../i18n';
import {
  needNameIn,
  sectionsIn,
  type DirectoryDetails,
  type DirectoryEntry,
  type DirectoryModel,
} from './directoryModel';
import { escapeXml as esc } from './graphFormats';

const DAY_NAMES: Record<UiLocale, Record<string, string>> = {
  en: { mo: 'Mon', tu: 'Tue', we: 'Wed', th: 'Thu', fr: 'Fri', sa: 'Sat', su: 'Sun' },
  es: { mo: 'lun', tu: 'mar', we: 'mié', th: 'jue', fr: 'vie', sa: 'sáb', su: 'dom' },
};

const STYLE = `
@page { size: Letter; margin: 18mm 16mm 20mm; @bottom-right { content: counter(page) " / " counter(pages); font: 9pt sans-serif; } }
body { font: 10.5pt/1.4 "DejaVu Sans", Arial, sans-serif; color: #1a1a1a; margin: 0; }
h1 { font-size: 22pt; margin: 0 0 4mm; }
h2 { font-size: 15pt; border-bottom: 1.5pt solid #1a1a1a; padding-bottom: 1mm; margin-top: 0; }
h3 { font-size: 12.5pt; margin: 0 0 1mm; }
h4 { font-size: 10.5pt; margin: 2mm 0 0.5mm; }
.cover { break-after: page; }
.part { break-before: page; }
.toc ul, .index ul { list-style: none; padding: 0; margin: 0 0 3mm; }
.toc h3 { margin-top: 3mm; }
.toc li, .index li { display: flex; gap: 2mm; }
.toc li a, .index li a { color: inherit; text-decoration: none; }
.index { columns: 2; column-gap: 8mm; }
.entry { break-inside: avoid; border-top: 0.5pt solid #999; padding: 3mm 0; }
.service { break-inside: avoid; margin-left: 4mm; padding-left: 3mm; border-left: 2pt solid #ccc; margin-top: 2mm; }
dl { display: grid; grid-template-columns: 30mm 1fr; gap: 0.5mm 3mm; margin: 1mm 0; }
dt { font-weight: bold; }
dd { margin: 0; }
.stale { color: #8a1c1c; font-weight: bold; }
.confidential-banner { display: none; }
.confidential { border: 2pt solid #8a1c1c; color: #8a1c1c; padding: 2mm; font-weight: bold; }
@media screen { body { max-width: 190mm; margin: 10mm auto; } .confidential-banner { display: block; position: sticky; top: 0; background: #fff; text-align: center; font: bold 10pt sans-serif; color: #8a1c1c; padding: 2mm; } }
`;

function detailRows(details: DirectoryDetails, locale: UiLocale): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const rows: [string, string][] = [];
  if (details.detention) rows.push(['!', `<span class="stale">${esc(t('directory.doc.detention'))}</span>`]);
  if (details.address) {
    const a = details.address;
    const line = [a.street, a.city, [a.region, a.postalCode].filter(Boolean).join(' '), a.country]
      .filter(Boolean)
      .join(', ');
    if (line) rows.push([t('directory.doc.address'), esc(line)]);
  }
  if (details.phones.length > 0)
    rows.push([
      t('directory.doc.phones'),
      details.phones.map((p) => esc(p.label ? `${p.number} (${p.label})` : p.number)).join('<br>'),
    ]);
  if (details.email) rows.push([t('directory.doc.email'), esc(details.email)]);
  if (details.url) rows.push([t('directory.doc.web'), esc(details.url)]);
  if (details.open24x7) rows.push([t('directory.doc.hours'), esc(t('directory.doc.open24x7'))]);
  else if (details.hours.length > 0) {
    rows.push([
      t('directory.doc.hours'),
      details.hours.map((h) => esc(`${DAY_NAMES[locale][h.day] ?? h.day} ${h.opens}–${h.closes}`)).join(', '),
    ]);
  }
  if (details.languages.length > 0) rows.push([t('directory.doc.languages'), esc(details.languages.join(', '))]);
  const e = details.eligibility;
  const ages =
    e.minAge !== null && e.maxAge !== null
      ? t('directory.doc.ages', { from: e.minAge, to: e.maxAge })
      : e.minAge !== null
        ? t('directory.doc.agesFrom', { from: e.minAge })
        : e.maxAge !== null
          ? t('directory.doc.agesTo', { to: e.maxAge })
          : '';
  const eligibility = [ages, e.notes].filter(Boolean).join('. ');
  if (eligibility) rows.push([t('directory.doc.eligibility'), esc(eligibility)]);
  if (details.cost) rows.push([t('directory.doc.cost'), esc(t(`directory.doc.cost.${details.cost}` as MessageKey))]);
  const verified = details.verifiedAt ?? t('directory.doc.never');
  rows.push([
    t('directory.doc.verified'),
    `${esc(verified)}${details.stale ? ` <span class="stale">(${esc(t('directory.doc.stale'))})</span>` : ''}`,
  ]);
  return `<dl>${rows.map(([term, value]) => `<dt>${esc(term)}</dt><dd>${value}</dd>`).join('')}</dl>`;
}

function entryHtml(entry: DirectoryEntry, model: DirectoryModel, locale: UiLocale): string {
  const services = entry.services
    .map(
      (service) =>
        `<div class="service"><h4>${esc(service.name)}</h4>${service.description ? `<p>${esc(service.description)}</p>` : ''}${
          service.needs.length > 0
            ? `<p><strong>${esc(translate(locale, 'directory.doc.needs'))}:</strong> ${esc(service.needs.map((need) => needNameIn(model, need, locale)).join(', '))}</p>`
            : ''
        }${detailRows(service, locale)}</div>`,
    )
    .join('');
  return `<article class="entry" id="${esc(anchor(entry.id))}"><h3>${esc(entry.name)}</h3>${entry.description ? `<p>${esc(entry.description)}</p>` : ''}${detailRows(entry, locale)}${services}</article>`;
}

/** The HTML anchor of an entry (record ids hold `:`, which is valid but awkward in a fragment). */
export function anchor(id: string): string {
  return `entry-${id.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

/** The directory as a standalone, printable HTML document. */
export function directoryHtml(model: DirectoryModel, locale: UiLocale, scopeText: string): string {
  const t = translatorFor(locale);
  const partners = model.audience === 'partners';
  const nameOf = new Map(model.entries.map((entry) => [entry.id, entry.name]));
  const banner = partners
    ? `<div class="confidential-banner" role="note">${esc(t('directory.doc.confidential'))}</div>`
    : '';
  const pageMargin = partners
    ? `@page { @top-center { content: "${t('directory.doc.confidential').replace(/"/g, '')}"; font: bold 9pt sans-serif; color: #8a1c1c; } }`
    : '';
  const toc = sectionsIn(model, locale)
    .map(
      (section) =>
        `<h3>${esc(section.name)}</h3><ul>${section.entryIds.map((id) => `<li><a href="#${esc(anchor(id))}">${esc(nameOf.get(id) ?? id)}</a></li>`).join('')}</ul>`,
    )
    .join('');
  const index = model.index
    .map((item) => `<li><a href="#${esc(anchor(item.entryId))}">${esc(item.name)}</a></li>`)
    .join('');
  const body =
    model.entries.length > 0
      ? model.entries.map((entry) => entryHtml(entry, model, locale)).join('\n')
      : `<p>${esc(t('directory.doc.noEntries'))}</p>`;
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="generator" content="Referral Atlas">
<meta name="audience" content="${model.audience}">
<title>${esc(t('directory.doc.title'))}${partners ? ' (CONFIDENTIAL)' : ''}</title>
<style>${STYLE}${pageMargin}</style>
</head>
<body>
${banner}
<section class="cover">
<h1>${esc(t('directory.doc.title'))}</h1>
${partners ? `<p class="confidential">${esc(t('directory.doc.confidential'))}</p>` : ''}
<p>${esc(t('directory.doc.generated', { date: model.generatedOn }))}</p>
<p>${esc(t('directory.doc.scope', { scope: scopeText }))}</p>
<nav class="toc"><h2>${esc(t('directory.doc.contents'))}</h2>${toc}</nav>
</section>
<section class="entries"><h2>${esc(t('directory.doc.services'))}</h2>
${body}
</section>
<section class="part"><h2>${esc(t('directory.doc.index'))}</h2><ul class="index">${index}</ul></section>
</body>
</html>
`;
}
