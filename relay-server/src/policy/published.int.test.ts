import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyReview, ReconsentResult } from '@hearth/common';
import { DEFAULT_CONFIG } from '../config';
import { api, buildTestApp, createChild, createFamily, expectStatus, type TestFamily, type TestRelay } from '../../test/helpers';

/**
 * Issue 15 publishes the draft (`next/`) as the bundled policy's new current version. A family
 * that consented to the version before (2026-11-01) meets it when its relay is upgraded: each
 * guardian is asked once, with the published "what changed"; until then RECONSENT_REQUIRED
 * refuses a new child, as F15 designed; after one agreement nothing asks again.
 */
const BEFORE = '2026-11-01';
const NOW = DEFAULT_CONFIG.policyVersion;
const consentTo = (version: string) => ({ policyVersion: version, method: 'checkbox', agreed: true }) as const;
const newChild = (token: string) =>
  api<{ error?: { code: string } }>(relayNow.app, 'POST', '/v1/children', {
    token,
    body: { displayName: 'Nia', username: `nia${Date.now().toString(36)}`, consent: consentTo(NOW) },
  });

let relayNow: TestRelay;
let family: TestFamily;
let secondChildId: string;

beforeAll(async () => {
  // The relay as it was: the bundled policy folder, serving the version before.
  const before = await buildTestApp({ policyVersion: BEFORE, policyPublishedAt: BEFORE });
  family = await createFamily(before.app, { consent: consentTo(BEFORE) });
  secondChildId = (await createChild(before.app, family.parent.token, { consent: consentTo(BEFORE) })).childId;
  await before.app.close();
  // Upgraded: the defaults, that is the version published from the draft.
  relayNow = await buildTestApp({ dataDir: before.dataDir });
});
afterAll(() => relayNow.close());

describe('the policy published from the draft for issue 15', () => {
  it('is a new version, served in both languages with what changed since the version before', async () => {
    expect(NOW).not.toBe(BEFORE);
    expect(fs.existsSync(path.join(DEFAULT_CONFIG.policyDir, BEFORE))).toBe(true);
    for (const lang of ['en', 'es'] as const) {
      const served = expectStatus(
        await api<{ version: string; changes: string }>(relayNow.app, 'GET', `/v1/policy?lang=${lang}`),
        200,
      );
      expect(served.version).toBe(NOW);
      expect(served.changes).toContain(BEFORE);
    }
  });

  it('asks each guardian once: RECONSENT_REQUIRED until they agree, then never again', async () => {
    const token = family.parent.token;
    const refused = await newChild(token);
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('RECONSENT_REQUIRED');

    const review = expectStatus(await api<PolicyReview>(relayNow.app, 'GET', '/v1/policy-review?lang=es', { token }), 200);
    expect(review.version).toBe(NOW);
    expect(review.changes).toBe(fs.readFileSync(path.join(DEFAULT_CONFIG.policyDir, NOW, 'changes.es.md'), 'utf8').trim());
    expect(review.children.map((c) => c.childId).sort()).toEqual([family.child.childId, secondChildId].sort());

    // One agreement covers both children.
    const result = expectStatus(
      await api<ReconsentResult>(relayNow.app, 'POST', '/v1/policy-review/consent', { token, body: { consent: consentTo(NOW) } }),
      200,
    );
    expect(result.consents).toHaveLength(2);
    const after = expectStatus(await api<PolicyReview>(relayNow.app, 'GET', '/v1/policy-review?lang=en', { token }), 200);
    expect(after.children).toEqual([]);
    expect((await newChild(token)).status).toBe(201);
  });
});
