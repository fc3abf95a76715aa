import * as ts from 'typescript';
import { findFiles } from './findFiles';

// The `l10n.t(...)` calls of Backbeat's sources, read with the TypeScript compiler: what
// `npm run l10n-export` writes for translators, and what test/unit/docs/localizable.test.ts checks.
// (`@vscode/l10n-dev export` reads only files that import `vscode`, which most rooms of src/ may not.)

/** Every `.ts` file under `dir` but declarations. */
export function sourceFiles(dir: string): string[] {
  return findFiles(dir, '.ts').filter((file) => !file.endsWith('.d.ts'));
}

/** `l10n.t(...)` or `vscode.l10n.t(...)`. */
export function isTranslateCall(node: ts.Node): node is ts.CallExpression {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return false;
  const { expression, name } = node.expression;
  return name.text === 't' && /(^|\.)l10n$/.test(expression.getText());
}

/** A message as VS Code looks it up: `message`, or `message/comment` when it has a comment for translators. */
export interface Translatable {
  key: string;
  message: string;
  comment?: string[];
}

const literalText = (node: ts.Node | undefined) => (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined);

/** The message of one call, or undefined when it is not written out (the export cannot read it). */
function translatable(call: ts.CallExpression): Translatable | undefined {
  const first = call.arguments[0];
  const message = literalText(first);
  if (message !== undefined) return { key: message, message };
  if (!first || !ts.isObjectLiteralExpression(first)) return undefined;
  const property = (name: string) => first.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === name)?.initializer;
  const text = literalText(property('message'));
  const comment = property('comment');
  const comments = comment === undefined ? [] : ts.isArrayLiteralExpression(comment) ? comment.elements.map(literalText) : [literalText(comment)];
  if (text === undefined || comments.some((c) => c === undefined)) return undefined;
  return comments.length ? { key: `${text}/${comments.join('')}`, message: text, comment: comments as string[] } : { key: text, message: text };
}

/** The messages of `file`'s calls, and the places of calls whose message is not a literal. */
export function translateCalls(file: string, source: string): { found: Translatable[]; unreadable: string[] } {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: Translatable[] = [];
  const unreadable: string[] = [];
  const visit = (node: ts.Node): void => {
    if (isTranslateCall(node)) {
      const message = translatable(node);
      if (message) found.push(message);
      else unreadable.push(`${file}:${sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${node.getText()}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { found, unreadable };
}
