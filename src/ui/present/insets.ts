// The canvas area the presentation's title bar, caption bar and legend leave free (pixels),
// measured from the overlay itself so long captions and small screens still frame the slide.
import type { Insets } from '../../canvas/apply-view.ts';

const FALLBACK: Insets = { top: 150, right: 380, bottom: 190, left: 40 };

export function presentInsets(): Insets {
  const overlay = document.querySelector('[data-testid="presentation"]');
  const title = overlay?.querySelector('header')?.getBoundingClientRect();
  const caption = overlay?.querySelector('footer')?.getBoundingClientRect();
  const legend = document.querySelector('.stage .legend')?.getBoundingClientRect();
  if (!title || !caption) return FALLBACK;
  return { top: title.height + 24, bottom: caption.height + 24, left: 40, right: legend ? legend.width + 40 : 40 };
}
