import type { Node } from 'web-tree-sitter';
import { parsePowerShell, syntaxErrors } from '../powerShellGrammar';
import { DotNetError, Hashtable, isPsType, PsType, VOID } from './dotnet';

// A small PowerShell interpreter for the subset smtc.ps1 uses, walking tree-sitter-powershell's
// syntax tree. It follows the language as Microsoft documents it (learn.microsoft.com):
// - about_Functions / about_Return: every value a statement does not capture is output, and a
//   function's value is all of its output (none: $null; one: that value; more: an array);
//   assignments and void methods output nothing; `return $x` is `$x; return`.
// - about_Scopes: a function runs in a new scope whose parent is its caller's (dynamic scoping);
//   assigning creates a local variable; $script: names the script's scope.
// - about_Comparison_Operators: string comparison ignores case; -match and -notmatch on a scalar
//   fill $Matches when the pattern matches (also when -notmatch therefore returns $false).
// - about_Switch: every clause whose value equals the input runs, default when none did; its
//   output is the switch's value.
// - about_Throw / about_Try_Catch_Finally: throwing a string raises a RuntimeException whose
//   message is the string; in catch, $_ is the ErrorRecord and $_.Exception the exception.
// - about_Methods: an exception inside a .NET method reaches the script as a
//   MethodInvocationException: Exception calling "Name" with "N" argument(s): "message".
// Anything else throws NotSupported: the stand-in never silently skips what it does not know.

export class NotSupported extends Error {
  constructor(what: string, node?: Node) {
    super(`${what} is not supported by the stand-in${node ? ` (line ${node.startPosition.row + 1}: ${node.text.slice(0, 60)})` : ''}`);
  }
}
/** A PowerShell runtime exception: what `catch` catches. `emitted` carries what the statements
 * it unwinds had already output: in PowerShell that output is written before the error. */
export class PsError extends Error {
  readonly emitted: unknown[] = [];
}
class ReturnSignal {
  constructor(readonly emitted: unknown[]) {}
}
class BreakSignal {
  readonly emitted: unknown[] = [];
}
export class ExitSignal {
  constructor(readonly code: number) {}
}

type Scope = { vars: Map<string, unknown>; parent?: Scope };
type Fn = { params: { name: string; type?: string }[]; body: Node };
export interface Host {
  env: Record<string, string | undefined>;
  variables: Record<string, unknown>;
  /** The type [name] names (lower case, without "System."), or undefined if the stand-in lacks it. */
  type(name: string): PsType | undefined;
  /** Called for every call into .NET: the host notices a script spinning without waiting. */
  call(): void;
  command(name: string, args: unknown[], input: unknown[] | undefined): unknown[] | undefined;
}

const WRAPPERS = new Set([
  'pipeline_chain', 'logical_expression', 'bitwise_expression', 'comparison_expression', 'additive_expression',
  'multiplicative_expression', 'format_expression', 'range_expression', 'array_literal_expression', 'unary_expression',
  'argument_expression', 'logical_argument_expression', 'bitwise_argument_expression', 'comparison_argument_expression',
  'additive_argument_expression', 'multiplicative_argument_expression', 'format_argument_expression',
  'range_argument_expression', 'left_assignment_expression', 'key_expression', 'string_literal', 'integer_literal',
]);

const lower = (s: string) => s.toLowerCase();
const kids = (n: Node) => n.children.filter((c): c is Node => !!c);
const named = (n: Node) => n.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');

/** Output as one value (about_Functions): none is $null, one is itself, more an array. */
export const collapse = (out: unknown[]): unknown => (out.length === 0 ? null : out.length === 1 ? out[0] : out);

export function truthy(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (Array.isArray(v)) return v.length === 0 ? false : v.length === 1 ? truthy(v[0]) : true;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  return true;
}

/** How PowerShell writes a value in a string: -join, "$x". */
export function psString(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (Array.isArray(v)) return v.map(psString).join(' ');
  if (typeof v === 'object' && typeof (v as { ToString?: unknown }).ToString === 'function') return String((v as { ToString(): string }).ToString());
  return String(v);
}

/** [int] and [int64] round to even, as .NET's Convert does. */
function roundEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export class Interpreter {
  private readonly script: Scope = { vars: new Map() };
  private readonly functions = new Map<string, Fn>();

  constructor(private readonly host: Host) {
    for (const [k, v] of Object.entries(host.variables)) this.script.vars.set(lower(k), v);
  }

  /** Runs the script; its exit code (0 when it ends by itself). */
  async run(source: string): Promise<number> {
    const tree = await parsePowerShell(source);
    const errors = syntaxErrors(tree);
    if (errors.length) throw new Error(`the script does not parse: ${errors.join('; ')}`);
    try {
      this.statements(tree.rootNode, this.script);
      return 0;
    } catch (e) {
      if (e instanceof ExitSignal) return e.code;
      if (e instanceof PsError) throw new Error(`the script ended on an uncaught error: ${e.message}`);
      throw e;
    }
  }

  // ---- statements -------------------------------------------------------------------------

  private statements(n: Node, scope: Scope): unknown[] {
    const out: unknown[] = [];
    for (const s of named(n)) {
      try {
        out.push(...this.statement(s, scope));
      } catch (e) {
        if (e instanceof PsError || e instanceof ReturnSignal || e instanceof BreakSignal) e.emitted.unshift(...out);
        throw e;
      }
    }
    return out;
  }

  private statement(n: Node, scope: Scope): unknown[] {
    switch (n.type) {
      case 'statement_list':
      case 'script_block_body':
      case 'program':
        return this.statements(n, scope);
      case 'empty_statement':
        return [];
      case 'pipeline':
        return this.pipeline(n, scope);
      case 'function_statement':
        this.defineFunction(n);
        return [];
      case 'if_statement':
        return this.ifStatement(n, scope);
      case 'try_statement':
        return this.tryStatement(n, scope);
      case 'foreach_statement':
        return this.foreachStatement(n, scope);
      case 'while_statement':
        return this.whileStatement(n, scope);
      case 'switch_statement':
        return this.switchStatement(n, scope);
      case 'flow_control_statement':
        return this.flow(n, scope);
      case 'statement_block':
        return this.block(n, scope);
      default:
        throw new NotSupported(`the statement ${n.type}`, n);
    }
  }

  private block(n: Node, scope: Scope): unknown[] {
    const list = named(n).find((c) => c.type === 'statement_list');
    return list ? this.statements(list, scope) : [];
  }

  private defineFunction(n: Node): void {
    const name = named(n).find((c) => c.type === 'function_name')!.text;
    const decl = named(n).find((c) => c.type === 'function_parameter_declaration');
    const params = decl ? named(decl).flatMap((l) => named(l)).map((p) => {
      const variable = named(p).find((c) => c.type === 'variable')!;
      const type = p.descendantsOfType('type_spec')[0]?.text;
      return { name: variable.text.slice(1), type };
    }) : [];
    if (named(n).some((c) => c.type === 'script_block' && named(c).some((b) => b.type === 'param_block'))) throw new NotSupported('a param block', n);
    this.functions.set(lower(name), { params, body: named(n).find((c) => c.type === 'script_block')! });
  }

  private ifStatement(n: Node, scope: Scope): unknown[] {
    const c = named(n);
    if (truthy(this.value(c[0], scope))) return this.block(c[1], scope);
    for (const clause of c.slice(2)) {
      if (clause.type === 'elseif_clauses') {
        for (const e of named(clause)) if (truthy(this.value(named(e)[0], scope))) return this.block(named(e)[1], scope);
      } else if (clause.type === 'else_clause') return this.block(named(clause)[0], scope);
    }
    return [];
  }

  private tryStatement(n: Node, scope: Scope): unknown[] {
    const [body, catches] = named(n);
    const out: unknown[] = [];
    try {
      out.push(...this.block(body, scope));
    } catch (e) {
      if (!(e instanceof PsError) || !catches) throw e;
      out.push(...e.emitted);
      const clauses = named(catches);
      if (clauses.length !== 1 || named(clauses[0]).some((c) => c.type === 'catch_type_list')) throw new NotSupported('a typed or second catch', catches);
      // $_ in catch is the ErrorRecord (about_Try_Catch_Finally); set in the current scope.
      scope.vars.set('_', { Exception: { Message: e.message }, ToString: () => e.message });
      out.push(...this.block(named(clauses[0]).find((c) => c.type === 'statement_block')!, scope));
    }
    return out;
  }

  private foreachStatement(n: Node, scope: Scope): unknown[] {
    const c = named(n);
    const variable = c.find((x) => x.type === 'variable')!;
    const items = this.enumerate(this.value(c.find((x) => x.type === 'pipeline')!, scope));
    const out: unknown[] = [];
    for (const item of items) {
      this.assignVariable(variable.text, item, scope);
      if (!this.iteration(c.find((x) => x.type === 'statement_block')!, scope, out)) break;
    }
    return out;
  }

  private whileStatement(n: Node, scope: Scope): unknown[] {
    const c = named(n);
    const out: unknown[] = [];
    const condition = named(c[0])[0];
    while (truthy(this.value(condition, scope)) && this.iteration(c[1], scope, out));
    return out;
  }

  /** One pass of a loop's body, its output added to `out`; false once it breaks. */
  private iteration(body: Node, scope: Scope, out: unknown[]): boolean {
    try {
      out.push(...this.block(body, scope));
      return true;
    } catch (e) {
      if (!(e instanceof BreakSignal)) throw e;
      out.push(...e.emitted);
      return false;
    }
  }

  private switchStatement(n: Node, scope: Scope): unknown[] {
    const [condition, body] = named(n);
    if (kids(n).some((c) => c.type === 'switch_parameters' || c.type === 'switch_parameter')) throw new NotSupported('switch options', n);
    const input = this.value(named(condition)[0], scope);
    const clauses = body.descendantsOfType('switch_clause').filter((c): c is Node => !!c);
    const out: unknown[] = [];
    let matched = false;
    let fallback: Node | undefined;
    for (const clause of clauses) {
      const [test, block] = named(clause);
      if (test.text === 'default') {
        fallback = block;
        continue;
      }
      if (this.equals(input, this.value(named(test)[0] ?? test, scope))) {
        matched = true;
        out.push(...this.block(block, scope));
      }
    }
    if (!matched && fallback) out.push(...this.block(fallback, scope));
    return out;
  }

  private flow(n: Node, scope: Scope): unknown[] {
    const keyword = lower(kids(n)[0].text);
    const argument = named(n)[0];
    const value = argument ? this.value(argument, scope) : undefined;
    switch (keyword) {
      case 'return':
        throw new ReturnSignal(argument ? this.enumerate(value, true) : []);
      case 'break':
        throw new BreakSignal();
      case 'exit':
        throw new ExitSignal(Number(value ?? 0));
      case 'throw':
        throw new PsError(psString(value ?? 'ScriptHalted'));
      default:
        throw new NotSupported(keyword, n);
    }
  }

  // ---- pipelines and commands -------------------------------------------------------------

  /** A pipeline as a statement: what it outputs (nothing for an assignment). */
  private pipeline(n: Node, scope: Scope): unknown[] {
    const first = named(n)[0];
    if (first.type === 'assignment_expression') {
      this.assignment(first, scope);
      return [];
    }
    if (named(n).length !== 1) throw new NotSupported('this pipeline', n);
    return this.chain(first, scope);
  }

  private chain(n: Node, scope: Scope): unknown[] {
    const stages = n.type === 'pipeline_chain' ? named(n) : [n];
    if (kids(n).some((c) => c.type === '&&' || c.type === '||')) throw new NotSupported('&& and ||', n);
    let output: unknown[] | undefined;
    for (const stage of stages) {
      if (stage.type === 'command') output = this.command(stage, scope, output);
      else if (output === undefined) output = this.enumerate(this.expression(stage, scope), true);
      else throw new NotSupported('an expression after |', stage);
    }
    return output ?? [];
  }

  private command(n: Node, scope: Scope, input: unknown[] | undefined): unknown[] {
    const name = named(n).find((c) => c.type === 'command_name')!.text;
    const elements = named(n).find((c) => c.type === 'command_elements');
    const args: unknown[] = [];
    const all = elements ? named(elements) : [];
    for (let i = 0; i < all.length; i++) {
      const e = all[i];
      if (e.type === 'command_argument_sep') continue;
      let member: Node = e;
      while (WRAPPERS.has(member.type) && named(member).length === 1) member = named(member)[0];
      const list = all[i + 1];
      if (member.type === 'member_access' && list?.type === 'argument_list' && e.endIndex === list.startIndex) {
        // `F $line.Trim()`: the grammar splits the call, PowerShell calls the method (about_Parsing).
        const [object, access, name] = kids(member);
        args.push(this.call(this.expression(object, scope), access.text, name.text, this.argumentList(list, scope), e));
        i++;
      } else if (e.type === 'generic_token') args.push(e.text);
      else if (e.type === 'command_parameter') args.push({ parameter: e.text.slice(1) });
      else if (e.type === 'argument_list') args.push(this.argumentList(e, scope));
      else if (e.type === 'array_literal_expression' || e.type === 'unary_expression') args.push(this.expression(e, scope));
      else throw new NotSupported(`the command argument ${e.type}`, e);
    }
    const fn = this.functions.get(lower(name));
    if (fn) {
      if (input !== undefined) throw new NotSupported('piping into a function', n);
      return this.invoke(fn, args, scope);
    }
    switch (lower(name)) {
      case 'where-object': {
        const block = args[0] as { scriptBlock: Node };
        if (args.length !== 1 || !block?.scriptBlock) throw new NotSupported('this Where-Object', n);
        return (input ?? []).filter((item) => {
          const inner: Scope = { vars: new Map([['_', item]]), parent: scope };
          return truthy(collapse(this.statements(named(block.scriptBlock)[0], inner)));
        });
      }
      case 'select-object':
        if (args.length !== 2 || lower((args[0] as { parameter?: string }).parameter ?? '') !== 'first') throw new NotSupported('this Select-Object', n);
        return (input ?? []).slice(0, Number(args[1]));
    }
    this.host.call();
    const out = this.host.command(name, args, input);
    if (!out) throw new NotSupported(`the command ${name}`, n);
    return out;
  }

  private invoke(fn: Fn, args: unknown[], caller: Scope): unknown[] {
    if (args.some((a) => (a as { parameter?: string })?.parameter)) throw new NotSupported('named parameters of a function');
    const scope: Scope = { vars: new Map(), parent: caller };
    fn.params.forEach((p, i) => scope.vars.set(lower(p.name), p.type ? this.cast(p.type, args[i] ?? null) : (args[i] ?? null)));
    scope.vars.set('args', args.slice(fn.params.length));
    const out: unknown[] = [];
    try {
      out.push(...this.statements(named(fn.body)[0], scope));
    } catch (e) {
      if (!(e instanceof ReturnSignal)) throw e;
      out.push(...e.emitted);
    }
    return out;
  }

  // ---- expressions -------------------------------------------------------------------------

  /** A pipeline or expression as one value, as on the right of `=` or in a condition. */
  value(n: Node, scope: Scope): unknown {
    try {
      return this.captured(n, scope);
    } catch (e) {
      if (e instanceof PsError) e.emitted.length = 0; // captured output is lost with the error
      throw e;
    }
  }

  private captured(n: Node, scope: Scope): unknown {
    if (n.type === 'pipeline') {
      const first = named(n)[0];
      if (first.type === 'assignment_expression') throw new NotSupported('an assignment used as a value', n);
      return this.value(first, scope);
    }
    if (n.type === 'pipeline_chain' && named(n).length === 1 && named(n)[0].type !== 'command') return this.expression(named(n)[0], scope);
    if (n.type === 'pipeline_chain' || n.type === 'command') return collapse(this.chain(n, scope));
    if (n.type.endsWith('_statement')) return collapse(this.statement(n, scope));
    return this.expression(n, scope);
  }

  private expression(n: Node, scope: Scope): unknown {
    while (WRAPPERS.has(n.type) && named(n).length === 1 && n.childCount === 1) n = named(n)[0];
    const c = named(n);
    switch (n.type) {
      case 'variable':
        return this.variable(n.text, scope);
      case 'decimal_integer_literal':
        if (!/^\d+$/.test(n.text)) throw new NotSupported('this number', n);
        return Number(n.text);
      case 'real_literal':
        if (!/^\d+\.\d+$/.test(n.text)) throw new NotSupported('this number', n);
        return Number(n.text);
      case 'verbatim_string_characters':
        return n.text.slice(1, -1).replace(/''/g, "'");
      case 'expandable_string_literal':
        return this.expandable(n, scope);
      case 'parenthesized_expression':
        return this.value(c[0], scope);
      case 'sub_expression':
        return collapse(c[0] ? this.statements(c[0], scope) : []);
      case 'array_expression':
        return c[0] ? this.statements(c[0], scope) : [];
      case 'array_literal_expression':
        return c.map((x) => this.expression(x, scope));
      case 'hash_literal_expression':
        return this.hashtable(n, scope);
      case 'script_block_expression':
        return { scriptBlock: c[0] };
      case 'type_literal':
        return this.type(n);
      case 'cast_expression':
        return this.cast(c[0].descendantsOfType('type_spec')[0]!.text, this.expression(c[1], scope));
      case 'expression_with_unary_operator': {
        if (n.childCount === 1) return this.expression(c[0], scope); // a cast
        const op = lower(kids(n)[0].text);
        if (op === '-not' || op === '!') return !truthy(this.expression(c[0], scope));
        throw new NotSupported(`the unary operator ${op}`, n);
      }
      case 'logical_expression':
      case 'logical_argument_expression': {
        const op = lower(kids(n)[1].text);
        const left = truthy(this.expression(c[0], scope));
        if (op === '-and') return left && truthy(this.expression(c[1], scope));
        if (op === '-or') return left || truthy(this.expression(c[1], scope));
        throw new NotSupported(op, n);
      }
      case 'comparison_expression':
      case 'comparison_argument_expression':
        return this.compare(lower(c[1].text), this.expression(c[0], scope), this.expression(c[2], scope), scope, n);
      case 'additive_expression':
      case 'multiplicative_expression':
      case 'additive_argument_expression':
      case 'multiplicative_argument_expression':
        return this.arithmetic(kids(n)[1].text, this.expression(c[0], scope), this.expression(c[1], scope), n);
      case 'member_access':
        return this.member(n, scope);
      case 'invokation_expression':
        return this.invocation(n, scope);
      case 'element_access': {
        const target = this.expression(c[0], scope);
        const key = this.expression(c[1], scope);
        if (target instanceof Hashtable) return target.get(key);
        if (Array.isArray(target) && typeof key === 'number') return target[key] ?? null;
        if (target === null) throw new PsError('Cannot index into a null array.');
        throw new NotSupported('indexing this value', n);
      }
      default:
        throw new NotSupported(`the expression ${n.type}`, n);
    }
  }

  private expandable(n: Node, scope: Scope): string {
    const text = n.text;
    if (!text.startsWith('"') || text.includes('`')) throw new NotSupported('this string', n);
    let out = '';
    let at = n.startIndex + 1;
    for (const part of named(n)) {
      out += text.slice(at - n.startIndex, part.startIndex - n.startIndex);
      out += psString(part.type === 'variable' ? this.variable(part.text, scope) : this.expression(part, scope));
      at = part.endIndex;
    }
    return (out + text.slice(at - n.startIndex, -1)).replace(/""/g, '"');
  }

  private hashtable(n: Node, scope: Scope): Hashtable {
    const table = new Hashtable();
    for (const entry of n.descendantsOfType('hash_entry').filter((e): e is Node => !!e && e.parent?.parent?.id === n.id)) {
      const [keyNode, valueNode] = named(entry);
      const key = keyNode.text.match(/^[A-Za-z_]\w*$/) ? keyNode.text : this.expression(keyNode, scope);
      table.set(key, valueNode.type === 'pipeline' ? this.value(valueNode, scope) : this.value(valueNode, scope));
    }
    return table;
  }

  private variable(text: string, scope: Scope): unknown {
    const m = /^\$(?:(script|env):)?(\w+)$/i.exec(text);
    if (!m) throw new NotSupported(`the variable ${text}`);
    const [, drive, name] = m;
    if (drive && lower(drive) === 'env') return this.host.env[name] ?? null;
    switch (lower(name)) {
      case 'null':
        return null;
      case 'true':
        return true;
      case 'false':
        return false;
    }
    for (let s: Scope | undefined = drive ? this.script : scope; s; s = s.parent) if (s.vars.has(lower(name))) return s.vars.get(lower(name));
    return null; // an unset variable is $null (no strict mode)
  }

  private assignVariable(text: string, value: unknown, scope: Scope): void {
    const m = /^\$(?:(script):)?(\w+)$/i.exec(text);
    if (!m) throw new NotSupported(`assigning ${text}`);
    if (lower(m[2]) === 'null') return;
    (m[1] ? this.script : scope).vars.set(lower(m[2]), value);
  }

  private assignment(n: Node, scope: Scope): void {
    const [left, operator, right] = named(n);
    let target = left;
    while (WRAPPERS.has(target.type) && named(target).length === 1) target = named(target)[0];
    let value = this.value(right, scope);
    const op = operator.text;
    if (op !== '=') {
      if (op !== '+=' || target.type !== 'variable') throw new NotSupported(`the assignment ${op}`, n);
      value = this.arithmetic('+', this.variable(target.text, scope), value, n);
    }
    if (target.type === 'variable') return this.assignVariable(target.text, value, scope);
    if (target.type === 'element_access') {
      const table = this.expression(named(target)[0], scope);
      if (!(table instanceof Hashtable)) throw new NotSupported('assigning into this value', n);
      table.set(this.expression(named(target)[1], scope), value);
      return;
    }
    if (target.type === 'member_access') {
      const [object, access, name] = kids(target);
      const o = this.expression(object, scope);
      this.host.call();
      if (o instanceof Hashtable) return o.set(name.text, value);
      const holder = access.text === '::' && isPsType(o) ? o.statics : o;
      if (typeof holder !== 'object' || holder === null || Array.isArray(holder)) throw new NotSupported('setting a member of this value', n);
      this.dotnet(() => setMember(holder, name.text, value), `Exception setting "${name.text}"`);
      return;
    }
    throw new NotSupported('this assignment', n);
  }

  private member(n: Node, scope: Scope): unknown {
    const [object, access, name] = kids(n);
    const o = this.expression(object, scope);
    this.host.call();
    if (access.text === '::') {
      if (!isPsType(o)) throw new NotSupported('a static member of a non-type', n);
      return this.dotnet(() => getMember(o.statics, name.text), `Exception getting "${name.text}"`);
    }
    if (o === null) return null; // a member of $null is $null (no strict mode)
    if (o instanceof Hashtable) return o.has(name.text) ? o.get(name.text) : null;
    if (Array.isArray(o) && /^(count|length)$/i.test(name.text)) return o.length;
    if (typeof o === 'string' && lower(name.text) === 'length') return o.length;
    if (Array.isArray(o) || typeof o !== 'object') throw new NotSupported(`the member ${name.text} of a ${typeof o}`, n);
    return this.dotnet(() => getMember(o, name.text), `Exception getting "${name.text}"`);
  }

  private invocation(n: Node, scope: Scope): unknown {
    const [object, access, name, list] = kids(n);
    return this.call(this.expression(object, scope), access.text, name.text, this.argumentList(list, scope), n);
  }

  private call(o: unknown, access: string, name: string, args: unknown[], n: Node): unknown {
    this.host.call();
    const where = `Exception calling "${name}" with "${args.length}" argument(s)`;
    if (access === '::') {
      if (!isPsType(o)) throw new NotSupported('a static call on a non-type', n);
      return this.dotnet(() => callMethod(o.statics, name, args), where);
    }
    if (o === null) throw new PsError('You cannot call a method on a null-valued expression.');
    if (typeof o === 'string') {
      if (lower(name) === 'trim' && !args.length) return o.trim();
      if (lower(name) === 'tostring' && !args.length) return o;
      throw new NotSupported(`the string method ${name}`, n);
    }
    if (o instanceof Hashtable && lower(name) === 'containskey') return o.has(args[0]);
    if (typeof o !== 'object' || Array.isArray(o) || o instanceof Hashtable) throw new NotSupported(`the method ${name} of this value`, n);
    return this.dotnet(() => callMethod(o, name, args), where);
  }

  private argumentList(n: Node, scope: Scope): unknown[] {
    const list = named(n).find((c) => c.type === 'argument_expression_list');
    return list ? named(list).map((a) => this.expression(a, scope)) : [];
  }

  /** A .NET call: its exceptions reach the script wrapped, as about_Methods shows them. */
  private dotnet<T>(run: () => T, where: string): T {
    try {
      return run();
    } catch (e) {
      if (e instanceof DotNetError) throw new PsError(`${where}: "${e.message}"`);
      throw e;
    }
  }

  private type(n: Node): PsType {
    const name = lower(n.descendantsOfType('type_spec')[0]!.text).replace(/^system\./, '');
    const type = this.host.type(name);
    if (!type) throw new NotSupported(`the type [${name}]`, n);
    return type;
  }

  cast(typeName: string, v: unknown): unknown {
    const name = lower(typeName).replace(/^system\./, '');
    const number = (): number => {
      const x = typeof v === 'string' ? Number(v.trim()) : v === null ? 0 : typeof v === 'boolean' ? Number(v) : v;
      if (typeof x !== 'number' || Number.isNaN(x)) throw new PsError(`Cannot convert value "${psString(v)}" to type "${typeName}".`);
      return x;
    };
    switch (name) {
      case 'int':
      case 'int32':
      case 'int64':
      case 'long':
        return roundEven(number());
      case 'double':
        return number();
      case 'bool':
        return truthy(v);
      case 'string':
        return v === null ? '' : psString(v);
      case 'type':
        if (isPsType(v)) return v;
        throw new PsError(`Cannot convert "${psString(v)}" to "System.Type".`);
    }
    throw new NotSupported(`the cast [${typeName}]`);
  }

  // ---- operators ---------------------------------------------------------------------------

  private equals(a: unknown, b: unknown): boolean {
    if (a === null || b === null) return a === b;
    if (typeof a === 'string') return lower(a) === lower(psString(b));
    if (typeof a === 'number') return a === Number(b);
    if (typeof a === 'boolean') return a === truthy(b);
    return a === b;
  }

  private compare(op: string, a: unknown, b: unknown, scope: Scope, n: Node): unknown {
    // With an array on the left, comparisons filter it (about_Comparison_Operators): not needed here.
    if (Array.isArray(a) && op !== '-join') throw new NotSupported('a comparison with an array on the left', n);
    switch (op) {
      case '-eq':
        return this.equals(a, b);
      case '-ne':
        return !this.equals(a, b);
      case '-ge':
      case '-gt':
      case '-le':
      case '-lt': {
        const key = (x: unknown) => (typeof x === 'object' && x !== null && 'compareKey' in x ? (x as { compareKey: number }).compareKey : x);
        const [x, y] = [key(a), typeof a === 'string' ? psString(b) : key(b)];
        if (typeof x !== typeof y || (typeof x !== 'number' && typeof x !== 'string')) throw new NotSupported(`${op} on these values`, n);
        const c = typeof x === 'string' ? lower(x).localeCompare(lower(y as string)) : (x as number) - (y as number);
        return op === '-ge' ? c >= 0 : op === '-gt' ? c > 0 : op === '-le' ? c <= 0 : c < 0;
      }
      case '-match':
      case '-notmatch': {
        const m = dotnetRegex(psString(b)).exec(psString(a));
        if (m) {
          const matches = new Hashtable();
          m.forEach((g, i) => g !== undefined && matches.set(i, g));
          scope.vars.set('matches', matches); // $Matches is set in the current scope
        }
        return op === '-match' ? !!m : !m;
      }
      case '-join':
        return (Array.isArray(a) ? a : [a]).map(psString).join(psString(b));
      default:
        throw new NotSupported(`the operator ${op}`, n);
    }
  }

  private arithmetic(op: string, a: unknown, b: unknown, n: Node): unknown {
    if (typeof a === 'object' && a !== null && op === '-' && 'op_Subtraction' in a) return (a as { op_Subtraction(x: unknown): unknown }).op_Subtraction(b);
    if (typeof a === 'string' && op === '+') return a + psString(b);
    if (typeof a !== 'number' && a !== null) throw new NotSupported(`${op} on this value`, n);
    const x = a ?? 0;
    const y = typeof b === 'number' ? b : b === null ? 0 : Number(b);
    if (Number.isNaN(y)) throw new PsError(`Cannot convert value "${psString(b)}" to type "System.Double".`);
    switch (op) {
      case '+':
        return x + y;
      case '-':
        return x - y;
      case '*':
        return x * y;
      case '/':
        if (y === 0) throw new PsError('Attempted to divide by zero.');
        return x / y;
    }
    throw new NotSupported(`the operator ${op}`, n);
  }

  /** What writing `v` to the pipeline writes: arrays are unrolled, a void call writes nothing. */
  private enumerate(v: unknown, toPipeline = false): unknown[] {
    if (v === VOID) return [];
    if (Array.isArray(v)) return v;
    if (!toPipeline && v === null) return [];
    return [v];
  }
}

/** A .NET regular expression as JavaScript reads it; -match ignores case (about_Comparison_Operators). */
export function dotnetRegex(pattern: string, ignoreCase = true): RegExp {
  if (/\(\?<|\\[AZzG]|\(\?[imnsx]/.test(pattern)) throw new NotSupported(`the .NET regular expression ${pattern}`);
  return new RegExp(pattern, ignoreCase ? 'iu' : 'u');
}

function findKey(o: object, name: string): string {
  for (let p: object | null = o; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    const key = Object.getOwnPropertyNames(p).find((k) => lower(k) === lower(name) && k !== 'constructor');
    if (key) return key;
  }
  throw new NotSupported(`the member ${name} of the stand-in ${o.constructor?.name ?? 'object'}`);
}

function getMember(o: object, name: string): unknown {
  const v = (o as Record<string, unknown>)[findKey(o, name)];
  if (typeof v === 'function') throw new NotSupported(`reading the method ${name} as a property`);
  return v === undefined ? null : v;
}

function setMember(o: object, name: string, value: unknown): void {
  (o as Record<string, unknown>)[findKey(o, name)] = value;
}

function callMethod(o: object, name: string, args: unknown[]): unknown {
  const f = (o as Record<string, unknown>)[findKey(o, name)];
  if (typeof f !== 'function') throw new NotSupported(`calling ${name}, which is not a method`);
  const r: unknown = (f as (...a: unknown[]) => unknown).apply(o, args);
  return r === undefined ? null : r;
}
