// The strategy's parameter form, generated from its definition. Prices (unit "quote", named *Price) get % buttons and the LTP's
// precision; a parameter named "quantity" gets the quantity buttons.
import type { ReactNode } from 'react';
import type { ParameterDefinition } from '../api/types';
import { defaultOf, labelOf, rangeText, type FormValue, type FormValues } from '../lib/params';
import { adjustByPercent, formatPercent, PERCENT_STEPS, QUANTITY_STEPS } from '../lib/pricing';
import { add, compare, isDecimal, stepFor } from '../lib/decimal';
import { errorOf, errorsOf } from '../lib/errors';
import { isRulesDefinition, RULE_PARAMS } from '../lib/rules';
import { QuantityControls, type Sizing } from './QuantityControls';
import { RuleEditor } from './RuleEditor';
import { StepButtons } from './StepButtons';
import { Field, inputClass } from './ui';

interface Props {
  parameters: ParameterDefinition[];
  values: FormValues;
  errors: Record<string, string>;
  onChange: (name: string, value: FormValue) => void;
  /** Decimals of prices on this market (the instrument's tick). */
  priceDecimals: number;
  /** The instrument, price and balance the quantity buttons size orders with (absent: plain unit steps). */
  sizing?: Sizing;
  /** A line of advice under a parameter, by name (e.g. what firstOrder SELL means on a perpetual). */
  hints?: Record<string, string>;
  /** The bot is running: only live-editable parameters can change, the others are shown disabled. */
  running?: boolean;
  /** A strategy's own control for a parameter, by parameter name (e.g. ml-signal's model select), inside the usual field. */
  controls?: ParameterControls;
}

/** What a custom control gets: it renders the element labelled by the field (`id`) and reports text values. */
export interface ControlProps {
  id: string;
  p: ParameterDefinition;
  value: string;
  invalid: boolean;
  describedBy?: string;
  label: string;
  onChange: (value: string) => void;
}
export type ParameterControls = Record<string, (props: ControlProps) => ReactNode>;

export const fieldId = (name: string) => `param-${name}`;

export function ParameterForm({ parameters, values, errors, onChange, priceDecimals, sizing, hints, running, controls }: Props) {
  const rules = isRulesDefinition(parameters);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {parameters.map((p) => (
        // a disabled fieldset disables every control inside it (inputs, step buttons, the rule editor)
        <fieldset key={p.name} disabled={running && !p.liveEditable} data-testid={`param-box-${p.name}`}
          className={`min-w-0 ${isPrice(p) || p.type === 'JSON' || p.name === 'quantity' ? 'sm:col-span-2' : ''}`}>
          {rules && RULE_PARAMS.includes(p.name) ? (
            <RuleEditor param={p.name} title={labelOf(p.name)} description={p.description} required={p.required}
              hasDefault={defaultOf(p) != null}
              text={typeof values[p.name] === 'string' ? values[p.name] as string : ''} errors={errorsOf(errors, p.name)}
              onChange={(v) => onChange(p.name, v)} />
          ) : (
            <ParameterField p={p} value={values[p.name]} error={errorOf(errors, p.name)} priceDecimals={priceDecimals}
              sizing={sizing} onChange={(v) => onChange(p.name, v)} custom={controls?.[p.name]} />
          )}
          {hints?.[p.name] && <ParameterHint name={p.name} text={hints[p.name]} />}
          {running && !p.liveEditable && <p className="mt-1 text-xs text-slate-500">Stop the bot to change</p>}
        </fieldset>
      ))}
    </div>
  );
}

function ParameterHint({ name, text }: { name: string; text: string }) {
  return (
    <p className="mt-1 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100" data-testid={`hint-${name}`}>
      {text}
    </p>
  );
}

/** A limit price (buyPrice, upperPrice...), not an amount of money that is also in the quote currency. */
function isPrice(p: ParameterDefinition) {
  return p.type === 'DECIMAL' && p.unit === 'quote' && /price$/i.test(p.name);
}

function help(p: ParameterDefinition): string {
  const range = rangeText(p);
  return [p.description, range && `Allowed: ${range}${p.unit && p.unit !== 'quote' && p.unit !== 'base' ? ` ${p.unit}` : ''}`]
    .filter(Boolean).join(' ');
}

function ParameterField({ p, value, error, onChange, priceDecimals, sizing, custom: Custom }:
  { p: ParameterDefinition; value: FormValue | undefined; error?: string; onChange: (v: FormValue) => void; priceDecimals: number; sizing?: Sizing;
    custom?: ParameterControls[string] }) {
  const id = fieldId(p.name);
  const label = `${labelOf(p.name)}${p.required ? ' *' : ''}${p.unit && p.unit !== '%' ? ` (${p.unit})` : p.unit === '%' ? ' (%)' : ''}`;
  const common = { id, 'aria-invalid': !!error, 'aria-describedby': error ? `${id}-error` : undefined };
  const text = typeof value === 'string' ? value : '';

  if (p.type === 'BOOLEAN') {
    return (
      <div className="flex flex-col gap-1">
        <label className="flex items-center gap-2 text-sm font-medium" htmlFor={id}>
          <input type="checkbox" {...common} checked={value === true} onChange={(e) => onChange(e.target.checked)}
            className="h-4 w-4 accent-indigo-600" />
          {labelOf(p.name)}
        </label>
        {error && <p className="text-xs text-red-600" id={`${id}-error`} data-field-error={id}>{error}</p>}
        {p.description && <p className="text-xs text-slate-500">{p.description}</p>}
      </div>
    );
  }

  let control;
  if (Custom) {
    control = <Custom id={id} p={p} value={text} invalid={!!error} describedBy={common['aria-describedby']} label={labelOf(p.name)} onChange={onChange} />;
  } else if (p.type === 'ENUM') {
    control = (
      <select {...common} className={inputClass} value={text} onChange={(e) => onChange(e.target.value)}>
        {(p.options ?? []).map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    );
  } else if (p.type === 'JSON') {
    control = <textarea {...common} rows={4} className={`${inputClass} font-mono`} value={text} onChange={(e) => onChange(e.target.value)} />;
  } else if (p.type === 'STRING') {
    control = <input {...common} type="text" className={inputClass} value={text} onChange={(e) => onChange(e.target.value)} />;
  } else {
    const step = isPrice(p) ? stepFor(priceDecimals) : p.type === 'INTEGER' ? '1' : p.step != null ? String(p.step) : 'any';
    control = (
      <input {...common} type="number" inputMode="decimal" step={step} className={`${inputClass} tabular-nums`}
        min={p.min != null ? String(p.min) : undefined} max={p.max != null ? String(p.max) : undefined}
        value={text} onChange={(e) => onChange(e.target.value)} />
    );
  }

  return (
    <Field label={label} htmlFor={id} help={help(p)} error={error}>
      {control}
      {isPrice(p) && (
        <StepButtons label={labelOf(p.name)} steps={PERCENT_STEPS.map((s) => ({ key: s, text: formatPercent(s), down: s < 0 }))}
          onStep={(s) => onChange(adjustByPercent(text, s, priceDecimals))} disabled={text === ''} />
      )}
      {p.name === 'quantity' && p.type === 'DECIMAL' && (sizing
        ? <QuantityControls value={text} onChange={onChange} sizing={sizing} />
        : <StepButtons label="Quantity" steps={QUANTITY_STEPS.map((s) => ({ key: s, text: s > 0 ? `+${s}` : String(s), down: s < 0 }))}
            onStep={(s) => onChange(plusUnits(text, s))} />
      )}
    </Field>
  );
}

/** Whole units up or down (no instrument known), never below zero. */
function plusUnits(text: string, delta: number): string {
  const next = add(isDecimal(text) ? text : '0', String(delta));
  return compare(next, '0') < 0 ? '0' : next;
}
