import type { AnchorHTMLAttributes } from 'react';
import { Link, useLocation } from 'wouter';

interface NavLinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href' | 'className'> {
  href: string;
  /** Only the exact path counts as current, not the pages below it (the shop's `/`). */
  end?: boolean;
}

/** Whether `href` is the page at `path`, or (unless `end`) a section that contains it. */
export function isCurrentPath(path: string, href: string, end = false): boolean {
  const [here, target] = [path.toLowerCase(), href.toLowerCase()];
  return here === target || (!end && here.startsWith(target) && here.charAt(target.length) === '/');
}

/**
 * A navigation link that marks the current page for sighted users (class `active`) and for
 * screen readers (`aria-current="page"`), as the header's and the admin's tabs need.
 */
export function NavLink({ href, end, ...props }: NavLinkProps) {
  const [path] = useLocation();
  const current = isCurrentPath(path, href, end);
  return (
    <Link
      href={href}
      className={current ? 'active' : undefined}
      aria-current={current ? 'page' : undefined}
      {...props}
    />
  );
}
