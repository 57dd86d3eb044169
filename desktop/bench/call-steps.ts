/**
 * `bench:call`'s trace of one call's setup (issue 18): the marks both pages made
 * (`hearth-call:<step>`, wall-clock ms, one machine) turned into named steps, each from one
 * mark to another; a step whose marks are missing is left out of that call.
 */
type Mark = Readonly<{ step: string; at: number }>;

/** [name, from, to]: `from`/`to` are marks of the caller's (c:) or the callee's (e:) page. */
export const CALL_STEPS: readonly (readonly [string, string, string])[] = [
  // Caller, in parallel after the dial: main's check of the contact, fresh ICE (TURN credentials), the camera.
  ['main-check', 'c:dial', 'c:contact-checked'],
  ['ice', 'c:dial', 'c:ice-ready'],
  ['camera', 'c:dial', 'c:camera-ready'],
  ['offer-sent', 'c:dial', 'c:offer-sent'],
  // Through the relay's signaling to the friend's PC, then main's check there (screening).
  ['signaling', 'c:offer-sent', 'e:offer-arrived'],
  // … of which: the caller making its media offer, then the relay passing it on (socket to socket).
  ['offer-leaving', 'c:offer-sent', 'c:offer-left'],
  ['offer-relay', 'c:offer-left', 'e:offer-arrived'],
  ['screening', 'e:offer-arrived', 'e:screened'],
  ['ring-to-accept', 'e:screened', 'e:accepted'],
  // The callee's camera opens only now, after the accept; its ICE settings beside it.
  ['callee-ice', 'e:accepted', 'e:callee-ice-ready'],
  ['callee-camera', 'e:accepted', 'e:callee-camera-ready'],
  ['answer', 'e:accepted', 'e:answered'],
  ['control-channel', 'c:offer-sent', 'c:channel-open'],
  // The answer back through signaling (PeerJS's `stream` comes with it, before the media flows),
  // then ICE and DTLS (through TURN when relay-only) and the first decoded frame.
  ['answer-signaling', 'e:answered', 'c:remote-stream'],
  // … of which: the callee making its answer, the relay passing it on, the caller taking it.
  ['answer-leaving', 'e:answered', 'e:answer-left'],
  ['answer-relay', 'e:answer-left', 'c:answer-in'],
  ['answer-taking', 'c:answer-in', 'c:remote-stream'],
  ['ice-dtls-first-frame', 'c:remote-stream', 'c:first-frame'],
  ['total', 'c:dial', 'c:first-frame'],
];

/** The steps of one call from the caller's and the callee's marks. */
export function callSteps(caller: readonly Mark[], callee: readonly Mark[]): Map<string, number> {
  const at = new Map<string, number>();
  // The first of each mark counts (a call's media and data connection both mark their arrival).
  for (const [side, marks] of [['c', caller] as const, ['e', callee] as const]) {
    for (const m of marks) if (!at.has(`${side}:${m.step}`)) at.set(`${side}:${m.step}`, m.at);
  }
  const steps = new Map<string, number>();
  for (const [name, from, to] of CALL_STEPS) {
    const [a, b] = [at.get(from), at.get(to)];
    if (a !== undefined && b !== undefined) steps.set(name, b - a);
  }
  return steps;
}
