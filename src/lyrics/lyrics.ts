// What a lyrics source answers for a track, and which line is sung at a position. The text of a
// line is data from a public database, to be shown as plain text (never as HTML).

export type Lyrics =
  | { kind: 'synced'; lines: { atMs: number; text: string }[] }
  | { kind: 'plain'; text: string }
  | { kind: 'instrumental' }
  | { kind: 'none' };                       // LRCLIB has none, or the track gets no request (ad, local file without duration, podcast)
export interface LyricsTrack { title: string; artists: string[]; album?: string; durationMs: number; uri?: string }
export interface LyricsSource { lyricsFor(track: LyricsTrack): Promise<Lyrics> }

/** The line to highlight at `positionMs`: the last line whose time has come, or -1. */
export function currentLine(lines: readonly { atMs: number }[], positionMs: number): number {
  // Lines are sorted by time (parseLrc sorts them): a binary search for the last one due.
  let low = 0;
  let high = lines.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (lines[middle].atMs <= positionMs) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
