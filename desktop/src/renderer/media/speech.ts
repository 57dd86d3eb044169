/** True when this browser can read text aloud. */
export function canSpeak(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window;
}

/** Reads `text` aloud in `lang` (stops whatever was being read). Does nothing where speech is missing. */
export function speak(text: string, lang: string): void {
  if (!canSpeak()) return;
  window.speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = lang;
  utterance.rate = 0.9;
  window.speechSynthesis.speak(utterance);
}

/** An invite code spelled out one character at a time, so it can be read aloud clearly. */
export function spellOut(code: string): string {
  return [...code.replace(/-/g, '')].join(', ');
}
