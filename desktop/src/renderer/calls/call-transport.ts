/** How a call's media travels, read from WebRTC's statistics (e.g. to show that it goes through the family's server). */

/** `host`, `srflx`, `prflx` or `relay` (through the TURN server). */
export type CandidateType = RTCIceCandidateType | 'unknown';

export type CallTransport = Readonly<{
  /** Our side of the pair the media uses now. */
  local: CandidateType;
  /** The friend's side of that pair. */
  remote: CandidateType;
  /** Every kind of address the friend's side offered us. */
  remoteOffered: readonly CandidateType[];
}>;

type StatsEntry = Readonly<Record<string, unknown> & { id: string; type: string }>;

export async function transportOf(pc: RTCPeerConnection | null): Promise<CallTransport | null> {
  if (!pc) return null;
  const entries = new Map<string, StatsEntry>();
  (await pc.getStats()).forEach((s: StatsEntry) => entries.set(s.id, s));
  const all = [...entries.values()];
  const transport = all.find((s) => s.type === 'transport' && typeof s.selectedCandidatePairId === 'string');
  const pair =
    (transport && entries.get(transport.selectedCandidatePairId as string)) ??
    all.find((s) => s.type === 'candidate-pair' && s.state === 'succeeded' && s.nominated === true);
  if (!pair) return null;
  const typeOf = (id: unknown): CandidateType =>
    (typeof id === 'string' ? (entries.get(id)?.candidateType as CandidateType | undefined) : undefined) ?? 'unknown';
  const remoteOffered = [
    ...new Set(
      all.filter((s) => s.type === 'remote-candidate').map((s) => (s.candidateType as CandidateType | undefined) ?? 'unknown'),
    ),
  ];
  return { local: typeOf(pair.localCandidateId), remote: typeOf(pair.remoteCandidateId), remoteOffered };
}
