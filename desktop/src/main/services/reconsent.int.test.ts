/**
 * Re-consent (F15) through the IPC contract, against a real relay that restarts with a new
 * policy version: at the pane's next unlock the grown-up is shown what changed (in their
 * language) and which children wait; one consent covers them all; a new child is refused with
 * RECONSENT_REQUIRED until then; the child's consent history shows both versions.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { must, RELAY_PASSWORD, setUpFamily, startTestDesktop, type TestDesktop } from '@hearth/test-kit/desktop';
import { createClosers } from '@hearth/test-kit/closers';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';

const OLD = '2026-01-01';
const NEW = '2026-06-01';
const DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-desktop-reconsent-'));
for (const version of [OLD, NEW]) {
  fs.mkdirSync(path.join(DIR, version));
  for (const lang of ['en', 'es']) {
    fs.writeFileSync(path.join(DIR, version, `${lang}.md`), `# Policy ${version} ${lang}`);
    fs.writeFileSync(path.join(DIR, version, `changes.${lang}.md`), `Changes of ${version} in ${lang}`);
  }
}

let relay: TestRelay;
let pc: TestDesktop;
let mia: Awaited<ReturnType<typeof setUpFamily>>;
const started = createClosers();

beforeAll(async () => {
  relay = started.add(await startTestRelay({ policyDir: DIR, policyVersion: OLD }), () => relay.dispose());
  pc = await startTestDesktop(relay.url);
  started.add(pc, () => pc.close());
  mia = await setUpFamily(pc.api, 'Mia');
  // The relay restarts serving a new policy.
  await relay.stop();
  await relay.start({ policyVersion: NEW });
});
afterAll(async () => {
  await started.closeAll();
  fs.rmSync(DIR, { recursive: true, force: true });
});

describe('after a policy change', () => {
  it('shows the grown-up what changed at the next unlock, takes one consent, and keeps the history', async () => {
    if (must(await pc.api.getLockStatus()).state === 'unlocked') must(await pc.api.signOutParent());
    must(await pc.api.unlockWithAccount({ email: mia.parentEmail, password: RELAY_PASSWORD }));
    const review = must(await pc.api.getPolicyReview({ lang: 'es' }));
    expect(review).toMatchObject({ version: NEW, lang: 'es', changes: `Changes of ${NEW} in es` });
    expect(review.children).toEqual([{ childId: mia.childId, displayName: 'Mia' }]);

    const refused = await pc.api.createChild({
      displayName: 'Leo',
      username: `leo${Date.now() % 1_000_000}`,
      consent: { policyVersion: NEW, method: 'checkbox', agreed: true },
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('RECONSENT_REQUIRED');

    const given = must(await pc.api.consentToPolicy({ consent: { policyVersion: NEW, method: 'checkbox', agreed: true } }));
    expect(given.consents.map((c) => c.childId)).toEqual([mia.childId]);
    expect(must(await pc.api.getPolicyReview({ lang: 'en' })).children).toEqual([]);

    const history = must(await pc.api.getConsentHistory({ childId: mia.childId }));
    expect(history.entries.map((e) => e.policyVersion).sort()).toEqual([NEW, OLD].sort());
    expect(new Set(history.entries.map((e) => e.displayName))).toEqual(new Set(["Mia's parent"]));
  });
});
