// Exact decimal arithmetic on strings for prices and quantities the user sees and sends.
// Binary floating point would turn 64210.5 * 0.98 into 62926.289999999..., so we scale to BigInt instead.

interface Scaled {
  units: bigint; // value * 10^scale
  scale: number;
}

const DECIMAL = /^\s*([+-])?(\d*)(?:\.(\d*))?\s*$/;

export function isDecimal(text: string | null | undefined): boolean {
  if (text == null) return false;
  const m = DECIMAL.exec(text);
  return m != null && ((m[2] ?? '') + (m[3] ?? '')).length > 0;
}

function parse(text: string): Scaled {
  const m = DECIMAL.exec(text);
  if (!m || ((m[2] ?? '') + (m[3] ?? '')).length === 0) throw new Error(`not a decimal: "${text}"`);
  const frac = m[3] ?? '';
  const units = BigInt((m[2] || '0') + frac) * (m[1] === '-' ? -1n : 1n);
  return { units, scale: frac.length };
}

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

function format(value: Scaled): string {
  const negative = value.units < 0n;
  const digits = (negative ? -value.units : value.units).toString().padStart(value.scale + 1, '0');
  const whole = digits.slice(0, digits.length - value.scale);
  const frac = digits.slice(digits.length - value.scale);
  const body = value.scale > 0 ? `${whole}.${frac}` : whole;
  return negative && value.units !== 0n ? `-${body}` : body;
}

/** Rounds half away from zero to exactly `decimals` places (the way exchanges and the server show prices). */
function rescale(value: Scaled, decimals: number): Scaled {
  if (decimals >= value.scale) {
    return { units: value.units * pow10(decimals - value.scale), scale: decimals };
  }
  const divisor = pow10(value.scale - decimals);
  const negative = value.units < 0n;
  const abs = negative ? -value.units : value.units;
  let q = abs / divisor;
  if ((abs % divisor) * 2n >= divisor) q += 1n;
  return { units: negative ? -q : q, scale: decimals };
}

/** Number of digits after the decimal point as written: "64210.50" -> 2, "3" -> 0. */
export function decimalsOf(text: string): number {
  return parse(text).scale;
}

/** The input `step` for a number of decimals: 2 -> "0.01", 0 -> "1". */
export function stepFor(decimals: number): string {
  return decimals <= 0 ? '1' : `0.${'0'.repeat(decimals - 1)}1`;
}

export function round(text: string, decimals: number): string {
  return format(rescale(parse(text), decimals));
}

export function add(a: string, b: string): string {
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.scale, y.scale);
  return format({ units: rescale(x, scale).units + rescale(y, scale).units, scale });
}

/** a * b rounded to `decimals` places. */
export function multiply(a: string, b: string, decimals: number): string {
  const x = parse(a);
  const y = parse(b);
  return format(rescale({ units: x.units * y.units, scale: x.scale + y.scale }, decimals));
}

export function compare(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.scale, y.scale);
  const d = rescale(x, scale).units - rescale(y, scale).units;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** a / b truncated toward zero to `decimals` places (what a quantity that must stay affordable wants). */
export function divide(a: string, b: string, decimals: number): string {
  const x = parse(a);
  const y = parse(b);
  if (y.units === 0n) throw new Error('division by zero');
  // a/b * 10^d = (x.units * 10^(y.scale + d)) / (y.units * 10^x.scale)
  const num = x.units * pow10(y.scale + decimals);
  const den = y.units * pow10(x.scale);
  return format({ units: num / den, scale: decimals });
}

/** The multiple of `step` at or toward zero from `value` ("0.0015678", "0.00001" -> "0.00156"). */
export function floorToStep(value: string, step: string): string {
  const x = parse(value);
  const s = parse(step);
  if (s.units <= 0n) throw new Error(`not a positive step: "${step}"`);
  const scale = Math.max(x.scale, s.scale);
  const v = rescale(x, scale).units;
  const st = rescale(s, scale).units;
  return format(rescale({ units: (v / st) * st, scale }, s.scale));
}

/** The nearest multiple of `step` (half away from zero), written with the step's decimals. */
export function roundToStep(value: string, step: string): string {
  const x = parse(value);
  const s = parse(step);
  if (s.units <= 0n) throw new Error(`not a positive step: "${step}"`);
  const scale = Math.max(x.scale, s.scale);
  const v = rescale(x, scale).units;
  const st = rescale(s, scale).units;
  const negative = v < 0n;
  const abs = negative ? -v : v;
  let q = abs / st;
  if ((abs % st) * 2n >= st) q += 1n;
  return format(rescale({ units: (negative ? -q : q) * st, scale }, s.scale));
}
