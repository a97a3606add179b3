import { useLayoutEffect, useRef } from 'react';
import { useLocation } from 'wouter';

/**
 * A new page starts at the top, as a full page load would. Only the path counts: a changed query
 * string or #fragment (the skip link) is the same page, and the first render keeps whatever the
 * browser chose (a #fragment, or the position it restores on reload).
 */
export function ScrollToTop() {
  const [path] = useLocation();
  const shown = useRef(path);
  useLayoutEffect(() => {
    if (shown.current === path) return;
    shown.current = path;
    window.scrollTo(0, 0);
  }, [path]);
  return null;
}
