import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createHearthClient } from '@hearth/common';
import { launchChromium, withoutChromium } from '@hearth/test-kit/chromium';
import { directTransport, must } from '@hearth/test-kit/desktop';
import { waitFor } from '@hearth/test-kit/ports';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';
import { startTestSmtp, type TestSmtp } from '@hearth/test-kit/smtp';
import { build } from 'vite';
import { silentLogger } from '../logging/logger';
import { launchWebHostApp, type WebHostApp } from './launch';

const DESKTOP = path.resolve(import.meta.dirname, '../../..');
const PASSWORD = 'relay-password-123';

/**
 * The email steps of first run's "I have an account", in the real renderer against a real relay
 * that sends through a real SMTP server: an account not confirmed yet gets "Check your email",
 * whose "Send the code again" waits 30 s (said in words, the button tied to them) and then mails a
 * newer code; "Forgot password?" gets a new password, and first run goes on signed in.
 */
describe.skipIf(withoutChromium())('the email steps of first run, in Chromium', () => {
  let work: string;
  let rendererDir: string;
  let smtp: TestSmtp;
  let relay: TestRelay;
  let browser: Browser;
  const hosts: WebHostApp[] = [];
  let counter = 0;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-email-steps-'));
    rendererDir = path.join(work, 'renderer');
    await build({ configFile: path.join(DESKTOP, 'vite.config.ts'), logLevel: 'silent', build: { outDir: rendererDir } });
    smtp = await startTestSmtp();
    relay = await startTestRelay({ smtpUrl: smtp.url });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    for (const host of hosts) await host.close();
    await relay?.dispose();
    await smtp?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  async function newHost(on: TestRelay): Promise<WebHostApp> {
    const host = await launchWebHostApp({
      relayUrl: on.url,
      dataDir: path.join(work, `pc-${++counter}`),
      rendererDir,
      appVersion: '0.2.0-test',
      logger: silentLogger(),
    });
    hosts.push(host);
    return host;
  }

  /** A new PC's first run, at "I have an account", in `locale`; the page's clock is the test's. */
  async function atSignIn(locale: string, words: Readonly<{ forChildren: string; haveAccount: string }>): Promise<Page> {
    const host = await newHost(relay);
    const context = await browser.newContext({ locale });
    await context.clock.install();
    const page = await context.newPage();
    await page.goto(host.host.url);
    await page.getByRole('button', { name: words.forChildren }).click();
    await page.getByRole('radio', { name: words.haveAccount }).check();
    return page;
  }

  /** An account registered on the relay (which mails it a code); `verify`: its code used at once. */
  async function registered(verify: boolean): Promise<string> {
    const email = `grown-up.${++counter}.${Date.now().toString(36)}@example.test`;
    const res = await fetch(`${relay.url}/v1/parents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD, displayName: 'Robin' }),
    });
    expect(res.status).toBe(202);
    if (verify) {
      const code = await smtp.waitForCode(email);
      const ok = await fetch(`${relay.url}/v1/email-verifications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, code }),
      });
      expect(ok.status).toBe(201);
    }
    return email;
  }

  it('asks an unconfirmed account for its code, sends a newer one after 30 s, and goes on', async () => {
    const email = await registered(false);
    const page = await atSignIn('en-GB', { forChildren: 'For my children', haveAccount: 'I have an account' });
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password for your Hearth account', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const step = page.locator('[data-step="check-email"]');
    await step.waitFor();
    expect(await step.innerText()).toContain(`We sent a 6-digit code to ${email}. Type it here.`);

    // "Send the code again" is grey for 30 s, and says so; the grey button reads why.
    const resend = page.getByRole('button', { name: 'Send the code again', exact: true });
    expect(await resend.isDisabled()).toBe(true);
    const why = (await resend.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${why}"]`).innerText()).toMatch(/You can ask for a new code in \d+ seconds\./);
    await page.clock.fastForward(31_000);
    await expect.poll(() => resend.isDisabled()).toBe(false);
    // The refused sign-in mailed a code already: the one sent again is the newest.
    const mails = (await waitFor(() => (smtp.mailTo(email).length >= 2 ? smtp.mailTo(email) : undefined), 15_000)).length;
    await resend.click();
    await expect.poll(() => step.innerText()).toContain('We sent a new code. Use the newest email.');
    await waitFor(() => smtp.mailTo(email).length > mails, 15_000);
    const newest = (/\b(\d{6})\b/.exec(smtp.mailTo(email)[0]?.text ?? '') as RegExpExecArray)[1] as string;

    // A code with spaces, as pasted from an email, is fine.
    await page.getByLabel('Code from the email', { exact: true }).fill(`${newest.slice(0, 3)} ${newest.slice(3)}`);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.locator('[data-screen="first-run-policy"]').waitFor();
  });

  it('gets a new password with "¿Olvidaste la contraseña?" and goes on signed in', async () => {
    const email = await registered(true);
    const page = await atSignIn('es-ES', { forChildren: 'Para mis hijos', haveAccount: 'Ya tengo cuenta' });
    await page.getByLabel('Correo electrónico', { exact: true }).fill(email);
    await page.getByRole('button', { name: '¿Olvidaste la contraseña?', exact: true }).click();
    await page.locator('[data-step="forgot-email"]').waitFor();
    expect(await page.getByLabel('Correo electrónico', { exact: true }).inputValue()).toBe(email);
    const mails = smtp.mailTo(email).length;
    await page.getByRole('button', { name: 'Recibir un código', exact: true }).click();
    const form = page.locator('[data-step="forgot-code"]');
    await expect
      .poll(() => form.innerText())
      .toContain(
        'Si este correo tiene una cuenta de Hearth, le enviamos un código. Puede tardar un minuto: busca también en la carpeta de correo no deseado.',
      );
    await waitFor(() => smtp.mailTo(email).length > mails, 15_000);
    const mail = smtp.mailTo(email)[0];
    expect(mail?.subject).toMatch(/cambiar la contraseña/);
    const code = (/\b(\d{6})\b/.exec(mail?.text ?? '') as RegExpExecArray)[1] as string;

    const save = page.getByRole('button', { name: 'Guardar la contraseña nueva', exact: true });
    // Grey, and it says why: first the code, then the password, then the second one.
    const saysWhy = async (): Promise<string> =>
      page.locator(`[id="${(await save.getAttribute('aria-describedby')) ?? ''}"]`).innerText();
    expect(await saysWhy()).toBe('Escribe el código de 6 dígitos para seguir.');
    await page.getByLabel('Código para cambiar la contraseña', { exact: true }).fill(code);
    expect(await saysWhy()).toBe('Elige una contraseña de al menos 10 caracteres para seguir.');
    await page.getByLabel('Contraseña nueva de tu cuenta de Hearth', { exact: true }).fill('contrasena-nueva-1');
    expect(await saysWhy()).toBe('Escribe la contraseña nueva dos veces para seguir.');
    await page.getByLabel('La contraseña nueva otra vez', { exact: true }).fill('contrasena-nueva-1');
    expect(await save.isDisabled()).toBe(false);
    await save.click();
    await expect
      .poll(() => page.locator('[data-step="forgot-done"]').innerText())
      .toContain(
        'Iniciaste sesión aquí. Tus otras sesiones se cerraron: vuelve a iniciar sesión allí con la contraseña nueva. Las computadoras de los niños siguen funcionando como antes.',
      );
    await page.getByRole('button', { name: 'Continuar', exact: true }).click();
    await page.locator('[data-screen="first-run-policy"]').waitFor();

    const signIn = await fetch(`${relay.url}/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'contrasena-nueva-1' }),
    });
    expect(signIn.status).toBe(201);
  });

  it('gets parent mode going again with a new password when its sign-in has ended', async () => {
    // Parent mode's sessions end after 6 s on this relay: long enough for the steps after the reset.
    const shortLived = await startTestRelay({ smtpUrl: smtp.url, parentSessionTtlMs: 6_000 });
    try {
      const host = await newHost(shortLived);
      const api = createHearthClient(directTransport(host.core));
      const email = `own-pc.${++counter}.${Date.now().toString(36)}@example.test`;
      const registered = await api.registerParent({ email, password: PASSWORD, displayName: 'Pat' });
      expect(registered.ok ? 'ok' : registered.error.code).toBe('EMAIL_NOT_VERIFIED');
      must(await api.verifyEmail({ email, code: await smtp.waitForCode(email) }));
      must(await api.setParentPassword({ password: 'grown-ups-only-42' }));
      const started = Date.now();
      must(await api.startParentMode({ email, password: PASSWORD }));
      must(await api.lock());
      await new Promise((r) => setTimeout(r, Math.max(0, started + 6_500 - Date.now())));

      const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
      await page.goto(host.host.url);
      await page.locator('[data-screen="parent-start"]').waitFor();
      await page.getByLabel('Grown-ups’ password', { exact: true }).fill('grown-ups-only-42');
      await page.getByRole('button', { name: 'Unlock', exact: true }).click();
      const again = page.getByRole('form', { name: 'Sign in again' });
      await again.waitFor();
      await again.getByRole('button', { name: 'Forgot password?', exact: true }).click();
      await page.getByLabel('Email', { exact: true }).fill(email);
      const mails = smtp.mailTo(email).length;
      await page.getByRole('button', { name: 'Get a code', exact: true }).click();
      await waitFor(() => smtp.mailTo(email).length > mails, 15_000);
      const code = (/\b(\d{6})\b/.exec(smtp.mailTo(email)[0]?.text ?? '') as RegExpExecArray)[1] as string;
      await page.getByLabel('Reset code', { exact: true }).fill(code);
      await page.getByLabel('New password for your Hearth account', { exact: true }).fill('a-new-password-5');
      await page.getByLabel('The new password again', { exact: true }).fill('a-new-password-5');
      await page.getByRole('button', { name: 'Save the new password', exact: true }).click();
      await page.locator('[data-step="forgot-done"]').waitFor();
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      await page.locator('[data-screen="parent-home"]').waitFor();
    } finally {
      await shortLived.dispose();
    }
  });
});
