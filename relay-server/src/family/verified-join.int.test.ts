import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '@hearth/common';
import { startTestSmtp, type TestSmtp } from '@hearth/test-kit/smtp';
import { api, buildTestApp, createFamily, registerParent, type TestRelay } from '../../test/helpers';
import { inviteGrownUp } from '../../test/family-helpers';
import { sqliteOf } from '../store/sqlite-store';

let smtp: TestSmtp;
let relay: TestRelay;
beforeAll(async () => {
  smtp = await startTestSmtp();
  relay = await buildTestApp({ smtpUrl: smtp.url });
});
afterAll(async () => {
  await relay.close();
  await smtp.close();
});

describe('joining a family on a relay that sends email', () => {
  it('refuses a grown-up whose email is not verified (a session from before email was turned on), and takes them once it is', async () => {
    const family = await createFamily(relay.app);
    const grownUp = await registerParent(relay.app, { displayName: 'Old' });
    // As for an account made while the relay sent no email: its session lives on, its address was never proved.
    sqliteOf(relay.app.relay).prepare(`UPDATE parents SET email_verified_at = NULL WHERE account_id = ?`).run(grownUp.parentId);
    const created = await inviteGrownUp(relay.app, family.parent.token, 'trusted', [family.child.childId]);
    const refused = await api<{ error: { code: string } }>(relay.app, 'POST', '/v1/grown-up-invites/redeem', {
      token: grownUp.token,
      body: { code: created.code },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe(ErrorCode.EmailNotVerified);

    sqliteOf(relay.app.relay).prepare(`UPDATE parents SET email_verified_at = 1 WHERE account_id = ?`).run(grownUp.parentId);
    const taken = await api(relay.app, 'POST', '/v1/grown-up-invites/redeem', {
      token: grownUp.token,
      body: { code: created.code },
    });
    expect(taken.status).toBe(201);
  });
});
