/** A symbol per need for the toggles and step cards (from fonts every platform ships; shown beside the need's name). */
import type { NeedCode } from '../../../../shared/domain';

/** The symbol shown for each need. */
export const NEED_ICONS: Record<NeedCode, string> = {
  safety: '☂',
  shelter: '⌂',
  long_term_housing: '▦',
  medical: '✚',
  mental_health: '❤',
  legal_aid: '⚖',
  immigration_relief: '⚐',
  restitution: '$',
  law_enforcement_report: '⚑',
  interpretation: '⇄',
  repatriation: '✈',
  reintegration: '↻',
  job_training: '⚒',
  microcredit: '¢',
  education: '✎',
  hotline: '☎',
  child_services: '☺',
  case_management: '☰',
  victim_compensation: '✦',
  benefits: '✓',
  documentation: '▭',
};
