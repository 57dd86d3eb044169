/**
 * A ring made on the spot with Web Audio (two soft tones, then a pause): nothing to ship, nothing
 * to fetch. Returns the function that stops it; where audio cannot start, it stays silent.
 */
export function startRingtone(): () => void {
  let ctx: AudioContext;
  try {
    ctx = new AudioContext();
  } catch {
    return () => undefined;
  }
  const gain = ctx.createGain();
  gain.gain.value = 0;
  gain.connect(ctx.destination);
  const oscillators = [440, 554].map((frequency) => {
    const o = ctx.createOscillator();
    o.frequency.value = frequency;
    o.connect(gain);
    o.start();
    return o;
  });
  let stopped = false;
  const ring = (): void => {
    if (stopped) return;
    const t = ctx.currentTime;
    for (const [start, end] of [
      [0, 0.4],
      [0.6, 1.0],
    ] as const) {
      gain.gain.setTargetAtTime(0.08, t + start, 0.02);
      gain.gain.setTargetAtTime(0, t + end, 0.05);
    }
  };
  ring();
  const timer = setInterval(ring, 3000);
  return () => {
    stopped = true;
    clearInterval(timer);
    for (const o of oscillators) o.stop();
    void ctx.close();
  };
}
