/**
 * Every text the user reads goes through `l10n.t`, with VS Code's semantics: `{0}` (or `{name}`)
 * placeholders, and `t({ message, args, comment })` when a translator needs a hint. The rooms
 * below the adapters cannot import `vscode`, so src/extension.ts installs `vscode.l10n.t` here at
 * activation; until then (unit tests, the benchmark) the English is formatted here.
 * `npm run l10n-export` collects the calls by their name, `l10n.t(`, for translators.
 */

type Arg = string | number | boolean;

export interface Translatable {
  message: string;
  args?: Arg[] | Record<string, Arg>;
  /** A hint for translators; not shown. */
  comment: string | string[];
}

/** The shape of `vscode.l10n.t`. */
export interface Translate {
  (message: string, ...args: Arg[]): string;
  (options: Translatable): string;
}

/**
 * `{0}` or `{name}` replaced by its value; an unknown placeholder stays as written (as VS Code
 * does). Also for the Now Playing page, which fills texts the extension translated for it.
 */
export function fillPlaceholders(message: string, args: Arg[] | Record<string, Arg>): string {
  const values: Record<string, Arg> = Array.isArray(args) ? Object.fromEntries(args.map((value, i) => [String(i), value])) : args;
  return message.replace(/\{([^}]+)\}/g, (placeholder, key: string) => (Object.hasOwn(values, key) ? String(values[key]) : placeholder));
}

let installed: Translate | undefined;

function t(message: string, ...args: Arg[]): string;
function t(options: Translatable): string;
function t(first: string | Translatable, ...rest: Arg[]): string {
  if (installed) return typeof first === 'string' ? installed(first, ...rest) : installed(first);
  return typeof first === 'string' ? fillPlaceholders(first, rest) : fillPlaceholders(first.message, first.args ?? []);
}

export const l10n = {
  t,
  /** Hands every later `l10n.t` to VS Code's translator (the bundle of the display language); undefined: English again. */
  install(translate: Translate | undefined): void {
    installed = translate;
  },
};
