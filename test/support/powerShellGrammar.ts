import { setFlagsFromString } from 'v8';
import { Language, Node, Parser, Tree } from 'web-tree-sitter';

// Windows PowerShell cannot run here, so its scripts are read with a real PowerShell grammar:
// tree-sitter-powershell, loaded as WebAssembly through web-tree-sitter (no native build).

let parser: Promise<Parser> | undefined;

function loadParser(): Promise<Parser> {
  parser ??= (async () => {
    // V8 would otherwise spend seconds of CPU optimising the 1 MB grammar in the background, and a
    // process would wait for that before it exits; its baseline compiler parses a script in 50 ms.
    setFlagsFromString('--liftoff-only');
    await Parser.init();
    const language = await Language.load(require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'));
    return new Parser().setLanguage(language);
  })();
  return parser;
}

export async function parsePowerShell(source: string): Promise<Tree> {
  const tree = (await loadParser()).parse(source);
  if (!tree) throw new Error('the PowerShell parser returned no tree');
  return tree;
}

/** Where the grammar could not read the script, as "line:column: what", in source order. */
export function syntaxErrors(tree: Tree): string[] {
  const errors: string[] = [];
  const visit = (node: Node): void => {
    if (node.isError || node.isMissing) {
      const { row, column } = node.startPosition;
      errors.push(`${row + 1}:${column + 1}: ${node.isMissing ? `missing ${node.type}` : `cannot read ${JSON.stringify(node.text.slice(0, 40))}`}`);
      return;
    }
    if (node.hasError) for (const child of node.children) visit(child);
  };
  visit(tree.rootNode);
  return errors;
}
