// Keyboard shortcuts of the studio, one table for the handler and the help dialog.
export type ShortcutAction =
  | 'undo' | 'redo' | 'delete' | 'search' | 'escape' | 'add-organization' | 'add-program' | 'fit' | 'help' | 'select-all' | 'draw-ties';

export const SHORTCUTS: { keys: string; action: ShortcutAction; description: string }[] = [
  { keys: 'Ctrl/⌘ Z', action: 'undo', description: 'Undo your last change' },
  { keys: 'Ctrl/⌘ Shift Z, Ctrl Y', action: 'redo', description: 'Redo' },
  { keys: 'Delete, Backspace', action: 'delete', description: 'Delete the selection' },
  { keys: 'Ctrl/⌘ F, /', action: 'search', description: 'Find a node' },
  { keys: 'Escape', action: 'escape', description: 'Clear the selection, close menus' },
  { keys: 'O', action: 'add-organization', description: 'Add an organization' },
  { keys: 'P, N', action: 'add-program', description: 'Add a program (to the selected organization)' },
  { keys: 'F', action: 'fit', description: 'Zoom to fit' },
  { keys: 'E', action: 'draw-ties', description: 'Draw ties: drag from one node to another (or right-drag any time)' },
  { keys: 'Ctrl/⌘ A', action: 'select-all', description: 'Select every node' },
  { keys: '?', action: 'help', description: 'Show these shortcuts' },
];

function typingInField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function shortcutFor(event: KeyboardEvent): ShortcutAction | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && key === 'f') return 'search';
  if (typingInField(event.target) || document.querySelector('dialog[open]')) return null;
  if (mod && key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (mod && key === 'y') return 'redo';
  if (mod && key === 'a') return 'select-all';
  if (mod || event.altKey) return null;
  if (key === 'delete' || key === 'backspace') return 'delete';
  if (key === 'escape') return 'escape';
  if (key === '/') return 'search';
  if (key === 'o') return 'add-organization';
  if (key === 'p' || key === 'n') return 'add-program';
  if (key === 'f') return 'fit';
  if (key === 'e') return 'draw-ties';
  if (event.key === '?') return 'help';
  return null;
}
