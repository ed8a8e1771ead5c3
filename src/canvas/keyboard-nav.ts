// Keyboard on the canvas: arrow keys move a visible focus ring to the nearest shown node in that
// direction, Enter selects it (and the host opens the inspector), and a live region reads its name.
import type { Core, NodeSingular } from 'cytoscape';

const DIRECTIONS: Record<string, { x: number; y: number }> = {
  ArrowRight: { x: 1, y: 0 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowDown: { x: 0, y: 1 },
  ArrowUp: { x: 0, y: -1 },
};

/** The nearest point in a 90° cone around the direction, distance weighted against straying off-axis. */
export function nearestInDirection(from: { x: number; y: number }, candidates: { id: string; x: number; y: number }[], dir: { x: number; y: number }): string | null {
  let best: string | null = null;
  let bestScore = Infinity;
  for (const c of candidates) {
    const dx = c.x - from.x;
    const dy = c.y - from.y;
    const along = dx * dir.x + dy * dir.y;
    const across = Math.abs(dx * dir.y - dy * dir.x);
    if (along <= 0 || across > along) continue;
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = c.id;
    }
  }
  return best;
}

export function installKeyboardNav(cy: Core, container: HTMLElement, onactivate: (id: string) => void): () => void {
  let focused: NodeSingular | null = null;
  const live = document.createElement('div');
  live.className = 'sr-only';
  live.setAttribute('role', 'status');
  container.after(live);

  const shownNodes = () => cy.nodes().not('.lane').not('.view-hidden').not('.eh-handle');
  const focus = (node: NodeSingular) => {
    focused?.removeClass('kb-focus');
    focused = node;
    node.addClass('kb-focus');
    const label = String(node.data('label') ?? node.id());
    live.textContent = `${node.data('kind') === 'organization' ? 'Organization' : 'Program'}: ${label}. ${node.degree(false)} ties. Enter to inspect.`;
    // Keep the focused node on screen.
    const p = node.renderedPosition();
    if (p.x < 40 || p.y < 40 || p.x > cy.width() - 40 || p.y > cy.height() - 40) cy.animate({ center: { eles: node } }, { duration: 200 });
  };

  const onkeydown = (event: KeyboardEvent) => {
    if (event.target !== container || event.altKey || event.ctrlKey || event.metaKey) return;
    const nodes = shownNodes();
    if (nodes.empty()) return;
    if (event.key === 'Enter' || event.key === ' ') {
      if (!focused || focused.removed()) return;
      event.preventDefault();
      onactivate(focused.id());
      return;
    }
    const dir = DIRECTIONS[event.key];
    if (!dir) return;
    event.preventDefault();
    event.stopPropagation();
    if (!focused || focused.removed() || !focused.visible()) {
      // First press: start at the selected node, else the one nearest the top left.
      const start = nodes.filter(':selected').first();
      focus((start.nonempty() ? start : nodes.min((n: NodeSingular) => n.position().x + n.position().y).ele) as NodeSingular);
      return;
    }
    const from = focused.position();
    const candidates = nodes.not(focused).map((n: NodeSingular) => ({ id: n.id(), ...n.position() }));
    const next = nearestInDirection(from, candidates, dir);
    if (next) focus(cy.$id(next) as NodeSingular);
  };
  const onblur = () => focused?.removeClass('kb-focus');
  const onfocus = () => focused?.addClass('kb-focus');
  container.addEventListener('keydown', onkeydown);
  container.addEventListener('blur', onblur);
  container.addEventListener('focus', onfocus);
  return () => {
    container.removeEventListener('keydown', onkeydown);
    container.removeEventListener('blur', onblur);
    container.removeEventListener('focus', onfocus);
    live.remove();
  };
}
