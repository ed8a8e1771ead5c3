// Presence comes from peers: every field is validated and length-limited before anything shows it.
export interface Participant {
  clientId: number;
  name: string;
  color: string;
  self: boolean;
  /** Joined through a convening's viewer link: watches, shows no pointer or selection. */
  viewer: boolean;
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

/** Text colour for a label on a participant's colour: whichever of white or near-black contrasts more (WCAG). */
export function inkOn(color: string): string {
  const channel = (hex: string) => {
    const c = parseInt(hex, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const clean = cleanColor(color);
  const luminance = 0.2126 * channel(clean.slice(1, 3)) + 0.7152 * channel(clean.slice(3, 5)) + 0.0722 * channel(clean.slice(5, 7));
  const dark = 0.0056; // luminance of #0b1220
  return (1.05) / (luminance + 0.05) >= (luminance + 0.05) / (dark + 0.05) ? '#ffffff' : '#0b1220';
}

/** Participants from awareness states (client id → state), whatever the peers sent. */
export function participantsOf(states: Map<number, unknown>, selfId: number): Participant[] {
  const list: Participant[] = [];
  for (const [clientId, state] of states) {
    const user = (state as { user?: { name?: unknown; color?: unknown; viewer?: unknown } } | null)?.user;
    if (!user || typeof user !== 'object') continue;
    list.push({ clientId, name: cleanName(user.name), color: cleanColor(user.color), self: clientId === selfId, viewer: user.viewer === true });
  }
  return list.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
}

/** What a presenter shares (see PresentingState in src/ui/present): validated, since any peer can send it. */
export interface PresentingMessage {
  viewId: string | null;
  slideIndex: number;
  viewport: SharedViewport | null;
}

const finite = (v: unknown, min = -1e7, max = 1e7): v is number => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;

export function cleanPresenting(raw: unknown): PresentingMessage | null {
  if (!raw || typeof raw !== 'object') return null;
  const { viewId, slideIndex, viewport } = raw as Record<string, unknown>;
  if (!(viewId === null || (typeof viewId === 'string' && viewId.length <= 100))) return null;
  if (!Number.isInteger(slideIndex) || !finite(slideIndex, 0, 1000)) return null;
  return { viewId: viewId as string | null, slideIndex: slideIndex as number, viewport: cleanViewport(viewport) };
}

/** The presenter whose slides this screen shows: the lowest client id among the others who are presenting. */
export function presenterOf(states: Map<number, unknown>, selfId: number): { clientId: number; state: PresentingMessage } | null {
  let found: { clientId: number; state: PresentingMessage } | null = null;
  for (const [clientId, raw] of states) {
    if (clientId === selfId) continue;
    const state = cleanPresenting((raw as { presenting?: unknown } | null)?.presenting);
    if (state && (!found || clientId < found.clientId)) found = { clientId, state };
  }
  return found;
}

/** Where someone is looking, pointing and what they hold selected: the canvas overlay and following read it. */
export interface PeerView {
  clientId: number;
  name: string;
  color: string;
  /** Model coordinates. */
  cursor: { x: number; y: number } | null;
  /** Node and edge ids, at most MAX_SELECTION. */
  selection: string[];
  viewport: SharedViewport | null;
  /** Asks everyone to follow them (the facilitator's "everyone follow me"). */
  leading: boolean;
}

export const MAX_SELECTION = 50;

/** A viewport sent to the room, with the sender's canvas size when known. */
export interface SharedViewport {
  zoom: number;
  pan: { x: number; y: number };
  size?: { width: number; height: number };
}
const ID = /^[A-Za-z0-9_:.-]{1,64}$/;

export function cleanPoint(raw: unknown): { x: number; y: number } | null {
  const p = raw as { x?: unknown; y?: unknown } | null;
  return p && typeof p === 'object' && finite(p.x) && finite(p.y) ? { x: p.x, y: p.y } : null;
}

export function cleanViewport(raw: unknown): SharedViewport | null {
  const v = raw as { zoom?: unknown; pan?: unknown; size?: { width?: unknown; height?: unknown } } | null;
  const pan = v && typeof v === 'object' ? cleanPoint(v.pan) : null;
  if (!v || !finite(v.zoom, 0.01, 10) || !pan) return null;
  const size = v.size && typeof v.size === 'object' && finite(v.size.width, 1, 20_000) && finite(v.size.height, 1, 20_000) ? { width: v.size.width, height: v.size.height } : null;
  return size ? { zoom: v.zoom, pan, size } : { zoom: v.zoom, pan };
}

/**
 * The viewport that shows, on my canvas, the area someone else sees: their centre kept, their zoom scaled
 * so their whole view fits my screen (a projector and a laptop differ in size).
 */
export function fitViewport(theirs: SharedViewport, mine: { width: number; height: number }): { zoom: number; pan: { x: number; y: number } } {
  if (!theirs.size) return { zoom: theirs.zoom, pan: { ...theirs.pan } };
  const center = { x: (theirs.size.width / 2 - theirs.pan.x) / theirs.zoom, y: (theirs.size.height / 2 - theirs.pan.y) / theirs.zoom };
  const zoom = theirs.zoom * Math.min(mine.width / theirs.size.width, mine.height / theirs.size.height);
  return { zoom, pan: { x: mine.width / 2 - center.x * zoom, y: mine.height / 2 - center.y * zoom } };
}

export function cleanSelection(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return raw.slice(0, MAX_SELECTION).filter((id): id is string => typeof id === 'string' && ID.test(id));
}

/** Everyone else's pointer, selection and viewport, validated; states without a user are skipped. */
export function peerViewsOf(states: Map<number, unknown>, selfId: number): PeerView[] {
  const views: PeerView[] = [];
  for (const [clientId, raw] of states) {
    const state = raw as Record<string, unknown> | null;
    const user = state?.user as { name?: unknown; color?: unknown; viewer?: unknown } | undefined;
    // Viewers (read-only, possibly hundreds) put nothing on other people's canvases.
    if (clientId === selfId || !user || typeof user !== 'object' || user.viewer === true) continue;
    views.push({
      clientId,
      name: cleanName(user.name),
      color: cleanColor(user.color),
      cursor: cleanPoint(state!.cursor),
      selection: cleanSelection(state!.selection),
      viewport: cleanViewport(state!.viewport),
      leading: state!.leading === true,
    });
  }
  return views;
}

/** Whom to follow: someone asking everyone to follow (lowest id) unless dismissed, else my own pick. */
export function followTarget(views: PeerView[], chosen: number | null, dismissedLeader: number | null): number | null {
  const leader = views.filter((v) => v.leading && v.clientId !== dismissedLeader).sort((a, b) => a.clientId - b.clientId)[0];
  if (leader) return leader.clientId;
  return chosen !== null && views.some((v) => v.clientId === chosen) ? chosen : null;
}

/** Where another participant moved the room: true for the relay, false for the mesh, null if nobody did. */
export function roomMoveOf(states: Map<number, unknown>, selfId: number): boolean | null {
  for (const [clientId, raw] of states) {
    const movedTo = clientId === selfId ? undefined : (raw as { movedTo?: unknown } | null)?.movedTo;
    if (movedTo === 'relay' || movedTo === 'mesh') return movedTo === 'relay';
  }
  return null;
}

/**
 * How often my pointer may go out: 20 times a second in a small room; in a big one every pointer reaches
 * everyone, so the total stays near 200 messages a second whatever the size.
 */
export function pointerInterval(participants: number): number {
  return Math.max(50, participants * 5);
}
