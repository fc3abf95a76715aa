// What the Now Playing webview may ask of the extension. The page is untrusted input: anything it
// posts is checked here, field by field, before anything acts on it. A message that is not exactly
// one of these becomes undefined and is dropped. The page never names a URI, a command id or a
// URL: a queued item is named by its place in the list the extension sent.

/** The buttons, each the `backbeat.*` command of the same name. */
export const VIEW_COMMANDS = ['previous', 'playPause', 'next', 'toggleShuffle', 'cycleRepeat', 'toggleLike', 'selectDevice'] as const;
export type ViewCommand = (typeof VIEW_COMMANDS)[number];

/** Longer than any track or episode Spotify has. */
const MAX_POSITION_MS = 24 * 60 * 60 * 1000;
/** Spotify's queue lists at most 20 items; room to spare. */
const MAX_QUEUE_INDEX = 100;

export type ViewMessage =
  | { type: 'ready' }
  | { type: 'command'; command: ViewCommand }
  | { type: 'seek'; positionMs: number }
  | { type: 'volume'; percent: number }
  | { type: 'queueOpen'; open: boolean }
  | { type: 'playQueued'; index: number };

export function parseViewMessage(raw: unknown): ViewMessage | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const message = raw as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
      return { type: 'ready' };
    case 'command': {
      const command = message.command;
      return typeof command === 'string' && (VIEW_COMMANDS as readonly string[]).includes(command) ? { type: 'command', command: command as ViewCommand } : undefined;
    }
    case 'seek': {
      const positionMs = wholeNumber(message.positionMs, MAX_POSITION_MS);
      return positionMs === undefined ? undefined : { type: 'seek', positionMs };
    }
    case 'volume': {
      const percent = wholeNumber(message.percent, 100);
      return percent === undefined ? undefined : { type: 'volume', percent };
    }
    case 'queueOpen':
      return typeof message.open === 'boolean' ? { type: 'queueOpen', open: message.open } : undefined;
    case 'playQueued': {
      const index = wholeNumber(message.index, MAX_QUEUE_INDEX);
      return index === undefined ? undefined : { type: 'playQueued', index };
    }
    default:
      return undefined;
  }
}

/** A number from 0 to `max`, rounded; anything else (NaN, Infinity, strings, negatives) is refused. */
function wholeNumber(value: unknown, max: number): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= max ? Math.round(value) : undefined;
}
