// The rules strategy's rule trees as plain JSON, and the edits the builder makes to them. Every edit is an immutable
// update at a path that keeps the other keys where they were, so JSON -> builder -> JSON gives the same document.
//
// The grammar mirrors strategies/src/main/java/dev/botfleet/strategies/rules/RuleParser.java (and the operators of
// Condition.Operator); the strategy definition API only says "JSON", so the table below is the one place the
// dashboard knows it. Keep it in step with RuleParser.operand().

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
/** Keys and list indexes from a rule's root, e.g. ['all', 1, 'left', 'period'] for entry.all[1].left.period. */
export type Path = (string | number)[];

export const MAX_DEPTH = 8;     // RuleParser.MAX_DEPTH: the root is level 1
export const MAX_CHILDREN = 20; // RuleParser.MAX_CHILDREN
export const MAX_WHOLE = 1000;  // RuleParser.integer(): whole numbers from min to 1000

export type ParamSpec =
  | { name: string; kind: 'int'; default: number; min: number }
  | { name: string; kind: 'decimal'; default: number }            // > 0 and <= 10
  | { name: string; kind: 'choice'; default: string; options: string[] };

export interface IndicatorSpec { name: string; label: string; params: ParamSpec[] }

const int = (name: string, def: number, min: number): ParamSpec => ({ name, kind: 'int', default: def, min });
const choice = (name: string, def: string, options: string[]): ParamSpec => ({ name, kind: 'choice', default: def, options });
const dOutput = choice('output', 'k', ['k', 'd']);

/** RuleParser.INDICATORS with the parameters (default, minimum) each case of RuleParser.operand() accepts. */
export const INDICATORS: IndicatorSpec[] = [
  { name: 'price', label: 'Price (close)', params: [] },
  { name: 'volume', label: 'Volume', params: [] },
  { name: 'rsi', label: 'RSI', params: [int('period', 14, 2)] },
  { name: 'sma', label: 'SMA', params: [int('period', 20, 1), choice('source', 'close', ['close', 'volume'])] },
  { name: 'ema', label: 'EMA', params: [int('period', 20, 1), choice('source', 'close', ['close', 'volume'])] },
  {
    name: 'macd', label: 'MACD',
    params: [int('fast', 12, 2), int('slow', 26, 3), int('signal', 9, 1), choice('output', 'macd', ['macd', 'signal', 'histogram'])],
  },
  {
    name: 'bollinger', label: 'Bollinger Bands',
    params: [int('period', 20, 2), { name: 'deviations', kind: 'decimal', default: 2 },
      choice('output', 'middle', ['upper', 'middle', 'lower', 'percentB'])],
  },
  { name: 'adx', label: 'ADX', params: [int('period', 14, 2)] },
  { name: 'plusDi', label: '+DI', params: [int('period', 14, 2)] },
  { name: 'minusDi', label: '−DI', params: [int('period', 14, 2)] },
  { name: 'stochastic', label: 'Stochastic (slow)', params: [int('kPeriod', 14, 1), int('kSmoothing', 3, 1), int('dPeriod', 3, 1), dOutput] },
  { name: 'fastStochastic', label: 'Stochastic (fast)', params: [int('kPeriod', 14, 1), int('dPeriod', 3, 1), dOutput] },
  { name: 'atr', label: 'ATR', params: [int('period', 14, 1)] },
];

/** Condition.Operator's symbols, as the JSON spells them. */
export const OPERATORS: { op: string; label: string }[] = [
  { op: '>', label: 'is above (>)' },
  { op: '<', label: 'is below (<)' },
  { op: '>=', label: 'is at or above (>=)' },
  { op: '<=', label: 'is at or below (<=)' },
  { op: 'crossesAbove', label: 'crosses above' },
  { op: 'crossesBelow', label: 'crosses below' },
];

export function indicatorSpec(name: unknown): IndicatorSpec | undefined {
  return INDICATORS.find((i) => i.name === name);
}

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export type NodeKind = 'all' | 'any' | 'compare' | 'raw';

/** How RuleParser.node() reads a node: a group has exactly one key, all or any, holding a list; a comparison has neither. */
export function nodeKind(node: unknown): NodeKind {
  if (!isObject(node)) return 'raw';
  const keys = Object.keys(node);
  for (const group of ['all', 'any'] as const) {
    if (group in node) return keys.length === 1 && Array.isArray(node[group]) ? group : 'raw';
  }
  return 'compare';
}

export type OperandKind = 'number' | 'indicator' | 'invalid';

export function operandKind(operand: unknown): OperandKind {
  if (typeof operand === 'number') return 'number';
  if (isObject(operand) && typeof operand.indicator === 'string') return 'indicator';
  return 'invalid';
}

/**
 * An indicator operand with every parameter given: its defaults, except a same-named parameter the old operand set to
 * something other than its own default (SMA 9 -> EMA 9, but RSI 14 -> Bollinger 20).
 */
export function newIndicator(name: string, previous?: unknown): JsonObject {
  const out: JsonObject = { indicator: name };
  const was = isObject(previous) ? indicatorSpec(previous.indicator) : undefined;
  for (const p of indicatorSpec(name)?.params ?? []) {
    const old = isObject(previous) ? previous[p.name] : undefined;
    const oldDefault = was?.params.find((q) => q.name === p.name)?.default;
    const keep = old !== undefined && old !== oldDefault
      && (p.kind === 'choice' ? p.options.includes(old as string) : typeof old === 'number');
    out[p.name] = keep ? old! : p.default;
  }
  return out;
}

/** The strategy's own default entry: RSI(14) below 30. */
export function newCondition(): JsonObject {
  return { left: newIndicator('rsi'), op: '<', right: 30 };
}

export function newGroup(): JsonObject {
  return { all: [newCondition()] };
}

export function getAt(root: Json | undefined, path: Path): Json | undefined {
  let node: Json | undefined = root;
  for (const seg of path) {
    if (typeof seg === 'number') node = Array.isArray(node) ? node[seg] : undefined;
    else node = isObject(node) ? node[seg] : undefined;
  }
  return node;
}

/** Replaces (or, with undefined, deletes) the value at path; every other key keeps its place. */
export function setAt(root: Json, path: Path, value: Json | undefined): Json {
  if (path.length === 0) return value === undefined ? null : value;
  const [seg, ...rest] = path;
  if (typeof seg === 'number') {
    const list = Array.isArray(root) ? [...root] : [];
    if (rest.length === 0 && value === undefined) list.splice(seg, 1);
    else list[seg] = setAt(list[seg] ?? null, rest, value);
    return list;
  }
  const obj: JsonObject = isObject(root) ? root : {};
  if (rest.length === 0 && value === undefined) {
    const copy: JsonObject = {};
    for (const [k, v] of Object.entries(obj)) if (k !== seg) copy[k] = v;
    return copy;
  }
  return { ...obj, [seg]: setAt(obj[seg] ?? null, rest, value) };
}

/** Swaps the list item at path with its neighbour (delta -1: up, +1: down). */
export function moveAt(root: Json, path: Path, delta: -1 | 1): Json {
  const index = path[path.length - 1] as number;
  const listPath = path.slice(0, -1);
  const list = getAt(root, listPath);
  if (!Array.isArray(list) || index + delta < 0 || index + delta >= list.length) return root;
  const next = [...list];
  [next[index], next[index + delta]] = [next[index + delta], next[index]];
  return setAt(root, listPath, next);
}

/** all <-> any: the group's one key is renamed, its list stays. */
export function setGroupKind(node: JsonObject, kind: 'all' | 'any'): JsonObject {
  const list = node.all ?? node.any ?? [];
  return { [kind]: list };
}

/** Adds a node to the group at path; a comparison there becomes the first of a new "all" group with it. */
export function addChild(root: Json, path: Path, child: Json): Json {
  const node = getAt(root, path) ?? null;
  const kind = nodeKind(node);
  if (kind === 'all' || kind === 'any') {
    return setAt(root, [...path, kind], [...((node as JsonObject)[kind] as Json[]), child]);
  }
  return setAt(root, path, { all: [node, child] });
}

/** "entry" + ['all', 0, 'left'] -> "entry.all[0].left": the server's field names (without the config. prefix). */
export function serverPath(param: string, path: Path): string {
  return param + path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('');
}

/** "entry.all[0].left" -> ['entry', 'all', 0, 'left']. */
export function parsePath(field: string): Path {
  const out: Path = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

/** 1-based position of a node among the tree's groups: ['all', 1, 'any', 0] -> "2.1"; the root comparison is "1". */
export function numberOf(path: Path): string {
  const indexes = path.filter((s): s is number => typeof s === 'number').map((i) => i + 1);
  return indexes.length === 0 ? '1' : indexes.join('.');
}

/**
 * Where each of the server's errors about one rule is shown. The key is the server path of the place that shows it:
 * a node (group, condition or what the builder cannot read), a condition's "op", an operand ("left"/"right": its
 * indicator choice or number) or one of the operand's parameters. What the path names beyond that place (e.g. an
 * unknown key) is put before the message, so nothing is lost.
 */
export function placeErrors(param: string, root: Json | undefined, errors: Record<string, string>): Record<string, string[]> {
  const placed: Record<string, string[]> = {};
  for (const [field, message] of Object.entries(errors)) {
    const path = parsePath(field);
    if (path[0] !== param) continue;
    const { at, rest } = slotOf(root, path.slice(1));
    const key = serverPath(param, at);
    const text = rest.length > 0 ? `${serverPath('', rest).replace(/^\./, '')}: ${message}` : message;
    (placed[key] ??= []).push(text);
  }
  return placed;
}

function slotOf(root: Json | undefined, path: Path): { at: Path; rest: Path } {
  let node = root;
  let i = 0;
  for (;;) {
    const kind = nodeKind(node);
    const seg = path[i];
    if ((kind === 'all' || kind === 'any') && seg === kind && typeof path[i + 1] === 'number') {
      const child = ((node as JsonObject)[kind] as Json[])[path[i + 1] as number];
      if (child === undefined) break;
      node = child;
      i += 2;
      continue;
    }
    if (kind === 'compare' && seg === 'op') return { at: path.slice(0, i + 1), rest: path.slice(i + 1) };
    if (kind === 'compare' && (seg === 'left' || seg === 'right')) {
      const operand = (node as JsonObject)[seg];
      const next = path[i + 1];
      const spec = operandKind(operand) === 'indicator' ? indicatorSpec((operand as JsonObject).indicator) : undefined;
      if (next !== undefined && spec?.params.some((p) => p.name === next)) {
        return { at: path.slice(0, i + 2), rest: path.slice(i + 2) };
      }
      const rest = next === 'indicator' ? path.slice(i + 2) : path.slice(i + 1);
      return { at: path.slice(0, i + 1), rest };
    }
    break;
  }
  return { at: path.slice(0, i), rest: path.slice(i) };
}

export type Parsed = { ok: true; value: Json | undefined } | { ok: false; error: string };

/** The form keeps a JSON parameter as text; empty text is no rule (the server's default applies). */
export function parseRule(text: string): Parsed {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as Json };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** The text the form stores for a JSON parameter (as lib/params.ts toFormValue writes it). */
export function ruleText(value: Json | undefined): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}

/** RulesStrategy.ENTRY / EXIT: a strategy with both as JSON parameters gets the builder for them. */
export const RULE_PARAMS = ['entry', 'exit'];

export function isRulesDefinition(parameters: { name: string; type: string }[]): boolean {
  return RULE_PARAMS.every((name) => parameters.some((p) => p.name === name && p.type === 'JSON'));
}
