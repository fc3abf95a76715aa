import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { isTranslateCall, sourceFiles, translateCalls } from '../../harness/l10nCalls';

// Backbeat is ready for translation: every text the user reads goes through `l10n.t` (src/l10n.ts,
// or `vscode.l10n.t`) with a literal message, which `npm run l10n-export` collects, and every text
// of the manifest lives in package.nls.json. These checks fail on a user-facing text left outside them.
//
// What counts as user-facing (a heuristic, kept simple): a string literal or template whose text,
// HTML tags and <style> removed, has two words of letters separated by a space ("Sign in",
// "Back at ${time}"). Not user-facing: the message and translators' comment of an `l10n.t(...)`
// call itself; arguments of a log call (.trace/.debug/.info/.warn/.error/.warnOnce on a log,
// console or `this`: the log stays English); the name a command is logged under (the `name` of
// what `run(...)`/`withState(...)` get, the first argument of `report`, `withState`, `seekTo`,
// `setVolume`, `onError`: Notices.report writes it to the log only); module names of imports;
// types; property keys; operands of a comparison or a `case`; the source of a RegExp; and the few
// texts of ALLOWED below, each with its reason.

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const TWO_WORDS = /\p{L}+ \p{L}+/u;
const LOG_METHODS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'warnOnce']);
const COMMAND_RUNS = new Set(['run', 'withState']);
const COMMAND_NAMED = new Set(['report', 'withState', 'seekTo', 'setVolume', 'onError']);
const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

/** Texts that read like sentences but no user sees as Backbeat's words. */
const ALLOWED: { file: string; text: string; reason: string }[] = [
  ...['there is no D-Bus session bus', 'Spotify is not running', 'the session bus is on an abstract socket'].map((text) => ({
    file: 'src/localPlayer/linux/mprisBus.ts',
    text,
    reason: 'the D-Bus bundle (dist/mprisBus.js) has no translator; its errors go to the log (AbsentBridge, lost link)',
  })),
  { file: 'src/lyrics/lrclibClient.ts', text: 'LRCLIB answered HTTP', reason: 'LrclibUnavailable is only logged (LrclibLyrics: "LRCLIB did not answer")' },
  ...['a symbolic link: not followed', 'not a file', 'bytes, over the bound'].map((text) => ({
    file: 'src/lyrics/lyricsCache.ts',
    text,
    reason: 'why the lyrics cache was not read, for its log warning',
  })),
  { file: 'src/quota/ledgerStore.ts', text: 'is a symbolic link: not followed', reason: 'why a ledger part was not read, for the ledger\'s log warning' },
];

function isLogCall(node: ts.Node): boolean {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return false;
  const { expression, name } = node.expression;
  return LOG_METHODS.has(name.text) && /(^|\.)(log|console)$|^this$/i.test(expression.getText());
}

/** The called function's own name: `f` of `f(...)` and of `a.b.f(...)`. */
function calleeName(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  return ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}

/** The name a command is logged under. */
function isCommandName(literal: ts.Node): boolean {
  const parent = literal.parent;
  if (ts.isCallExpression(parent) && parent.arguments[0] === literal) return COMMAND_NAMED.has(calleeName(parent) ?? '');
  if (!ts.isPropertyAssignment(parent) || parent.name.getText() !== 'name') return false;
  for (let node: ts.Node = parent; node.parent; node = node.parent) if (ts.isCallExpression(node.parent) && COMMAND_RUNS.has(calleeName(node.parent) ?? '')) return true;
  return false;
}

/** Why `literal` is not a user-facing text, or undefined when it may be one. */
function exempt(literal: ts.Node): boolean {
  const parent = literal.parent;
  if (isTranslateCall(parent) && parent.arguments[0] === literal) return true;
  // The message and the translators' comment (a text or a list of them) of `l10n.t({ message, args, comment })`.
  const property = ts.isArrayLiteralExpression(parent) ? parent.parent : parent;
  if (ts.isPropertyAssignment(property) && ts.isObjectLiteralExpression(property.parent)) {
    const call = property.parent.parent;
    if (isTranslateCall(call) && call.arguments[0] === property.parent && ['message', 'comment'].includes(property.name.getText())) return true;
  }
  if (isCommandName(literal)) return true;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent)) return true;
  if (ts.isCallExpression(parent) && (parent.expression.kind === ts.SyntaxKind.ImportKeyword || parent.expression.getText() === 'require')) return true;
  if (ts.isLiteralTypeNode(parent)) return true;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent)) && parent.name === literal) return true;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === literal) return true;
  if (ts.isBinaryExpression(parent) && COMPARISONS.has(parent.operatorToken.kind)) return true;
  if (ts.isCaseClause(parent)) return true;
  if (ts.isNewExpression(parent) && parent.expression.getText() === 'RegExp') return true;
  for (let node: ts.Node = literal; node.parent; node = node.parent) if (isLogCall(node.parent)) return true;
  return false;
}

/** The text a literal or template shows, `${...}` as a placeholder and HTML tags removed. */
function shownText(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression): string {
  const text = ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('{}') : node.text;
  return text.replace(/<style[^>]*>[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]*>/g, ' ');
}

/** True when `node` runs only once something calls or constructs what holds it, not when its module loads. */
function runsLater(node: ts.Node): boolean {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (ts.isFunctionLike(at)) return true;
    if (ts.isPropertyDeclaration(at)) return !at.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
  }
  return false;
}

/** `l10n.t` calls made when their module loads: before activation installs the translator, so always English. */
function translatedAtImport(file: string, source: string): string[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (isTranslateCall(node) && !runsLater(node)) found.push(`${file}:${sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${node.getText()}`);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

interface Finding {
  at: string;
  text: string;
}

/** Every user-facing literal of `file` outside `l10n.t`. */
function userFacingLiterals(file: string, source: string): Finding[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: Finding[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const text = shownText(node);
      if (TWO_WORDS.test(text) && !exempt(node)) {
        const line = sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push({ at: `${file}:${line}`, text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

describe('Backbeat is localizable', () => {
  it('shows no user-facing text from src/ outside l10n.t (file:line and the text when it fails)', () => {
    const found = sourceFiles(path.join(ROOT, 'src')).flatMap((full) => {
      const file = path.relative(ROOT, full).split(path.sep).join('/');
      return userFacingLiterals(file, fs.readFileSync(full, 'utf8')).filter(({ text }) => !ALLOWED.some((a) => a.file === file && text.includes(a.text)));
    });
    const lines = found.map(({ at, text }) => `${at} ${JSON.stringify(text)}`);
    assert.strictEqual(lines.length, 0, `${lines.length} user-facing texts outside l10n.t:\n${lines.join('\n')}`);
  });

  it('gives every l10n.t call a literal message, so the export finds each one', () => {
    const unreadable = sourceFiles(path.join(ROOT, 'src')).flatMap((full) => translateCalls(path.relative(ROOT, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8')).unreadable);
    assert.deepStrictEqual(unreadable, []);
    const sample = translateCalls('sample.ts', "l10n.t(TEXT);\nl10n.t('Back at {0}', at);\nl10n.t({ message: 'On {0}', args: [d], comment: ['a device'] });");
    assert.deepStrictEqual(sample, {
      found: [
        { key: 'Back at {0}', message: 'Back at {0}' },
        { key: 'On {0}/a device', message: 'On {0}', comment: ['a device'] },
      ],
      unreadable: ['sample.ts:1 l10n.t(TEXT)'],
    });
  });

  it('translates nothing when a module loads (the translator is installed at activation)', () => {
    const found = sourceFiles(path.join(ROOT, 'src')).flatMap((full) => translatedAtImport(path.relative(ROOT, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8')));
    assert.deepStrictEqual(found, []);
    assert.deepStrictEqual(translatedAtImport('sample.ts', "const LABEL = l10n.t('Sign In');\nconst label = () => l10n.t('Sign In');"), ["sample.ts:1 l10n.t('Sign In')"]);
  });

  it('finds a sentence written as a literal, and none inside l10n.t or a log call', () => {
    const found = userFacingLiterals(
      'sample.ts',
      [
        "notify('Signed in to Spotify');",
        "notify(`Back at ${time}`);",
        "notify(l10n.t('Back at {0}', time));",
        "notify(vscode.l10n.t({ message: 'Play on {0}', args: [name], comment: 'a device name' }));",
        "log.info('signed in to Spotify');",
        "if (reason === 'user cancelled') ok();",
      ].join('\n'),
    );
    assert.deepStrictEqual(found, [
      { at: 'sample.ts:1', text: 'Signed in to Spotify' },
      { at: 'sample.ts:2', text: 'Back at {}' },
    ]);
  });

  it('takes every user-visible text of package.json from package.nls.json, and every key there is used', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    const shown = manifestTexts(manifest);
    const literal = shown.filter(({ text }) => !/^%[^%]+%$/.test(text)).map(({ at }) => at);
    assert.deepStrictEqual(literal, [], 'user-visible fields of package.json written as literals');
    const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const keys = new Set(shown.map(({ text }) => text.slice(1, -1)));
    assert.deepStrictEqual([...keys].filter((key) => typeof nls[key] !== 'string'), [], 'keys missing from package.nls.json');
    assert.deepStrictEqual(Object.keys(nls).filter((key) => !keys.has(key)), [], 'keys of package.nls.json no field uses');
  });
});

/** Fields of `contributes` VS Code shows the user (the name of a view, the title of a command...). */
const SHOWN_FIELDS = new Set([
  'title',
  'shortTitle',
  'category',
  'label',
  'name',
  'description',
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'patternErrorMessage',
  'deprecationMessage',
  'markdownDeprecationMessage',
  'enumItemLabels',
]);

/** The user-visible texts of the manifest with their JSON paths: its display name and description, and the shown fields under contributes. */
function manifestTexts(manifest: Record<string, unknown>): { at: string; text: string }[] {
  const texts: { at: string; text: string }[] = [];
  const collect = (value: unknown, at: string): void => {
    if (typeof value === 'string') texts.push({ at, text: value });
    else if (Array.isArray(value)) value.forEach((item, i) => collect(item, `${at}[${i}]`));
  };
  const walk = (value: unknown, at: string): void => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${at}[${i}]`));
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        // Under `properties` the keys are setting names, and `enum` values are what settings.json holds.
        if (SHOWN_FIELDS.has(key) && !at.endsWith('.properties')) collect(child, `${at}.${key}`);
        else if (key !== 'enum' && key !== 'default') walk(child, `${at}.${key}`);
      }
    }
  };
  collect(manifest.displayName, 'displayName');
  collect(manifest.description, 'description');
  walk(manifest.contributes, 'contributes');
  return texts;
}
