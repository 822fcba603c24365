// The builder's parts: groups (all / any), conditions (left, comparison, right) and operands (a number or an indicator
// with its parameters). Every control's accessible name says where it is, e.g. "Entry condition 2.1 left period", so
// tests and e2e can find it; the server's error for a path is shown beside the control of that path.
import { useId, useState, type ReactNode } from 'react';
import {
  addChild, getAt, indicatorSpec, INDICATORS, MAX_CHILDREN, MAX_DEPTH, moveAt, newCondition, newGroup,
  newIndicator, nodeKind, numberOf, OPERATORS, operandKind, serverPath, setAt, setGroupKind,
  type Json, type JsonObject, type ParamSpec, type Path,
} from '../lib/rules';
import { inputClass } from './ui';

export interface RuleCtx {
  /** The parameter: "entry" or "exit". */
  param: string;
  /** "Entry" / "Exit": the start of every accessible name. */
  title: string;
  root: Json;
  /** Errors by the server path of the place that shows them (lib/rules.ts placeErrors). */
  placed: Record<string, string[]>;
  disabled: boolean;
  edit: (next: Json) => void;
}

const smallButton = 'inline-flex min-h-9 min-w-9 items-center justify-center rounded border border-slate-300 px-2 text-xs font-medium '
  + 'hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40 dark:border-slate-600 dark:hover:bg-slate-800';

export function labelOfNode(ctx: RuleCtx, path: Path): string {
  const kind = nodeKind(getAt(ctx.root, path));
  if (path.length === 0 && (kind === 'all' || kind === 'any')) return `${ctx.title} rule`;
  return `${ctx.title} ${kind === 'all' || kind === 'any' ? 'group' : 'condition'} ${numberOf(path)}`;
}

const depthOf = (path: Path) => 1 + path.filter((s) => typeof s === 'number').length;

/** One node of the tree: a group, a condition, or JSON the builder cannot read (kept as it is, can be removed). */
export function RuleNode({ ctx, path }: { ctx: RuleCtx; path: Path }) {
  const node = getAt(ctx.root, path) ?? null;
  const kind = nodeKind(node);
  const label = labelOfNode(ctx, path);
  const errors = ctx.placed[serverPath(ctx.param, path)];
  const errorId = `${useId()}-error`;
  const described = errors ? errorId : undefined;
  const frame = 'flex min-w-0 flex-col gap-2 rounded-md border p-1.5 sm:p-2 ' + (errors
    ? 'border-red-400 dark:border-red-700' : 'border-slate-200 dark:border-slate-700');

  if (kind === 'all' || kind === 'any') {
    const children = (node as JsonObject)[kind] as Json[];
    return (
      <div role="group" aria-label={label} aria-describedby={described} className={`${frame} bg-slate-50 dark:bg-slate-950`}>
        <div className="flex flex-wrap items-end gap-2">
          <Labelled prefix={`${label} `} text="match" className="min-w-40 flex-1">
            {(props) => (
              <select {...props} className={inputClass} value={kind} disabled={ctx.disabled}
                onChange={(e) => ctx.edit(setAt(ctx.root, path, setGroupKind(node as JsonObject, e.target.value as 'all' | 'any')))}>
                <option value="all">All of these (AND)</option>
                <option value="any">Any of these (OR)</option>
              </select>
            )}
          </Labelled>
          <Toolbar ctx={ctx} path={path} label={label} />
        </div>
        <NodeErrors id={errorId} errors={errors} />
        <ol className="flex flex-col gap-2">
          {children.map((_, i) => <li key={i}><RuleNode ctx={ctx} path={[...path, kind, i]} /></li>)}
        </ol>
        <AddButtons ctx={ctx} path={path} label={label} count={children.length} depth={depthOf(path)} />
      </div>
    );
  }

  if (kind === 'compare') {
    const at = (key: string) => [...path, key];
    const op = (node as JsonObject).op;
    const known = OPERATORS.some((o) => o.op === op);
    const opErrors = ctx.placed[serverPath(ctx.param, at('op'))];
    return (
      <div role="group" aria-label={label} aria-describedby={described} className={frame}>
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm font-semibold">{label.slice(ctx.title.length + 1).replace(/^c/, 'C')}</span>
          <Toolbar ctx={ctx} path={path} label={label} />
        </div>
        <NodeErrors id={errorId} errors={errors} />
        <div className="grid gap-2 sm:grid-cols-[1fr_auto_1fr] sm:items-start">
          <Operand ctx={ctx} path={at('left')} label={label} side="left" />
          <Labelled prefix={`${label} `} text="comparison" errors={opErrors}>
            {(props) => (
              <select {...props} className={inputClass} disabled={ctx.disabled} value={typeof op === 'string' ? op : ''}
                onChange={(e) => ctx.edit(setAt(ctx.root, at('op'), e.target.value))}>
                {!known && <option value={typeof op === 'string' ? op : ''}>{op === undefined ? 'Choose…' : `${JSON.stringify(op)} (invalid)`}</option>}
                {OPERATORS.map((o) => <option key={o.op} value={o.op}>{o.label}</option>)}
              </select>
            )}
          </Labelled>
          <Operand ctx={ctx} path={at('right')} label={label} side="right" />
        </div>
        {path.length === 0 && <AddButtons ctx={ctx} path={path} label={`${ctx.title} rule`} count={1} depth={1} />}
      </div>
    );
  }

  return (
    <div role="group" aria-label={label} aria-describedby={described} className={frame}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-semibold">Not a condition the builder can edit</span>
        <Toolbar ctx={ctx} path={path} label={label} />
      </div>
      <NodeErrors id={errorId} errors={errors} />
      <pre className="overflow-x-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">{JSON.stringify(node)}</pre>
      <p className="text-xs text-slate-500">Change it in the JSON view, or remove it.</p>
    </div>
  );
}

function NodeErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors) return null;
  return <p id={id} className="text-xs text-red-600 dark:text-red-400">{errors.join('; ')}</p>;
}

/** Move up / down and remove, for a node inside a group (the root has none: the rule itself is removed above). */
function Toolbar({ ctx, path, label }: { ctx: RuleCtx; path: Path; label: string }) {
  if (path.length === 0) return null;
  const index = path[path.length - 1] as number;
  const siblings = getAt(ctx.root, path.slice(0, -1)) as Json[];
  const listPath = path.slice(0, -1);
  return (
    <div className="ml-auto flex gap-1">
      <button type="button" className={smallButton} aria-label={`Move ${label} up`} disabled={ctx.disabled || index === 0}
        onClick={() => ctx.edit(moveAt(ctx.root, path, -1))}>↑</button>
      <button type="button" className={smallButton} aria-label={`Move ${label} down`}
        disabled={ctx.disabled || index === siblings.length - 1} onClick={() => ctx.edit(moveAt(ctx.root, path, 1))}>↓</button>
      <button type="button" className={smallButton} aria-label={`Remove ${label}`}
        title={siblings.length <= 1 ? 'A group needs at least one condition' : undefined}
        disabled={ctx.disabled || siblings.length <= 1}
        onClick={() => ctx.edit(setAt(ctx.root, listPath, siblings.filter((_, i) => i !== index)))}>✕</button>
    </div>
  );
}

function AddButtons({ ctx, path, label, count, depth }: { ctx: RuleCtx; path: Path; label: string; count: number; depth: number }) {
  return (
    <div className="flex flex-wrap gap-2">
      <button type="button" className={smallButton} aria-label={`Add condition to ${label}`}
        disabled={ctx.disabled || count >= MAX_CHILDREN} onClick={() => ctx.edit(addChild(ctx.root, path, newCondition()))}>
        + Condition
      </button>
      <button type="button" className={smallButton} aria-label={`Add group to ${label}`}
        disabled={ctx.disabled || count >= MAX_CHILDREN || depth + 2 > MAX_DEPTH}
        onClick={() => ctx.edit(addChild(ctx.root, path, newGroup()))}>
        + Group
      </button>
    </div>
  );
}

/** One side of a comparison: a number, or an indicator with its parameters. */
function Operand({ ctx, path, label, side }: { ctx: RuleCtx; path: Path; label: string; side: 'left' | 'right' }) {
  const value = getAt(ctx.root, path);
  const kind = operandKind(value);
  const name = kind === 'indicator' ? String((value as JsonObject).indicator) : '';
  const spec = kind === 'indicator' ? indicatorSpec(name) : undefined;
  const selected = kind === 'number' ? 'number' : name;
  const set = (v: Json | undefined) => ctx.edit(setAt(ctx.root, path, v));
  const errorsAt = (key?: string) => ctx.placed[serverPath(ctx.param, key ? [...path, key] : path)];

  return (
    <div className="flex flex-col gap-2">
      <Labelled prefix={`${label} `} text={`${side} side`} errors={errorsAt()}>
        {(props) => (
          <select {...props} className={inputClass} disabled={ctx.disabled} value={selected}
            onChange={(e) => {
              const v = e.target.value;
              if (v === 'number') set(typeof value === 'number' ? value : 0);
              else if (v !== '') set(newIndicator(v, value));
            }}>
            {selected === '' && <option value="">{value === undefined ? 'Choose…' : `${JSON.stringify(value)} (invalid)`}</option>}
            <option value="number">Number</option>
            {INDICATORS.map((i) => <option key={i.name} value={i.name}>{i.label}</option>)}
            {kind === 'indicator' && !spec && <option value={name}>{name} (unknown)</option>}
          </select>
        )}
      </Labelled>
      {kind === 'number' && (
        <NumberInput prefix={`${label} ${side} `} text="value" value={value} errors={undefined} disabled={ctx.disabled}
          required onChange={(v) => v !== undefined && set(v)} />
      )}
      {spec && spec.params.length > 0 && (
        <div className="grid grid-cols-2 gap-2">
          {spec.params.map((p) => (
            <Param key={p.name} p={p} prefix={`${label} ${side} `} value={(value as JsonObject)[p.name]} errors={errorsAt(p.name)}
              disabled={ctx.disabled} onChange={(v) => set(setAt(value as JsonObject, [p.name], v))} />
          ))}
        </div>
      )}
    </div>
  );
}

function Param({ p, prefix, value, errors, disabled, onChange }:
  { p: ParamSpec; prefix: string; value: Json | undefined; errors?: string[]; disabled: boolean; onChange: (v: Json | undefined) => void }) {
  if (p.kind !== 'choice') {
    return <NumberInput prefix={prefix} text={p.name} value={value} errors={errors} disabled={disabled}
      placeholder={`${p.default} (default)`} onChange={onChange} />;
  }
  const current = typeof value === 'string' ? value : '';
  return (
    <Labelled prefix={prefix} text={p.name} errors={errors}>
      {(props) => (
        <select {...props} className={inputClass} disabled={disabled} value={current}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
          <option value="">{p.default} (default)</option>
          {p.options.map((o) => <option key={o} value={o}>{o}</option>)}
          {value !== undefined && !p.options.includes(current) && <option value={current}>{JSON.stringify(value)} (invalid)</option>}
        </select>
      )}
    </Labelled>
  );
}

const NUMBER = /^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;
const show = (v: Json | undefined) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/**
 * A number typed as text (so "0." or "-" can be on the way to a number); the JSON gets it once it is one. Emptied and
 * left, it means "the default" (the key is left out); a required value gets its number back. (Clearing to retype keeps
 * the key where it was in the JSON.)
 */
function NumberInput({ prefix, text, value, errors, disabled, placeholder, required, onChange }:
  { prefix: string; text: string; value: Json | undefined; errors?: string[]; disabled: boolean; placeholder?: string;
    required?: boolean; onChange: (v: number | undefined) => void }) {
  const [draft, setDraft] = useState(show(value));
  const [seen, setSeen] = useState(value);
  if (value !== seen) {   // the JSON changed elsewhere (the other view, a move): show it unless the draft already says so
    setSeen(value);
    if (!(NUMBER.test(draft) && Number(draft) === value)) setDraft(show(value));
  }
  const local = draft.trim() === '' ? (required ? 'enter a number' : undefined)
    : !NUMBER.test(draft) || (typeof value !== 'number' && draft === show(value)) ? 'must be a number' : undefined;
  const shown = local ? [local, ...(errors ?? [])] : errors;
  return (
    <Labelled prefix={prefix} text={text} errors={shown}>
      {(props) => (
        <input {...props} type="text" inputMode="decimal" autoComplete="off" className={`${inputClass} tabular-nums`}
          value={draft} placeholder={placeholder} disabled={disabled}
          onChange={(e) => {
            const t = e.target.value;
            setDraft(t);
            if (NUMBER.test(t)) onChange(Number(t));
          }}
          onBlur={() => {
            if (draft.trim() !== '') return;
            if (required) setDraft(show(value));
            else if (value !== undefined) onChange(undefined);
          }} />
      )}
    </Labelled>
  );
}

type ControlProps = { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string };

/** A control with a label whose hidden prefix names its place ("Entry condition 1 left ") and its errors beside it. */
function Labelled({ prefix, text, errors, className = '', children }:
  { prefix: string; text: string; errors?: string[]; className?: string; children: (props: ControlProps) => ReactNode }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-xs font-medium text-slate-600 dark:text-slate-300">
        <span className="sr-only">{prefix}</span>{text}
      </label>
      {children({ id, 'aria-invalid': !!errors, 'aria-describedby': errors ? errorId : undefined })}
      {errors && <p id={errorId} className="text-xs text-red-600 dark:text-red-400">{errors.join('; ')}</p>}
    </div>
  );
}

