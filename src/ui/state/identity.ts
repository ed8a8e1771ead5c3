// Who this browser is in rooms: a name and a colour, remembered in localStorage across rooms and reloads.
import { cleanName, PRESENCE_COLORS } from '../../collab/presence.ts';

const NAME_KEY = 'pathways:name';
/** Set once the person has given a name or chosen to keep the guest one: they are asked only once. */
const NAME_CONFIRMED_KEY = 'pathways:name-confirmed';
const COLOR_KEY = 'pathways:color';

/** The name this browser uses in rooms: asked once in the Share dialog, remembered; until then a numbered guest. */
export function rememberedName(): string {
  const stored = globalThis.localStorage?.getItem(NAME_KEY);
  if (stored) return cleanName(stored);
  const guest = `Guest ${100 + Math.floor(Math.random() * 900)}`;
  globalThis.localStorage?.setItem(NAME_KEY, guest);
  return guest;
}

/** This browser's colour in rooms: picked once and kept, so a person keeps one colour across rooms and reloads. */
export function rememberedColor(): string {
  const stored = globalThis.localStorage?.getItem(COLOR_KEY);
  if (stored && PRESENCE_COLORS.includes(stored)) return stored;
  const color = PRESENCE_COLORS[Math.floor(Math.random() * PRESENCE_COLORS.length)];
  globalThis.localStorage?.setItem(COLOR_KEY, color);
  return color;
}

export const storeName = (name: string) => globalThis.localStorage?.setItem(NAME_KEY, name);
export const isNameConfirmed = () => globalThis.localStorage?.getItem(NAME_CONFIRMED_KEY) === '1';
export const storeNameConfirmed = () => globalThis.localStorage?.setItem(NAME_CONFIRMED_KEY, '1');
