/** The legal basis of a referral: the statutes that give the survivor a right to the service, and what created them. */
import type { NeedCode, Statute } from '../domain';
import type { GraphIndex } from '../graph/graphIndex';
import { compareIds } from './plannerIndex';
import type { LegalBasis } from './referralPlan';

/**
 * The statutes behind a service: those it has eligibility under or was established by, those that create it, each followed by the statute that created it (the T visa, then the TVPA 2000).
 * When the service names none, the statutes the needs themselves rest on.
 */
export function legalBasisOf(graph: GraphIndex, serviceId: string, needs: readonly NeedCode[]): LegalBasis[] {
  let direct = [
    ...graph.neighbours(serviceId, 'eligibility_under', 'out'),
    ...graph.neighbours(serviceId, 'established_by', 'out'),
    ...graph.neighbours(serviceId, 'creates', 'in'),
  ];
  if (direct.length === 0)
    direct = needs.flatMap((need) => graph.neighbours(`need:${need}`, 'eligibility_under', 'out'));
  const ordered: string[] = [];
  const seen = new Set<string>();
  const add = (id: string) => {
    if (seen.has(id) || graph.node(id)?.kind !== 'statute') return;
    seen.add(id);
    ordered.push(id);
  };
  for (const id of [...new Set(direct)].sort(compareIds)) {
    add(id);
    for (const parent of graph.neighbours(id, 'creates', 'in').sort(compareIds)) add(parent);
  }
  return ordered.map((id) => {
    const statute = graph.node(id) as Statute;
    return { id, name: statute.name, citation: statute.citation };
  });
}
