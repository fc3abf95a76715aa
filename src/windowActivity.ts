import type { Event } from './emitter';

// Whether the user can see this window (focused) and is using it (active): the scheduler reads
// only where someone can see the answer.
export interface WindowActivity {
  readonly focused: boolean;
  readonly active: boolean;
  readonly onDidChange: Event<void>;
}
