export type Lyrics =
  | { kind: 'synced'; lines: { atMs: number; text: string }[] }
  | { kind: 'plain'; text: string }
  | { kind: 'instrumental' }
  | { kind: 'none' };
export interface LyricsTrack { title: string; artists: string[]; album?: string; durationMs: number; uri?: string }
export interface LyricsSource { lyricsFor(track: LyricsTrack): Promise<Lyrics> }
/** The last line whose time has come, or -1 (lines in time order). */
export function currentLine(lines: readonly { atMs: number }[], positionMs: number): number {
  let found = -1;
  for (let i = 0; i < lines.length && lines[i].atMs <= positionMs; i++) found = i;
  return found;
}
