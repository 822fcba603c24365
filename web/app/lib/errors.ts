// Maps the API's problem details (RFC 9457) onto form fields.

export interface FieldError {
  field: string;
  message: string;
  rejectedValue?: unknown;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

export interface FormErrors {
  /** Top-level bot fields: name, exchange, symbol, strategy, mode. */
  fields: Record<string, string>;
  /**
   * Strategy parameters, from `config.<param>` fields (`params.<param>` for backtests). A path inside a JSON parameter
   * keeps its path as key (`entry.all[0].left.period`); see errorsOf / errorOf.
   */
  config: Record<string, string>;
  /** What no field can show: the problem's detail when it names no field, or errors about unknown fields. */
  general: string[];
}

export const CONFIG_PREFIX = 'config.';

/**
 * Splits the problem's field errors into top-level fields and strategy parameters. A field the form does not show
 * is not dropped: it lands in `general`, so the user always sees why the server said no.
 */
export function mapProblem(problem: Problem | null | undefined, knownFields: readonly string[],
                           knownParams: readonly string[], paramPrefix = CONFIG_PREFIX): FormErrors {
  const result: FormErrors = { fields: {}, config: {}, general: [] };
  if (!problem) return result;
  for (const e of problem.errors ?? []) {
    const field = e.field ?? '';
    if (field.startsWith(paramPrefix)) {
      const param = field.slice(paramPrefix.length);
      // a path inside a JSON parameter (config.entry.all[0].op) stays whole: the parameter's editor places it
      if (knownParams.includes(param) || knownParams.includes(param.split(/[.[]/)[0])) {
        append(result.config, param, e.message);
        continue;
      }
    } else if (knownFields.includes(field)) {
      append(result.fields, field, e.message);
      continue;
    }
    result.general.push(field ? `${field}: ${e.message}` : e.message);
  }
  if ((problem.errors ?? []).length === 0) {
    result.general.push(problem.detail || problem.title || 'The request failed.');
  }
  return result;
}

function append(target: Record<string, string>, key: string, message: string) {
  target[key] = target[key] ? `${target[key]}; ${message}` : message;
}

export function hasErrors(errors: FormErrors): boolean {
  return Object.keys(errors.fields).length > 0 || Object.keys(errors.config).length > 0 || errors.general.length > 0;
}

/** The errors of one parameter: its own (key = name) and those at paths inside it (name.x, name[0]...). */
export function errorsOf(config: Record<string, string>, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(config)) {
    if (key === name || key.startsWith(`${name}.`) || key.startsWith(`${name}[`)) out[key] = message;
  }
  return out;
}

/** One text for a parameter's field: its own error, then those inside it with their path (`[0].amountPercent: ...`). */
export function errorOf(config: Record<string, string>, name: string): string | undefined {
  const parts = Object.entries(errorsOf(config, name))
    .map(([key, message]) => (key === name ? message : `${key.slice(name.length).replace(/^\./, '')}: ${message}`));
  return parts.length > 0 ? parts.join('; ') : undefined;
}
