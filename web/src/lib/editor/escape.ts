/**
 * A popover's keydown handler: Escape closes it and goes no further, so the one key press closes
 * only the popover, not whatever else listens further up (the page, another popover).
 */
export function closeOnEscape(close: () => void): (event: Pick<KeyboardEvent, 'key' | 'preventDefault' | 'stopPropagation'>) => void {
  return (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    close();
  };
}
