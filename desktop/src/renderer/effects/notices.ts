import type { EffectsNotice, EffectsNoticeCode } from './types';

// Short sentences for children who are learning to read (and for read-aloud).
const MESSAGES: Readonly<Record<EffectsNoticeCode, string>> = {
  'effects-quality-lowered': 'Your background looks a little softer now, so your call stays smooth.',
  'effects-engine-switched': 'We changed how your background works, so your call stays smooth.',
  'effects-turned-off': 'Your computer needs a rest, so your background is off. Your friend can see your room now.',
  'effects-unavailable': 'Backgrounds are not working right now. Your friend can see your room. Your call still works!',
  'effects-picture-unreadable': 'We could not open that picture. Try another one!',
};

export function notice(code: EffectsNoticeCode): EffectsNotice {
  return { code, message: MESSAGES[code] };
}
