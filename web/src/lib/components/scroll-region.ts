/**
 * A wide table on a narrow screen (a phone, a page zoomed to 400 %) scrolls sideways inside its
 * wrapper instead of pushing the whole page (WCAG 1.4.10 allows it for data tables). While — and
 * only while — the wrapper does scroll, it is a named, focusable region, so a keyboard user can
 * reach and scroll it (axe: scrollable-region-focusable) without an extra tab stop on wide screens.
 */
export function scrollRegion(node: HTMLElement, label?: string) {
  const update = () => {
    const scrolls = node.scrollWidth > node.clientWidth + 1;
    const name = label ?? node.querySelector('caption')?.textContent?.trim() ?? '';
    if (scrolls && name) {
      node.tabIndex = 0;
      node.setAttribute('role', 'region');
      node.setAttribute('aria-label', name);
    } else {
      for (const attribute of ['tabindex', 'role', 'aria-label']) node.removeAttribute(attribute);
    }
  };
  const observer = new ResizeObserver(update);
  observer.observe(node);
  update();
  return {
    update: (next?: string) => {
      label = next;
      update();
    },
    destroy: () => observer.disconnect(),
  };
}
