// The canvas area the presentation's title bar, caption bar and legend leave free (pixels),
// measured from the overlay itself so long captions and small screens still frame the slide.
import type { Insets } from './apply-view.ts';

const FALLBACK: Insets = { top: 150, right: 380, bottom: 190, left: 40 };

export function presentInsets(): Insets {
  const overlay = document.querySelector('[data-testid="presentation"]');
  const title = overlay?.querySelector('header')?.getBoundingClientRect();
  const caption = overlay?.querySelector('footer')?.getBoundingClientRect();
  const legend = document.querySelector('.stage .legend')?.getBoundingClientRect();
  if (!title || !caption) return FALLBACK;
  return { top: title.height + 24, bottom: caption.height + 24, left: 40, right: legend ? legend.width + 40 : 40 };
}

/** The canvas area the studio's own overlays leave free when framing a finding or a search hit: the
 *  layout switches above, and the legend (when open) beside or below, whichever leaves more room. */
export function studioInsets(canvas: DOMRect): Insets {
  const insets = { top: 64, right: 40, bottom: 40, left: 40 };
  const legend = document.querySelector('.stage .legend')?.getBoundingClientRect();
  if (!legend || legend.width === 0) return insets;
  const fromBottom = canvas.bottom - legend.top + 16;
  const fromLeft = legend.right - canvas.left + 16;
  // Losing a strip along the bottom, or one along the left: keep the larger free area.
  if ((canvas.height - fromBottom) * canvas.width >= (canvas.width - fromLeft) * canvas.height) insets.bottom = Math.max(insets.bottom, fromBottom);
  else insets.left = Math.max(insets.left, fromLeft);
  return insets;
}
