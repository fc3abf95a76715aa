import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Node, Tree } from 'web-tree-sitter';
import { checkPowerShell } from '../../harness/checkPowerShell';
import { HELPERS } from '../../support/helperStubs';
import { parsePowerShell, syntaxErrors } from '../../support/powerShellGrammar';

// smtc.ps1 read with a real PowerShell grammar (no PowerShell runs here): it parses, and its
// structure keeps the promises that make it safe in Windows PowerShell 5.1: stdin read without
// Console.In (whose ReadLineAsync blocks), UTF-8 output, a heartbeat from the main loop, and no
// wait that can hang or whose result is ignored.

const CHECKER = path.resolve(__dirname, '..', '..', 'harness', 'checkPowerShell.js');
const RECORDINGS = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'support', 'recordings');
const source = fs.readFileSync(HELPERS.windows, 'utf8');

const nodes = (root: Node, type: string): Node[] => root.descendantsOfType(type);
const member = (node: Node): string => node.namedChildren.find((c) => c.type === 'member_name')?.text.toLowerCase() ?? '';
const target = (node: Node): string => node.namedChildren[0]?.text.toLowerCase() ?? '';
const ancestors = (node: Node): Node[] => (node.parent ? [node.parent, ...ancestors(node.parent)] : []);
/** The if statements `node` sits in the body of (not in their condition). */
const guardingIfs = (node: Node): Node[] =>
  ancestors(node).filter((a) => a.type === 'if_statement' && !ancestors(node).includes(a.namedChildren[0]) && a.namedChildren[0].id !== node.id);
const inCondition = (node: Node): boolean => ancestors(node).some((a) => a.parent?.type === 'if_statement' && a.parent.namedChildren[0].id === a.id);
const commandName = (node: Node): string => node.namedChildren.find((c) => c.type === 'command_name')?.text.toLowerCase() ?? '';

describe('smtc.ps1 read with a PowerShell grammar', () => {
  let tree: Tree;
  before(async () => {
    tree = await parsePowerShell(source);
  });

  it('parses without a syntax error', () => {
    assert.deepStrictEqual(syntaxErrors(tree), []);
  });

  it('the lint check exits non-zero on a broken or non-ASCII copy of the script', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backbeat-ps1-'));
    try {
      const broken = path.join(dir, 'broken.ps1');
      fs.writeFileSync(broken, source.replace(/\}\s*$/, '\n'));
      const accented = path.join(dir, 'accented.ps1');
      fs.writeFileSync(accented, source.replace('# Spotify on Windows', '# Spotify on Windows (Sigur R\u00f3s)'));
      const run = spawnSync(process.execPath, [CHECKER, broken, accented], { encoding: 'utf8' });
      assert.strictEqual(run.status, 1, run.stderr);
      assert.match(run.stderr, /broken\.ps1:\d+:\d+: missing/);
      assert.match(run.stderr, /accented\.ps1:1:\d+: a non-ASCII character/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the lint check passes on the script', async () => {
    assert.deepStrictEqual(await checkPowerShell([HELPERS.windows]), { passed: 1, failed: 0, skipped: 0 });
  });

  it('reads stdin through its own stream reader, never Console.In', () => {
    const consoleMembers = nodes(tree.rootNode, 'member_access').filter((n) => /^\[(system\.)?console\]$/.test(target(n)));
    assert.deepStrictEqual(consoleMembers.filter((n) => member(n) === 'in').map((n) => n.text), []);
    const readers = nodes(tree.rootNode, 'command').filter((n) => commandName(n) === 'new-object' && /IO\.StreamReader\(\[Console\]::OpenStandardInput\(\)/i.test(n.text));
    assert.strictEqual(readers.length, 1, 'one reader on the standard input stream');
  });

  it('writes UTF-8 without a byte order mark, only through its UTF-8 writer', () => {
    const assigned = (name: string): string[] =>
      nodes(tree.rootNode, 'assignment_expression')
        .filter((n) => n.namedChildren[0].text.toLowerCase() === name.toLowerCase())
        .map((n) => n.namedChildren[2]?.text ?? '');
    const [encoding] = assigned('[Console]::OutputEncoding');
    assert.ok(encoding?.startsWith('$'), 'Console.OutputEncoding is set from a variable');
    assert.deepStrictEqual(assigned(encoding), ['New-Object Text.UTF8Encoding $false']);
    assert.ok(assigned('$out').some((v) => v === `New-Object IO.StreamWriter([Console]::OpenStandardOutput(), ${encoding})`), 'stdout written through a UTF-8 writer');
    const otherOutput = nodes(tree.rootNode, 'command').filter((n) => /^(write-output|write-host|echo|write)$/.test(commandName(n)));
    const consoleOut = nodes(tree.rootNode, 'member_access').filter((n) => /^\[(system\.)?console\]$/.test(target(n)) && member(n) === 'out');
    assert.deepStrictEqual([...otherOutput, ...consoleOut].map((n) => n.text), []);
  });

  it('writes a heartbeat from its main loop and before every wait for Windows', () => {
    const heartbeat = nodes(tree.rootNode, 'function_statement').find((f) => f.text.includes(`'{"alive":true}'`));
    assert.ok(heartbeat, 'a function writes {"alive":true}');
    const name = heartbeat.namedChildren.find((c) => c.type === 'function_name')!.text.toLowerCase();
    const mainLoops = tree.rootNode.namedChildren.flatMap((c) => nodes(c, 'while_statement')).filter((w) => !ancestors(w).some((a) => a.type === 'function_statement'));
    assert.strictEqual(mainLoops.length, 1, 'one main loop');
    const loopBody = mainLoops[0].namedChildren.find((c) => c.type === 'statement_block')!.namedChildren[0];
    assert.ok(loopBody.namedChildren.some((s) => nodes(s, 'command').some((c) => commandName(c) === name) && s.type === 'pipeline'), 'called on every turn of the loop');
    const waiting = nodes(tree.rootNode, 'function_statement').filter((f) => nodes(f, 'invokation_expression').some((i) => member(i) === 'wait'));
    for (const f of waiting) assert.ok(nodes(f, 'command').some((c) => commandName(c) === name), `${f.namedChildren[0].text} beats before it waits`);
  });

  it('uses the result of every wait, which always has a time limit', () => {
    const waits = nodes(tree.rootNode, 'invokation_expression').filter((n) => member(n) === 'wait');
    assert.ok(waits.length >= 2, 'it waits for WinRT and for stdin');
    for (const wait of waits) {
      assert.ok(inCondition(wait), `the result of ${wait.text} decides an if`);
      const args = wait.namedChildren.find((c) => c.type === 'argument_list')?.text ?? '()';
      assert.ok(args !== '()' && !/-1\b/.test(args), `${wait.text} has a time limit`);
    }
  });

  it('reads a task\'s Result only once a wait said it completed', () => {
    const results = nodes(tree.rootNode, 'member_access').filter((n) => member(n) === 'result');
    assert.ok(results.length >= 2);
    for (const result of results) {
      const task = target(result);
      const guarded = guardingIfs(result).some((i) => {
        const condition = i.namedChildren[0].text.toLowerCase();
        return condition.includes(`${task}.wait(`) || condition.includes(`${task}.iscompleted`);
      });
      assert.ok(guarded, `${result.text} (line ${result.startPosition.row + 1}) is read inside an if that checked ${task} completed`);
    }
  });

  it('a failed read says Spotify cannot be seen, so a stale state never stays the truth', () => {
    const report = nodes(tree.rootNode, 'function_statement').find((f) => f.namedChildren.find((c) => c.type === 'function_name')?.text === 'Report');
    assert.ok(report, 'a Report function');
    const handlers = nodes(report, 'catch_clause');
    assert.strictEqual(handlers.length, 1, 'Report catches what a read throws');
    assert.ok(
      nodes(handlers[0], 'command').some((c) => commandName(c) === 'write-line' && /running\s*=\s*\$false/i.test(c.text)),
      `its handler writes {"running":false}: ${handlers[0].text}`,
    );
  });

  it('the Windows recordings carry exactly the keys the script writes', () => {
    // The keys of the fullest hashtable given a name (`name = @{ ... }`), as ConvertTo-Json writes them.
    const keysOf = (name: string): string[] => {
      const given = [
        ...nodes(tree.rootNode, 'hash_entry').filter((e) => e.namedChildren[0].text === name),
        ...nodes(tree.rootNode, 'assignment_expression').filter((a) => a.namedChildren[0].text === `$${name}`),
      ].map((n) => nodes(n, 'hash_literal_body')[0]?.namedChildren.filter((e) => e.type === 'hash_entry').map((e) => e.namedChildren[0].text).sort() ?? []);
      assert.ok(given.length > 0, `the script builds ${name}`);
      return given.reduce((a, b) => (b.length > a.length ? b : a));
    };
    const lines = ['windows-watch.jsonl', 'windows-playing.jsonl'].flatMap((file) =>
      fs.readFileSync(path.join(RECORDINGS, file), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>),
    );
    const states = lines.filter((l) => l.running === true);
    assert.ok(states.length > 0);
    for (const state of states) {
      assert.deepStrictEqual(Object.keys(state).sort(), keysOf('state'));
      assert.deepStrictEqual(Object.keys(state.can as object).sort(), keysOf('can'));
    }
    const others = lines.filter((l) => l.running !== true).map((l) => JSON.stringify(l));
    assert.deepStrictEqual([...new Set(others)].sort(), ['{"alive":true}', '{"polling":true}']);
    assert.ok(source.includes(`'{"alive":true}'`) && /Write-Line @\{ polling = \$true \}/.test(source), 'both lines are the script\'s');
  });
});
