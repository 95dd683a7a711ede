/** The order a plan takes: what keeps a survivor safe tonight comes before what rebuilds a life. */
import { NEED_CODES, type NeedCode } from '../domain';

/** How urgent a need is: 0 = safety, shelter and medical care; 1 = legal and immigration; 2 = longer-term needs. */
export const NEED_URGENCY: Readonly<Record<NeedCode, 0 | 1 | 2>> = {
  safety: 0,
  shelter: 0,
  medical: 0,
  hotline: 0,
  child_services: 0,
  interpretation: 0,
  legal_aid: 1,
  immigration_relief: 1,
  law_enforcement_report: 1,
  documentation: 1,
  mental_health: 2,
  case_management: 2,
  long_term_housing: 2,
  restitution: 2,
  victim_compensation: 2,
  benefits: 2,
  repatriation: 2,
  reintegration: 2,
  job_training: 2,
  microcredit: 2,
  education: 2,
};

/** Within a tier the order is fixed (safety before shelter before medical, legal aid before immigration relief). */
const TIER_ORDER: readonly NeedCode[] = [
  'safety',
  'shelter',
  'medical',
  'child_services',
  'hotline',
  'interpretation',
  'legal_aid',
  'immigration_relief',
  'documentation',
  'law_enforcement_report',
  ...NEED_CODES.filter((code) => NEED_URGENCY[code] === 2),
];

/** Compares two needs by urgency, most urgent first. */
export function compareUrgency(a: NeedCode, b: NeedCode): number {
  return NEED_URGENCY[a] - NEED_URGENCY[b] || TIER_ORDER.indexOf(a) - TIER_ORDER.indexOf(b);
}

/** The needs in the order a plan addresses them. */
export function byUrgency(needs: readonly NeedCode[]): NeedCode[] {
  return [...needs].sort(compareUrgency);
}
