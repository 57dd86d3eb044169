/**
 * Waiting on what the screen shows (never on the clock): each helper polls the page until the
 * condition holds or its time is up.
 */
import { expect } from 'vitest';
import type { Locator } from 'playwright-core';

const TIMEOUT = 15_000;
type Opts = Readonly<{ timeout?: number }>;

async function textOf(l: Locator): Promise<string> {
  return l
    .first()
    .innerText({ timeout: 300 })
    .catch(() => '');
}

/** The first match shows `text` somewhere in it. */
export async function shows(l: Locator, text: string, o: Opts = {}): Promise<void> {
  await expect.poll(() => textOf(l), { timeout: o.timeout ?? TIMEOUT }).toContain(text);
}

/** The first match's text is exactly `text` (after trimming). */
export async function reads(l: Locator, text: string, o: Opts = {}): Promise<void> {
  await expect.poll(async () => (await textOf(l)).trim(), { timeout: o.timeout ?? TIMEOUT }).toBe(text);
}

/** There are exactly `n` matches. */
export async function countIs(l: Locator, n: number, o: Opts = {}): Promise<void> {
  await expect.poll(() => l.count(), { timeout: o.timeout ?? TIMEOUT }).toBe(n);
}

/** The first match is on screen. */
export async function visible(l: Locator, o: Opts = {}): Promise<void> {
  await l.first().waitFor({ state: 'visible', timeout: o.timeout ?? TIMEOUT });
}

/** The first match's attribute matches. */
export async function attr(l: Locator, name: string, value: string | RegExp, o: Opts = {}): Promise<void> {
  const read = (): Promise<string | null> =>
    l
      .first()
      .getAttribute(name, { timeout: 300 })
      .catch(() => null);
  if (typeof value === 'string') await expect.poll(read, { timeout: o.timeout ?? TIMEOUT }).toBe(value);
  else await expect.poll(read, { timeout: o.timeout ?? TIMEOUT }).toMatch(value);
}

/** A text field holds `value`. */
export async function valueIs(l: Locator, value: string, o: Opts = {}): Promise<void> {
  await expect.poll(() => l.inputValue({ timeout: 300 }).catch(() => null), { timeout: o.timeout ?? TIMEOUT }).toBe(value);
}

/** A checkbox or radio is checked. */
export async function checked(l: Locator, o: Opts = {}): Promise<void> {
  await expect.poll(() => l.isChecked({ timeout: 300 }).catch(() => false), { timeout: o.timeout ?? TIMEOUT }).toBe(true);
}

/** The first match does not show `text` (now). */
export async function lacks(l: Locator, text: string): Promise<void> {
  expect(await textOf(l)).not.toContain(text);
}
