/**
 * The printable plan a survivor takes away: one page, in English or Spanish, with each provider's public contact
 * details, hours and what to bring, the backups and the hotline numbers. Confidential fields (a shelter's street,
 * a private line) never appear: each record's `confidential` list is honoured. The same HTML goes to Electron's
 * printToPDF in the app and to Chromium's page.pdf in the CLI and the tests.
 */
import {
  WEEKDAYS,
  anyRegionCovers,
  type ConfidentialField,
  type NeedCode,
  type OpeningHours,
  type ProviderRecord,
} from '../domain';
import type { GraphIndex } from '../graph/graphIndex';
import { translate, type MessageKey, type UiLocale } from '../i18n';
import { compareIds } from './plannerIndex';
import type { ReferralPlan } from './referralPlan';

/** The most hotlines the page lists. */
const MAX_HOTLINES = 3;

/** Options of {@link printablePlanHtml}. */
export interface PrintOptions {
  language: UiLocale;
  /** The printing date, YYYY-MM-DD. */
  date: string;
}

/** The public contact details of a provider: what survives its `confidential` list. */
export interface PublicContact {
  phones: string[];
  address: string | null;
  email: string | null;
  url: string | null;
}

/** A provider's contact details minus every field its record marks confidential. */
export function publicContact(record: ProviderRecord): PublicContact {
  const hidden = (field: ConfidentialField) => record.confidential.includes(field);
  const address = record.address;
  const parts = address
    ? [
        hidden('address.street') ? undefined : address.street,
        hidden('address.city') ? undefined : address.city,
        address.region,
        hidden('address.postalCode') ? undefined : address.postalCode,
      ].filter((part): part is string => Boolean(part))
    : [];
  return {
    phones: hidden('phones')
      ? []
      : record.phones.map((phone) => (phone.label ? `${phone.number} (${phone.label})` : phone.number)),
    address: parts.length > 0 ? parts.join(', ') : null,
    email: hidden('email') ? null : record.email,
    url: hidden('url') ? null : record.url,
  };
}

/** The one-page printable HTML of a plan. */
export function printablePlanHtml(graph: GraphIndex, plan: ReferralPlan, options: PrintOptions): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(options.language, key, params);
  const needNames = (needs: readonly NeedCode[]) =>
    needs.map((need) => localNeedName(graph, need, options.language)).join(', ');
  const steps = plan.steps.map((step, i) => {
    const actor = graph.node(step.actor.id);
    const service = graph.node(step.service.id);
    const contact = mergedContact(service, actor);
    const lines: string[] = [];
    if (contact.phones.length > 0) lines.push(row(t('plan.print.phone'), contact.phones.join(' · ')));
    if (contact.address) lines.push(row(t('plan.print.address'), contact.address));
    if (contact.url) lines.push(row(t('plan.print.web'), contact.url));
    if (contact.email) lines.push(row(t('plan.print.email'), contact.email));
    if (contact.phones.length === 0 && !contact.address && !contact.url && !contact.email) {
      lines.push(`<p class="muted">${escapeHtml(t('plan.print.noContact'))}</p>`);
    }
    lines.push(row(t('plan.print.hours'), hoursText(service, actor, t)));
    lines.push(row(t('plan.print.bring'), whatToBring(service, actor, step.needs, t).join('; ')));
    const backups = step.alternatives.slice(0, 2).map((alternative) => {
      const phones = mergedContact(graph.node(alternative.service.id), graph.node(alternative.actor.id)).phones;
      return phones[0] ? `${alternative.actor.name} (${phones[0]})` : alternative.actor.name;
    });
    if (backups.length > 0)
      lines.push(`<p class="backup">${escapeHtml(t('plan.print.backup', { names: backups.join('; ') }))}</p>`);
    return `<section class="step">
  <h2><span class="n">${escapeHtml(t('plan.print.step', { n: i + 1 }))}</span> ${escapeHtml(step.actor.name)}</h2>
  <p class="service">${escapeHtml(step.service.name)} — ${escapeHtml(t('plan.print.for', { needs: needNames(step.needs) }))}</p>
  ${lines.join('\n  ')}
</section>`;
  });

  const hotlines = hotlinesFor(graph, plan)
    .map(
      (hotline) => `<li><strong>${escapeHtml(hotline.name)}</strong>: ${escapeHtml(hotline.phones.join(' · '))}</li>`,
    )
    .join('');
  const start = plan.profile.startActorId ? graph.node(plan.profile.startActorId) : undefined;
  const referredBy =
    start && (start.kind === 'actor' || start.kind === 'service')
      ? `<p class="muted">${escapeHtml(t('plan.print.referredBy', { name: [start.name, ...publicContact(start).phones.slice(0, 1)].join(' · ') }))}</p>`
      : '';
  const uncovered =
    plan.uncovered.length > 0
      ? `<p class="muted">${escapeHtml(t('plan.print.uncovered', { needs: needNames(plan.uncovered.map((u) => u.need)) }))}</p>`
      : '';

  return `<!doctype html>
<html lang="${options.language}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(t('plan.print.title'))}</title>
<style>
  @page { size: Letter; margin: 10mm 11mm; }
  body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9pt; color: #111; margin: 0; line-height: 1.25; }
  .steps { display: grid; grid-template-columns: 1fr 1fr; gap: 2mm; }
  h1 { font-size: 16pt; margin: 0 0 2mm; }
  h2 { font-size: 10.5pt; margin: 0 0 1mm; }
  .n { display: inline-block; background: #1f5f8b; color: #fff; border-radius: 3px; padding: 0 5px; margin-right: 4px; font-size: 9.5pt; }
  .intro { margin: 0 0 3mm; }
  .step { border: 1px solid #bbb; border-radius: 4px; padding: 1.5mm 2.5mm; break-inside: avoid; overflow-wrap: anywhere; }
  .step p { margin: 0.6mm 0; }
  .service { font-style: italic; }
  .label { font-weight: bold; }
  .backup, .muted { color: #444; }
  .hotlines { border-top: 2px solid #1f5f8b; margin-top: 3mm; padding-top: 2mm; }
  .hotlines h2 { font-size: 11pt; }
  .hotlines ul { margin: 1mm 0 0 5mm; padding: 0; }
  footer { margin-top: 3mm; font-size: 8.5pt; color: #444; }
</style>
</head>
<body>
<h1>${escapeHtml(t('plan.print.title'))}</h1>
<p class="intro">${escapeHtml(t('plan.print.intro'))}</p>
${referredBy}
<div class="steps">
${steps.join('\n')}
</div>
${uncovered}
<section class="hotlines">
  <h2>${escapeHtml(t('plan.print.hotlines'))}</h2>
  <ul>${hotlines}</ul>
</section>
<footer>${escapeHtml(t('plan.print.confidential'))} ${escapeHtml(t('plan.print.date', { date: options.date }))}</footer>
</body>
</html>
`;
}

function row(label: string, value: string): string {
  return `<p><span class="label">${escapeHtml(label)}:</span> ${escapeHtml(value)}</p>`;
}

function asProvider(record: unknown): ProviderRecord | null {
  const kind = (record as { kind?: string } | undefined)?.kind;
  return kind === 'actor' || kind === 'service' ? (record as ProviderRecord) : null;
}

/** The service's public contact details, completed from its actor's where the service has none of its own. */
function mergedContact(serviceRecord: unknown, actorRecord: unknown): PublicContact {
  const service = asProvider(serviceRecord);
  const actor = asProvider(actorRecord);
  const own = service ? publicContact(service) : { phones: [], address: null, email: null, url: null };
  const parent = actor ? publicContact(actor) : { phones: [], address: null, email: null, url: null };
  // A field the service marks confidential stays hidden even when the actor's copy is public.
  const hiddenHere = (field: ConfidentialField) => service?.confidential.includes(field) ?? false;
  return {
    phones: own.phones.length > 0 || hiddenHere('phones') ? own.phones : parent.phones,
    address: own.address ?? (hiddenHere('address.street') ? null : parent.address),
    email: own.email ?? (hiddenHere('email') ? null : parent.email),
    url: own.url ?? (hiddenHere('url') ? null : parent.url),
  };
}

function hoursText(
  serviceRecord: unknown,
  actorRecord: unknown,
  t: (key: MessageKey, params?: Record<string, string | number>) => string,
): string {
  const service = asProvider(serviceRecord);
  const actor = asProvider(actorRecord);
  const source = service && (service.open24x7 || service.hours.length > 0) ? service : actor;
  if (!source) return t('plan.print.hoursUnknown');
  if (source.open24x7) return t('plan.print.open24x7');
  if (source.hours.length === 0) return t('plan.print.hoursUnknown');
  return groupHours(source.hours)
    .map(({ days, opens, closes }) => {
      const first = t(`plan.day.${days[0]!}`);
      const last = t(`plan.day.${days[days.length - 1]!}`);
      return `${days.length > 1 ? `${first}–${last}` : first} ${opens}–${closes}`;
    })
    .join('; ');
}

/** Consecutive weekdays with the same opening times, grouped ("Mon–Fri 09:00–17:00"). */
function groupHours(hours: readonly OpeningHours[]): { days: OpeningHours['day'][]; opens: string; closes: string }[] {
  const sorted = [...hours].sort(
    (a, b) => WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day) || compareIds(a.opens, b.opens),
  );
  const groups: { days: OpeningHours['day'][]; opens: string; closes: string }[] = [];
  for (const slot of sorted) {
    const last = groups[groups.length - 1];
    const previousDay = last ? last.days[last.days.length - 1]! : null;
    if (
      last &&
      last.opens === slot.opens &&
      last.closes === slot.closes &&
      previousDay !== null &&
      WEEKDAYS.indexOf(slot.day) === WEEKDAYS.indexOf(previousDay) + 1
    ) {
      last.days.push(slot.day);
    } else groups.push({ days: [slot.day], opens: slot.opens, closes: slot.closes });
  }
  return groups;
}

function whatToBring(
  serviceRecord: unknown,
  actorRecord: unknown,
  needs: readonly NeedCode[],
  t: (key: MessageKey) => string,
): string[] {
  const records = [asProvider(serviceRecord), asProvider(actorRecord)];
  const documents = records.some((record) => record?.eligibility.requiresDocuments);
  const items = [t(documents ? 'plan.print.bring.documents' : 'plan.print.bring.noDocuments')];
  if (needs.some((need) => need === 'immigration_relief' || need === 'legal_aid' || need === 'documentation')) {
    items.push(t('plan.print.bring.papers'));
  }
  if (needs.some((need) => need === 'medical' || need === 'mental_health')) items.push(t('plan.print.bring.medicines'));
  items.push(t('plan.print.bring.plan'));
  return items;
}

/** Active hotlines serving the client's region with a public number, those speaking the client's language first. */
function hotlinesFor(graph: GraphIndex, plan: ReferralPlan): { name: string; phones: string[] }[] {
  const languages = plan.profile.languages;
  const found: { name: string; phones: string[]; speaks: boolean; id: string }[] = [];
  for (const actor of graph.nodesOfKind('actor')) {
    if (actor.actorType !== 'hotline' || actor.status !== 'active') continue;
    if (!anyRegionCovers(actor.regions, plan.profile.region)) continue;
    const phones = publicContact(actor).phones;
    if (phones.length === 0) continue;
    const speaks = languages.length === 0 || actor.languages.some((language) => languages.includes(language));
    found.push({ name: actor.name, phones, speaks, id: actor.id });
  }
  found.sort((a, b) => Number(b.speaks) - Number(a.speaks) || compareIds(a.id, b.id));
  return found.slice(0, MAX_HOTLINES).map(({ name, phones }) => ({ name, phones }));
}

function localNeedName(graph: GraphIndex, need: NeedCode, language: UiLocale): string {
  const record = graph.node(`need:${need}`);
  if (record?.kind !== 'need') return need.replace(/_/g, ' ');
  return language === 'es' ? record.nameEs : record.name;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
