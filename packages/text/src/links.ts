/**
 * Links in a statement's text (issue 13.8): statements cite instruments by URL. Only `http`,
 * `https` and `mailto` are kept — a `javascript:` or `data:` link in an imported file would run
 * in a reader's browser. This one test is used by the schema (which refuses any other href), the
 * Markdown import (which keeps the words and drops such a link) and every renderer.
 */

/** The protocols a link may use. */
export const linkProtocols = ['http', 'https', 'mailto'] as const;

/** Whether `href` is an absolute http(s) or mailto address, with nothing hidden before its scheme. */
export function isSafeHref(href: unknown): href is string {
  if (typeof href !== 'string' || href.length === 0 || href.length > 2_000) return false;
  // Browsers ignore control characters and leading spaces in a scheme ("java\tscript:"): refuse them.
  if (/[\u0000-\u0020\u007f-\u009f]/.test(href)) return false;
  try {
    const url = new URL(href);
    return (linkProtocols as readonly string[]).includes(url.protocol.slice(0, -1)) && (url.protocol === 'mailto:' || url.hostname.length > 0);
  } catch {
    return false;
  }
}
