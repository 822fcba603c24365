// Turns a strategy definition into form values and back into the config the API expects.
import type { ParameterDefinition } from '../api/types';

export type FormValue = string | boolean;
export type FormValues = Record<string, FormValue>;

/** The definition's default; the server's JSON calls it `default` (older builds: `defaultValue`). */
export function defaultOf(p: ParameterDefinition): unknown {
  const raw = p as ParameterDefinition & { defaultValue?: unknown };
  return raw.default !== undefined ? raw.default : raw.defaultValue;
}

export function toFormValue(p: ParameterDefinition, value: unknown): FormValue {
  if (p.type === 'BOOLEAN') return value === true || value === 'true';
  if (value === undefined || value === null) return '';
  if (p.type === 'JSON') return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return String(value);
}

export function initialValues(params: ParameterDefinition[], config?: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const p of params) {
    const v = config && p.name in config ? config[p.name] : defaultOf(p);
    values[p.name] = p.type === 'ENUM' && (v === undefined || v === null) && p.options?.length
      ? p.options[0] : toFormValue(p, v);
  }
  return values;
}

/**
 * Builds the config object. Decimals stay strings (exact); integers become numbers; an empty optional field is
 * left out so the server applies its default. Returns the fields the browser itself cannot encode (bad JSON).
 */
export function toConfig(params: ParameterDefinition[], values: FormValues):
  { config: Record<string, unknown>; errors: Record<string, string> } {
  const config: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const p of params) {
    const v = values[p.name];
    if (p.type === 'BOOLEAN') {
      config[p.name] = v === true;
      continue;
    }
    const text = typeof v === 'string' ? v.trim() : '';
    if (text === '') continue;
    if (p.type === 'INTEGER' && /^-?\d+$/.test(text)) config[p.name] = Number(text);
    else if (p.type === 'JSON') {
      try {
        config[p.name] = JSON.parse(text);
      } catch {
        errors[p.name] = 'is not valid JSON';
      }
    } else config[p.name] = text; // the server names a malformed number precisely
  }
  return { config, errors };
}

/** "must be > 0 and <= 50" style range hint from the definition. */
export function rangeText(p: ParameterDefinition): string {
  const parts: string[] = [];
  if (p.min != null) parts.push(`${p.exclusiveMin ? '>' : '≥'} ${p.min}`);
  if (p.max != null) parts.push(`≤ ${p.max}`);
  return parts.join(' and ');
}

/** camelCase or snake_case parameter name as a label: buyPrice, buy_price -> "Buy price". */
export function labelOf(name: string): string {
  const words = name.replace(/_/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
