import * as assert from 'assert';
import { Interpreter, NotSupported } from '../../support/powershell/interpreter';

// The stand-in PowerShell's rules on small scripts, each as Microsoft documents the language, so
// that smtc.ps1's tests rest on the language and not on what the script happens to need.

async function emitted(source: string): Promise<unknown[]> {
  const seen: unknown[] = [];
  const interpreter = new Interpreter({
    env: {},
    variables: {},
    type: () => undefined,
    call: () => undefined,
    command: (name, args) => (name === 'Emit' ? (seen.push(args[0]), []) : undefined),
  });
  await interpreter.run(source);
  return seen;
}

describe('the stand-in PowerShell (test/support/powershell)', () => {
  it('a function returns all its uncaptured output (about_Functions, about_Return)', async () => {
    const source = `
      function None { $null = 1; $x = 2 }
      function One { 'a'; return }
      function Two($v) { $v; return 'b' }
      function Early { return 'first'; 'never' }
      Emit (None)
      Emit (One)
      Emit (Two 'a')
      Emit (Early)
      Emit @(None).Count`;
    assert.deepStrictEqual(await emitted(source), [null, 'a', ['a', 'b'], 'first', 0]);
  });

  it("functions see their callers' variables; assignment is local unless $script: (about_Scopes)", async () => {
    const source = `
      $n = 1
      function Inner { $n }
      function Outer { $n = 2; Inner }
      function Bump { $n = 5; $script:m = 7 }
      Emit (Outer)
      Bump
      Emit $n
      Emit $m`;
    assert.deepStrictEqual(await emitted(source), [2, 1, 7]);
  });

  it('-match and -notmatch fill $Matches, ignoring case (about_Comparison_Operators)', async () => {
    const source = `
      if ('7 NEXT' -notmatch '^(\\d+) ([a-z]+)$') { Emit 'no' } else { Emit $Matches[2] }
      Emit ('a' -eq 'A')
      Emit (@('x', 1, $true, $null) -join '|')`;
    assert.deepStrictEqual(await emitted(source), ['NEXT', true, 'x|1|True|']);
  });

  it('switch runs matching clauses, default otherwise, as a value (about_Switch)', async () => {
    const source = `
      $v = switch ('B') {
        'a' { 1 }
        'b' { 2 }
        default { 3 }
      }
      $w = switch ('z') {
        'a' { 1 }
        default { 3 }
      }
      Emit $v
      Emit $w`;
    assert.deepStrictEqual(await emitted(source), [2, 3]);
  });

  it('a thrown string is caught as an exception with that message; casts round to even', async () => {
    const source = `
      try { throw "late $(2000 / 1000) s" } catch { Emit $_.Exception.Message }
      Emit ([int] 2.5)
      Emit ([int64] '3.5')`;
    assert.deepStrictEqual(await emitted(source), ['late 2 s', 2, 4]);
  });

  it('a construct it does not know is an error, never skipped', async () => {
    await assert.rejects(emitted('Emit (1..3)'), NotSupported);
    await assert.rejects(emitted('Get-Date'), /the command Get-Date is not supported by the stand-in/);
    await assert.rejects(emitted('$x = [Guid]::NewGuid()'), /the type \[guid\] is not supported/);
  });
});
