import type { GrownUpRole, PolicyLanguage } from '@hearth/common';
import type { OutgoingMail } from '../mail/mailer';

/** The relay's family emails (issue 12), in English and (neutral) Spanish. */

function listNames(names: readonly string[], and: string): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1] as string}`;
}

export type InviteMailInput = Readonly<{
  to: string;
  lang: PolicyLanguage;
  role: GrownUpRole;
  inviterName: string;
  childNames: readonly string[];
  code: string;
}>;

/** The invitation code, for the invited grown-up to type in after signing in. */
export function inviteMail(input: InviteMailInput): OutgoingMail {
  const { inviterName, code, role } = input;
  if (input.lang === 'es') {
    const names = listNames(input.childNames, 'y');
    const what = role === 'guardian' ? `ser tutor o tutora de ${names}` : `ser un adulto de confianza para ${names}`;
    return {
      to: input.to,
      subject: `${inviterName} te invita a Hearth`,
      text: [
        `${inviterName} te pide ${what} en Hearth.`,
        '',
        `Tu código: ${code}`,
        '',
        'Inicia sesión en Hearth (o crea una cuenta), abre «Familia», elige «Tengo un código» y escríbelo.',
        `El código sirve una sola vez y durante 7 días. Después, ${inviterName} confirma que eres tú.`,
        '',
        'Si no esperabas este correo, puedes ignorarlo.',
      ].join('\n'),
    };
  }
  const names = listNames(input.childNames, 'and');
  const what = role === 'guardian' ? `to be a guardian of ${names}` : `to be a trusted grown-up for ${names}`;
  return {
    to: input.to,
    subject: `${inviterName} invites you to Hearth`,
    text: [
      `${inviterName} asks you ${what} on Hearth.`,
      '',
      `Your code: ${code}`,
      '',
      'Sign in to Hearth (or make an account), open "Family", choose "I have a code" and type it in.',
      `The code works once, for 7 days. Then ${inviterName} confirms it is you.`,
      '',
      'If you did not expect this email, you can ignore it.',
    ].join('\n'),
  };
}

/** What the other guardians are told by email at once (no language is known for them: both). */
export function familyNoticeMail(
  to: string,
  kind: 'child-deleted' | 'consent-withdrawn' | 'guardian-account-deleted',
  childName: string,
  byName: string,
): OutgoingMail {
  if (kind === 'guardian-account-deleted') {
    return {
      to,
      subject: `Hearth: ${byName} deleted their account / ${byName} eliminó su cuenta`,
      text: [
        `${byName} deleted their Hearth account and is no longer a guardian of ${childName}. ${childName}'s account stays; you are still a guardian.`,
        '',
        `${byName} eliminó su cuenta de Hearth y ya no es tutor de ${childName}. La cuenta de ${childName} sigue; tú sigues siendo tutor.`,
      ].join('\n'),
    };
  }
  if (kind === 'child-deleted') {
    return {
      to,
      subject: `Hearth: ${childName}'s account was deleted / Se eliminó la cuenta de ${childName}`,
      text: [
        `${byName} deleted ${childName}'s account on Hearth. Their friends and messages are gone; the consent records are kept.`,
        '',
        `${byName} eliminó la cuenta de ${childName} en Hearth. Sus amistades y mensajes ya no están; los registros de consentimiento se conservan.`,
      ].join('\n'),
    };
  }
  return {
    to,
    subject: `Hearth: consent withdrawn for ${childName} / Consentimiento retirado para ${childName}`,
    text: [
      `${byName} withdrew their consent for ${childName} on Hearth. While no guardian's consent to the current policy stands, ${childName} can reach only their guardians. Open Hearth to give yours.`,
      '',
      `${byName} retiró su consentimiento para ${childName} en Hearth. Mientras ningún tutor haya dado su consentimiento a la política actual, ${childName} solo puede comunicarse con sus tutores. Abre Hearth para dar el tuyo.`,
    ].join('\n'),
  };
}
