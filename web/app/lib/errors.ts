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
  /** Strategy parameters, from `config.<param>` fields (`params.<param>` for backtests). */
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
      if (knownParams.includes(param)) {
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
