import type { PolicyLanguage } from '@hearth/common';

/** The language the relay writes its email in: the one these screens show. */
export function emailLanguage(language: string | undefined): PolicyLanguage {
  return language?.startsWith('es') ? 'es' : 'en';
}

/** Six digits, whatever spaces or dashes were typed or pasted with them. */
export function cleanCode(typed: string): string {
  return typed.replace(/[\s-]/g, '');
}

/** Whether a cleaned code is the six digits the relay sends. */
export function codeLooksRight(code: string): boolean {
  return /^[0-9]{6}$/.test(code);
}
