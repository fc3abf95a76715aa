import { Emitter } from '../src/emitter';
import type { WindowActivity } from '../src/windowActivity';

/** A VS Code window's focus and activity, set by the test or the scenario; a change is announced, as VS Code's window state is. */
export class SimulatedWindowActivity implements WindowActivity {
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    public focused = false,
    public active = false,
  ) {}

  set(focused: boolean, active: boolean): void {
    if (focused === this.focused && active === this.active) return;
    this.focused = focused;
    this.active = active;
    this.changed.fire();
  }

  /** Who still listens (a disposed part must not). */
  get listenerCount(): number {
    return this.changed.listenerCount;
  }
}
