/**
 * Unfilled `{{…}}` on a screen: an i18n value the code forgot to pass shows to the child as raw
 * braces. Read from every text node and every attribute a person or a screen reader meets.
 */
import type { Page } from 'playwright-core';

/** One piece of the page that shows a raw `{{…}}`. */
export type UnfilledPlaceholder = Readonly<{ where: string; text: string }>;

// Code that runs in the page is kept as text: this project's types are Node's, not the DOM's.
const FIND = `(() => {
  const raw = /\\{\\{[^{}]*\\}\\}/;
  const found = [];
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  if (raw.test(document.title)) found.push({ where: 'title', text: document.title });
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest('script, style')) continue;
    if (raw.test(node.nodeValue)) found.push({ where: name(el), text: node.nodeValue.trim() });
  }
  const attributes = ['aria-label', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'title', 'alt', 'placeholder'];
  for (const el of document.body.querySelectorAll('*')) {
    for (const a of attributes) {
      const value = el.getAttribute(a);
      if (value && raw.test(value)) found.push({ where: name(el) + '[' + a + ']', text: value });
    }
  }
  return found;
})()`;

/** Every text and attribute of the page that still shows a `{{…}}` (the caller expects none). */
export async function unfilledPlaceholders(page: Page): Promise<UnfilledPlaceholder[]> {
  return (await page.evaluate(FIND)) as UnfilledPlaceholder[];
}
