/**
 * Where a call's video estimate starts, in kbit/s (Chrome's `x-google-start-bitrate`, read from
 * the video codecs of the descriptions; other browsers ignore it). Chrome starts at 300 kbit/s,
 * too little for the 640×480 a call's camera opens at, so its encoder first drops frames and
 * looks for a smaller size: the friend's first picture came that much later (issue 18:
 * `bench:call`'s step from the answer to the first frame, 195 ms at 300 kbit/s, 163 ms at 500 and
 * at 1000). Half the 1 Mbit/s uplink of a "home Wi-Fi" link; congestion control takes it from
 * there, down to voice only or up, as before.
 */
export const START_BITRATE_KBPS = 500;

const VIDEO_CODECS = /^a=rtpmap:(\d+) (VP8|VP9|H264|H265|AV1)\//i;
const START = 'x-google-start-bitrate';

/**
 * The description with each video codec starting from {@link START_BITRATE_KBPS}: its `a=fmtp`
 * line gains the parameter (VP8 has none: one is added after its `a=rtpmap`). A codec that has
 * the parameter already, retransmission and FEC formats, and the audio section are left as they are.
 */
export function withStartBitrate(sdp: string): string {
  const eol = sdp.includes('\r\n') ? '\r\n' : '\n';
  const lines = sdp.split(eol);
  // The video codecs of each video section, and which of them have an fmtp line.
  const codecs = new Set<string>();
  const withFmtp = new Set<string>();
  let section = -1;
  const sectionOf = (pt: string): string => `${section} ${pt}`;
  let video = false;
  for (const line of lines) {
    if (line.startsWith('m=')) {
      section += 1;
      video = line.startsWith('m=video ');
    }
    const map = video ? VIDEO_CODECS.exec(line) : null;
    if (map) codecs.add(sectionOf(map[1] as string));
    const fmtp = video ? /^a=fmtp:(\d+) /.exec(line) : null;
    if (fmtp) withFmtp.add(sectionOf(fmtp[1] as string));
  }
  const out: string[] = [];
  section = -1;
  for (const line of lines) {
    if (line.startsWith('m=')) section += 1;
    const fmtp = /^a=fmtp:(\d+) /.exec(line);
    if (fmtp && codecs.has(sectionOf(fmtp[1] as string)) && !line.includes(`${START}=`)) {
      out.push(`${line};${START}=${START_BITRATE_KBPS}`);
      continue;
    }
    out.push(line);
    const map = VIDEO_CODECS.exec(line);
    const pt = map?.[1];
    if (pt !== undefined && codecs.has(sectionOf(pt)) && !withFmtp.has(sectionOf(pt))) {
      out.push(`a=fmtp:${pt} ${START}=${START_BITRATE_KBPS}`);
    }
  }
  return out.join(eol);
}
