import type { PlaybackSnapshot } from '../src/spotify/types';
import type { SimulatedWindow } from './benchWindow';
import type { SchedulerUnderTest } from './contender';
import type { EditorCommand } from './scenario';

/**
 * A command run from the focused window the way Backbeat's playback commands run: the expected
 * effect shown at once, the request sent, one confirmation asked of the scheduler, and a rollback
 * if Spotify refused.
 */
function optimistic(command: EditorCommand): ((s: PlaybackSnapshot) => PlaybackSnapshot) | undefined {
  switch (command.type) {
    case 'play':
      return (s) => ({ ...s, isPlaying: true });
    case 'pause':
      return (s) => ({ ...s, isPlaying: false });
    case 'seek':
      return (s) => ({ ...s, progressMs: command.positionMs });
    case 'next':
      return undefined; // the next item is not known before Spotify says
  }
}

function send(window: SimulatedWindow, command: EditorCommand): Promise<unknown> {
  const { client } = window;
  switch (command.type) {
    case 'play':
      return client.play();
    case 'pause':
      return client.pause();
    case 'next':
      return client.next();
    case 'seek':
      return client.seek(command.positionMs);
  }
}

/** Resolves with the failure's message, or undefined when the command went through. */
export async function runEditorCommand(window: SimulatedWindow, scheduler: SchedulerUnderTest, command: EditorCommand): Promise<string | undefined> {
  const change = optimistic(command);
  const rollback = change ? window.state.applyOptimistic(change) : () => undefined;
  try {
    await send(window, command);
    scheduler.confirmAfterCommand();
    return undefined;
  } catch (error) {
    rollback();
    return `${command.type}: ${(error as Error).message}`;
  }
}
