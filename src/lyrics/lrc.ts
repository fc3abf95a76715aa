// LRC, the text form of synced lyrics: `[mm:ss.xx] words`, one or several stamps before a line,
// and tags such as `[ar: artist]` that are not times. The text comes from a public database, so
// whatever it holds, parsing never throws: lines with a valid stamp are kept, the rest dropped.

export interface LrcLine {
  atMs: number;
  text: string;
}

/** A stamp: minutes, seconds below 60, and an optional fraction of 1 to 3 digits. */
const STAMP = /^\[(\d{1,3}):([0-5]?\d)(?:[.:](\d{1,3}))?\]/;
/** A tag such as `[ar: Massive Attack]` or `[offset:+200]`: no line, no time. */
const TAG = /^\[[a-z#]+:[^\]]*\]/i;

/** The timed lines of `text`, sorted by time (same time: in the order given); empty when none has a valid stamp. */
export function parseLrc(text: string): LrcLine[] {
  const lines: LrcLine[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    let rest = raw.trim();
    const times: number[] = [];
    for (let match = STAMP.exec(rest); match; match = STAMP.exec(rest)) {
      times.push(stampMs(match[1], match[2], match[3]));
      rest = rest.slice(match[0].length).trimStart();
    }
    if (!times.length) continue; // a tag, a malformed stamp or untimed text: not a synced line
    if (TAG.test(rest)) continue;
    const words = rest.trim();
    for (const atMs of times) lines.push({ atMs, text: words });
  }
  // Array.prototype.sort is stable: lines of the same time keep their order.
  return lines.sort((a, b) => a.atMs - b.atMs);
}

function stampMs(minutes: string, seconds: string, fraction: string | undefined): number {
  // `.5` is half a second, `.05` five hundredths, `.005` five thousandths.
  const fractionMs = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
  return (Number(minutes) * 60 + Number(seconds)) * 1000 + fractionMs;
}
