// Where the emulator's control API lives: tests, the phone page and the CLI all call under it.
export const CONTROL_PREFIX = '/__emulator';
