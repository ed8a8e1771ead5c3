// Graphs written by other tools (Gephi, Cytoscape desktop, networkx) carry no types of ours. A node
// without one becomes an organization (a "program"/"service" type a program), its own type kept as
// `elementType`; a tie gets its type from its ends (program→program referral, organization→organization
// partnership, organization→program funding), its own kept as `connectionType`; ties that fit none
// are dropped with a warning.
import { EDGE_TYPES } from '../model/constants.ts';
import type { EdgeType, MapEdge, MapNode, Problem } from '../model/types.ts';
import { problem } from './common.ts';

export const ENDPOINT_DEFAULT: Record<string, EdgeType | null> = {
  'program>program': 'referral',
  'organization>organization': 'partnership',
  'organization>program': 'funding',
  'program>organization': null,
};

export function adoptNode(fields: Record<string, unknown>): void {
  if (fields.type === 'organization' || fields.type === 'program') return;
  if (fields.type !== undefined) fields.elementType = fields.type;
  fields.type = /program|service/i.test(String(fields.type ?? '')) ? 'program' : 'organization';
}

/** Fills in tie types where they are not ours; returns the ties that can be kept. */
export function adoptEdges(nodes: MapNode[], edges: MapEdge[], origin: Map<string, string>, file: string, warnings: Problem[]): MapEdge[] {
  const typeOf = new Map(nodes.map((n) => [n.id, n.type]));
  return edges.filter((edge) => {
    if ((EDGE_TYPES as readonly string[]).includes(edge.type)) return true;
    const source = typeOf.get(edge.source);
    const target = typeOf.get(edge.target);
    // With an end missing any type will do: validateMap names the missing end, the real problem.
    const type = !source || !target ? 'partnership' : ENDPOINT_DEFAULT[`${source}>${target}`];
    if (!type) {
      warnings.push(problem(origin.get(`edges:${edge.id}`) ?? file, 'skipped: a tie from a program to an organization has no type of ours', 'skipped-tie'));
      return false;
    }
    const fields = edge as Record<string, unknown>;
    if (fields.type !== undefined) fields.connectionType = fields.type;
    fields.type = type;
    return true;
  });
}
