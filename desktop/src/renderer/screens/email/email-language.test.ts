import { describe, expect, it } from 'vitest';
import { cleanCode, codeLooksRight, emailLanguage } from './email-language';

describe('the email steps’ small rules', () => {
  it('writes the email in the screen’s language, English for any other', () => {
    expect(emailLanguage('es')).toBe('es');
    expect(emailLanguage('es-MX')).toBe('es');
    expect(emailLanguage('en-GB')).toBe('en');
    expect(emailLanguage('fr')).toBe('en');
    expect(emailLanguage(undefined)).toBe('en');
  });

  it('takes a code as pasted from an email, with spaces or a dash, but only six digits', () => {
    expect(codeLooksRight(cleanCode(' 123 456 '))).toBe(true);
    expect(codeLooksRight(cleanCode('123-456'))).toBe(true);
    expect(codeLooksRight(cleanCode('12345'))).toBe(false);
    expect(codeLooksRight(cleanCode('1234567'))).toBe(false);
    expect(codeLooksRight(cleanCode('12a456'))).toBe(false);
  });
});
