import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { must, setUpFamily, startTestDesktop, type TestDesktop } from '@hearth/test-kit/desktop';
import { createClosers } from '@hearth/test-kit/closers';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';

let relay: TestRelay;
/** The relay and every PC the tests started, closed newest first. */
const started = createClosers();

async function desktop(dataDir?: string): Promise<TestDesktop> {
  const d = await startTestDesktop(relay.url, dataDir ? { dataDir } : {});
  return started.add(d, () => d.close());
}

beforeAll(async () => {
  relay = started.add(await startTestRelay(), () => relay.dispose());
});

afterAll(() => started.closeAll());

describe("first run's language", () => {
  it('is kept as the PC’s language from the first screen, before anyone signs in, across a restart', async () => {
    const pc = await desktop();
    expect(must(await pc.api.getSettings()).language).toBe('auto');
    expect(must(await pc.api.setFirstRunLanguage({ language: 'es' })).language).toBe('es');
    expect(must(await pc.api.setFirstRunLanguage({ language: 'en' })).language).toBe('en');
    must(await pc.api.setFirstRunLanguage({ language: 'es' }));
    pc.close();
    const again = await desktop(pc.dataDir);
    expect(must(await again.api.getSettings()).language).toBe('es');
  });

  it('refuses a language Hearth does not speak', async () => {
    const pc = await desktop();
    const result = await pc.core.handlers.setFirstRunLanguage({ language: 'fr' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('is closed once the grown-ups’ password exists: then only the pane changes the language', async () => {
    const pc = await desktop();
    await setUpFamily(pc.api, 'Lola');
    expect(await pc.api.setFirstRunLanguage({ language: 'es' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    must(await pc.api.lock());
    expect(await pc.api.setFirstRunLanguage({ language: 'es' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(must(await pc.api.getSettings()).language).toBe('auto');
  });
});
