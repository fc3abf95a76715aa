import { ScriptClock } from '../scriptClock';
import { AsyncOperation, DateTimeOffset, Outcome, psType, PsType, TimeSpan } from './dotnet';

// The WinRT classes of Windows.Media.Control that smtc.ps1 reads, from Microsoft's reference
// (learn.microsoft.com/uwp/api/windows.media.control):
// - GlobalSystemMediaTransportControlsSessionManager: static RequestAsync() ->
//   IAsyncOperation<Manager>; GetSessions() -> IReadOnlyList<Session>.
// - GlobalSystemMediaTransportControlsSession: SourceAppUserModelId; TryGetMediaPropertiesAsync()
//   -> IAsyncOperation<MediaProperties> (Title, Artist, AlbumTitle, ...); GetPlaybackInfo() ->
//   PlaybackInfo (PlaybackStatus: Closed, Opened, Changing, Stopped, Playing, Paused; Controls with
//   Is*Enabled; PlaybackRate, a Nullable<double>); GetTimelineProperties() -> StartTime, EndTime,
//   Position, MinSeekTime, MaxSeekTime (TimeSpan) and LastUpdatedTime (DateTimeOffset): the
//   position as of LastUpdatedTime, which the app refreshes when it likes; TryPlayAsync,
//   TryPauseAsync, TryTogglePlayPauseAsync, TrySkipNextAsync, TrySkipPreviousAsync and
//   TryChangePlaybackPositionAsync(Int64 requestedPlaybackPosition, in 100 ns ticks) ->
//   IAsyncOperation<bool>: false when the app refused.

export interface Track {
  title: string;
  artist: string;
  album: string;
  durationMs: number;
}

export type Status = 'Closed' | 'Opened' | 'Changing' | 'Stopped' | 'Playing' | 'Paused';
export type Operation = 'TryPlayAsync' | 'TryPauseAsync' | 'TryTogglePlayPauseAsync' | 'TrySkipNextAsync' | 'TrySkipPreviousAsync' | 'TryChangePlaybackPositionAsync';
/** How the app answers an operation: it does it, refuses (false), never answers, or fails. */
export type Answer = 'do' | 'refuse' | 'never' | 'fail';

export type Controls = Record<
  'IsPlayEnabled' | 'IsPauseEnabled' | 'IsStopEnabled' | 'IsNextEnabled' | 'IsPreviousEnabled' | 'IsPlayPauseToggleEnabled' | 'IsPlaybackPositionEnabled',
  boolean
>;

/** One app's session as the test drives it; what the script sees is read from it at each call. */
export class StandInSession {
  status: Status = 'Playing';
  trackIndex = 0;
  /** The position at `updatedAt` (virtual ms): what the app last told Windows. */
  positionMs = 0;
  updatedAt = 0;
  rate: number | null = 1;
  controls: Controls = { IsPlayEnabled: false, IsPauseEnabled: true, IsStopEnabled: false, IsNextEnabled: true, IsPreviousEnabled: true, IsPlayPauseToggleEnabled: true, IsPlaybackPositionEnabled: true };
  answers: Partial<Record<Operation, Answer>> = {};
  /** Milliseconds the app takes to answer an operation. */
  answerMs = 30;
  mediaPropertiesAnswer: Answer = 'do';
  readonly calls: { at: number; operation: Operation; argument?: number }[] = [];

  constructor(readonly SourceAppUserModelId: string, readonly tracks: Track[], private readonly clock: ScriptClock) {}

  get track(): Track {
    return this.tracks[this.trackIndex];
  }

  /** The app tells Windows its state, as it does on its own events. */
  update(change: Partial<Pick<StandInSession, 'status' | 'trackIndex' | 'positionMs' | 'rate'>>): void {
    const position = this.status === 'Playing' ? this.positionMs + (this.clock.now - this.updatedAt) * (this.rate ?? 1) : this.positionMs;
    Object.assign(this, { positionMs: position }, change);
    this.updatedAt = this.clock.now;
  }

  TryGetMediaPropertiesAsync(): AsyncOperation<object> {
    const { title, artist, album } = this.track;
    return this.operation(this.mediaPropertiesAnswer, { Title: title, Artist: artist, AlbumTitle: album, AlbumArtist: artist, Subtitle: '', TrackNumber: 0 });
  }

  GetPlaybackInfo(): object {
    const status = this.status;
    return {
      PlaybackStatus: { ToString: () => status },
      Controls: { ...this.controls },
      PlaybackRate: this.rate,
    };
  }

  GetTimelineProperties(): object {
    return {
      StartTime: new TimeSpan(0),
      EndTime: TimeSpan.fromMs(this.track.durationMs),
      MinSeekTime: new TimeSpan(0),
      MaxSeekTime: TimeSpan.fromMs(this.track.durationMs),
      Position: TimeSpan.fromMs(this.positionMs),
      LastUpdatedTime: new DateTimeOffset(wallClock(this.clock) - (this.clock.now - this.updatedAt)),
    };
  }

  TryPlayAsync = () => this.command('TryPlayAsync', () => this.update({ status: 'Playing' }));
  TryPauseAsync = () => this.command('TryPauseAsync', () => this.update({ status: 'Paused' }));
  TryTogglePlayPauseAsync = () => this.command('TryTogglePlayPauseAsync', () => this.update({ status: this.status === 'Playing' ? 'Paused' : 'Playing' }));
  TrySkipNextAsync = () => this.command('TrySkipNextAsync', () => this.update({ trackIndex: (this.trackIndex + 1) % this.tracks.length, positionMs: 0 }));
  TrySkipPreviousAsync = () => this.command('TrySkipPreviousAsync', () => this.update({ trackIndex: Math.max(0, this.trackIndex - 1), positionMs: 0 }));
  TryChangePlaybackPositionAsync = (ticks: unknown) =>
    this.command('TryChangePlaybackPositionAsync', () => this.update({ positionMs: Number(ticks) / 10_000 }), Number(ticks));

  private command(operation: Operation, effect: () => void, argument?: number): AsyncOperation<boolean> {
    this.calls.push({ at: this.clock.now, operation, ...(argument === undefined ? {} : { argument }) });
    const answer = this.answers[operation] ?? 'do';
    if (answer === 'do') this.clock.at(this.clock.now + this.answerMs, effect);
    return this.operation(answer, answer === 'do');
  }

  private operation<T>(answer: Answer, result: T): AsyncOperation<T> {
    const at = this.clock.now + this.answerMs;
    const outcome: Outcome<T> =
      answer === 'never' ? { at: undefined } : answer === 'fail' ? { at, error: 'The RPC server is unavailable.' } : { at, result: answer === 'refuse' ? (false as T) : result };
    return new AsyncOperation(outcome);
  }
}

/** The virtual wall clock in Unix milliseconds: 2026-11-28 12:00 UTC at the script's start. */
export const EPOCH = Date.UTC(2026, 10, 28, 12);
export const wallClock = (clock: ScriptClock) => EPOCH + clock.now;

const NAMESPACE = 'Windows.Media.Control';

/** The Windows.Media.Control types [Type]::GetType finds by their WinRT names. */
export function mediaControlTypes(sessions: () => StandInSession[], requestAnswer: () => Answer, clock: ScriptClock): Record<string, PsType> {
  const manager = { GetSessions: () => sessions(), ToString: () => `${NAMESPACE}.GlobalSystemMediaTransportControlsSessionManager` };
  const types: Record<string, PsType> = {
    GlobalSystemMediaTransportControlsSessionManager: psType(`${NAMESPACE}.GlobalSystemMediaTransportControlsSessionManager`, {
      RequestAsync: () => {
        const answer = requestAnswer();
        const at = clock.now + 20;
        return new AsyncOperation(answer === 'never' ? { at: undefined } : answer === 'do' ? { at, result: manager } : { at, error: 'Class not registered' });
      },
    }),
    GlobalSystemMediaTransportControlsSessionMediaProperties: psType(`${NAMESPACE}.GlobalSystemMediaTransportControlsSessionMediaProperties`),
  };
  return Object.fromEntries(Object.entries(types).map(([name, type]) => [`${NAMESPACE}.${name}`, type]));
}
