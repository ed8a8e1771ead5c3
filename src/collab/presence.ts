// Presence comes from peers: every field is validated and length-limited before anything shows it.
export interface Participant {
  clientId: number;
  name: string;
  color: string;
  self: boolean;
}

export const MAX_NAME = 40;
export const PRESENCE_COLORS = ['#E69F00', '#56B4E9', '#009E73', '#0072B2', '#D55E00', '#CC79A7', '#1d3557', '#8c564b'];

export function cleanName(raw: unknown): string {
  const text = typeof raw === 'string' ? raw.replace(/[<>\u0000-\u001f]/g, '').trim().slice(0, MAX_NAME) : '';
  return text || 'Guest';
}

export function cleanColor(raw: unknown): string {
  return typeof raw === 'string' && /^#[0-9a-fA-F]{6}$/.test(raw) ? raw : '#64748b';
}

/** Participants from awareness states (client id → state), whatever the peers sent. */
export function participantsOf(states: Map<number, unknown>, selfId: number): Participant[] {
  const list: Participant[] = [];
  for (const [clientId, state] of states) {
    const user = (state as { user?: { name?: unknown; color?: unknown } } | null)?.user;
    if (!user || typeof user !== 'object') continue;
    list.push({ clientId, name: cleanName(user.name), color: cleanColor(user.color), self: clientId === selfId });
  }
  return list.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
}
