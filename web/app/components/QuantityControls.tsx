// The quantity field's helpers: buttons that step by the instrument's lot size scaled to the price, "% of available
// balance" buttons, and what the order costs in quote.
import { compare, divide, isDecimal, multiply } from '../lib/decimal';
import { formatLeverage } from '../lib/perpetual';
import { amount, currencyDecimals, formatPrice, formatQuote, group, stepDecimals, type Market } from '../lib/money';
import {
  BALANCE_SHARES, orderCost, QUANTITY_STEPS, quantityForBalance, quantityUnit, stepQuantity, trimZeros,
} from '../lib/pricing';
import { StepButtons } from './StepButtons';

/** What sizing an order needs to know; `balance` is null when it is not known (live bots). */
export interface Sizing {
  market: Market & { lotSize: string };
  /** The price the order would trade at (the buy price, else the last price). */
  price: string | null;
  feeRate: string;
  balance: string | null;
  /** Where the balance comes from, shown under the buttons. */
  balanceNote: string;
  /** A perpetual's leverage: the order then needs its value ÷ leverage as margin (absent: spot). */
  leverage?: string;
}

export function QuantityControls({ value, onChange, sizing }: { value: string; onChange: (v: string) => void; sizing: Sizing }) {
  const { market, price, feeRate, balance, balanceNote, leverage } = sizing;
  const unit = quantityUnit(market.lotSize, price, market.minNotional);
  const unitDecimals = stepDecimals(unit) ?? 0;
  const cost = price && isDecimal(price) ? orderCost(value, price, feeRate, currencyDecimals(market.quote, stepDecimals(market.tickSize))) : null;
  const canSize = balance != null && !!price && isDecimal(price);
  const margin = cost && leverage && isDecimal(leverage) && compare(leverage, '0') > 0
    ? divide(cost.value, leverage, currencyDecimals(market.quote, stepDecimals(market.tickSize))) : null;

  return (
    <div className="flex flex-col gap-1" data-testid="quantity-controls">
      <StepButtons label="Quantity" onStep={(s) => onChange(stepQuantity(value, s, unit, market.lotSize))}
        steps={QUANTITY_STEPS.map((s) => {
          const text = group(trimZeros(multiply(String(Math.abs(s)), unit, unitDecimals), 0));
          return { key: s, text: `${s > 0 ? '+' : '-'}${text}`, down: s < 0 };
        })} />
      <div className="flex flex-wrap items-center gap-1" role="group" aria-label="Size by available balance">
        <span className="text-xs text-slate-500">Of available balance:</span>
        {BALANCE_SHARES.map((share) => (
          <button key={share} type="button" disabled={!canSize} aria-label={`${share}% of available balance`}
            onClick={() => onChange(quantityForBalance(balance!, share, price!, market.lotSize, feeRate))}
            className="min-w-11 rounded bg-indigo-100 px-2 py-1 text-xs font-semibold text-indigo-800 hover:bg-indigo-200 disabled:opacity-40 dark:bg-indigo-950 dark:text-indigo-200">
            {share}%
          </button>
        ))}
      </div>
      <p className="text-xs text-slate-500">
        {balance != null ? `Available: ${amount(balance, currencyDecimals(market.quote, stepDecimals(market.tickSize)), market.quote)} (${balanceNote})` : balanceNote}
      </p>
      <p className="text-sm" data-testid="order-cost">
        {cost ? <>Order value <b className="tabular-nums">{formatQuote(cost.value, market)}</b> + fee <span className="tabular-nums">{formatQuote(cost.fee, market)}</span>
          <span className="text-xs text-slate-500"> at {formatPrice(price, market)}</span>
          {margin && <span data-testid="order-margin"> · margin <b className="tabular-nums">{formatQuote(margin, market)}</b> at {formatLeverage(leverage)}</span>}</>
          : <span className="text-slate-500">Order value: enter a quantity{price ? '' : ' and a price'}.</span>}
      </p>
    </div>
  );
}
