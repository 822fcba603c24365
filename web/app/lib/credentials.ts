// Exchange keys: the venue's refusal goes under the API key field in the venue's own words; zero balances hide.
import type { Balance } from '../api/types';
import { compare, isDecimal } from './decimal';
import { mapProblem, type Problem } from './errors';

export const KEY_FIELDS = ['exchange', 'label', 'apiKey', 'apiSecret', 'testnet'] as const;

export interface KeyErrors { fields: Record<string, string>; general: string[] }

/**
 * A refused POST /credentials as form errors. VENUE_REFUSED_KEY names `apiKey`; its `detail` is what the venue said,
 * so it is shown under the field too when the field's message does not already carry it.
 */
export function keyErrors(problem: Problem | null | undefined, venue: string): KeyErrors {
  const { fields, general } = mapProblem(problem, KEY_FIELDS, []);
  if (problem?.code === 'VENUE_REFUSED_KEY') {
    const words = problem.detail?.trim();
    const message = fields.apiKey;
    if (!message && words) {
      return { fields: { ...fields, apiKey: words }, general: general.filter((g) => g !== problem.detail) };
    }
    if (message && words && !words.includes(message) && !message.includes(words)) {
      return { fields: { ...fields, apiKey: `${message} (${venue} said: ${words})` }, general };
    }
  }
  return { fields, general };
}

export const isZero = (b: Balance): boolean => isDecimal(b.total) && compare(b.total, '0') === 0
  && (!isDecimal(b.available) || compare(b.available, '0') === 0);
