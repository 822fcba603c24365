import { describe, expect, it } from 'vitest';
import { isZero, keyErrors } from './credentials';

describe('key errors', () => {
  it('puts the venue\'s words under the API key field', () => {
    const refused = { status: 400, code: 'VENUE_REFUSED_KEY', detail: 'Invalid API-key, IP, or permissions for action.',
      errors: [{ field: 'apiKey', message: 'Invalid API-key, IP, or permissions for action.' }] };
    expect(keyErrors(refused, 'Binance')).toEqual({ fields: { apiKey: 'Invalid API-key, IP, or permissions for action.' }, general: [] });
  });

  it('adds the venue\'s detail when the field message is the server\'s own', () => {
    const refused = { status: 400, code: 'VENUE_REFUSED_KEY', detail: 'API key is invalid.',
      errors: [{ field: 'apiKey', message: 'the exchange refused this key' }] };
    expect(keyErrors(refused, 'Bybit').fields.apiKey).toBe('the exchange refused this key (Bybit said: API key is invalid.)');
    expect(keyErrors({ status: 400, code: 'VENUE_REFUSED_KEY', detail: 'API key is invalid.' }, 'Bybit'))
      .toEqual({ fields: { apiKey: 'API key is invalid.' }, general: [] });
  });

  it('keeps an unreachable venue as a general error', () => {
    expect(keyErrors({ status: 502, code: 'VENUE_UNAVAILABLE', detail: 'Binance did not answer in 10 s' }, 'Binance'))
      .toEqual({ fields: {}, general: ['Binance did not answer in 10 s'] });
  });

  it('treats only empty balances as zero', () => {
    expect(isZero({ asset: 'BTC', total: '0.00000000', available: '0' })).toBe(true);
    expect(isZero({ asset: 'BTC', total: '0.00000001', available: '0' })).toBe(false);
  });
});
