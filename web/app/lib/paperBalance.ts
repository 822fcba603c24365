// The quote balance the bot form's "% of available balance" buttons size from.
import type { Balance, Bot, Exchange } from '../api/types';
import { add, isDecimal } from './decimal';
import { group } from './money';

/** `botfleet.paper.quote-balance`'s default, for servers whose GET /exchanges has no `paperQuoteBalance`. */
export const PAPER_QUOTE_BALANCE = '10000';

interface BalanceInput {
  paper: boolean;
  editingPaper: boolean;
  bot?: Bot;
  venue?: Exchange;
  quote: string;
  /** GET /bots/{id}/balances; null: the server has no such endpoint; undefined: not asked (yet). */
  balances: Balance[] | null | undefined;
  loading: boolean;
}

/**
 * The quote balance the "% of available balance" buttons size from: an edited paper bot's own available balance
 * (GET /bots/{id}/balances), a new paper account's start (`paperQuoteBalance` of GET /exchanges), and on servers
 * without those the configured default (plus the bot's PnL). LIVE bots: see liveBalance.
 */
export function paperBalance({ paper, editingPaper, bot, venue, quote, balances, loading }: BalanceInput): { balance: string | null; balanceNote: string } {
  if (!paper) return { balance: null, balanceNote: 'Live balances are not available from the server: size the order by hand.' };
  const start = venue?.paperQuoteBalance && isDecimal(venue.paperQuoteBalance) ? venue.paperQuoteBalance : null;
  const startText = group(start ?? PAPER_QUOTE_BALANCE);
  if (editingPaper) {
    if (loading) return { balance: null, balanceNote: 'Loading this bot\'s balance…' };
    const own = balances?.find((b) => b.asset === quote);
    if (own && isDecimal(own.available)) return { balance: own.available, balanceNote: 'this bot\'s paper account, what its open orders do not hold' };
    if (balances == null && bot?.pnl && isDecimal(bot.pnl)) {
      return { balance: add(start ?? PAPER_QUOTE_BALANCE, bot.pnl), balanceNote: `paper account: ${startText} start plus this bot's PnL` };
    }
  }
  return { balance: start ?? PAPER_QUOTE_BALANCE, balanceNote: `a new paper account starts with ${startText}` };
}

interface LiveInput {
  venue: string;
  quote: string;
  keyChosen: boolean;
  /** GET /credentials/{id}/balances' balances; undefined while not (yet) known. */
  balances: Balance[] | undefined;
  loading: boolean;
  failed: boolean;
}

/** A LIVE bot sizes from what the venue says its key's account has available in the quote asset. */
export function liveBalance({ venue, quote, keyChosen, balances, loading, failed }: LiveInput): { balance: string | null; balanceNote: string } {
  if (!keyChosen) return { balance: null, balanceNote: 'Choose an API key to size from its account on the exchange.' };
  if (failed) return { balance: null, balanceNote: `${venue} did not give the key's balance: size the order by hand.` };
  if (loading || !balances) return { balance: null, balanceNote: `Asking ${venue} for the key's balance…` };
  const own = balances.find((b) => b.asset === quote);
  if (own && isDecimal(own.available)) return { balance: own.available, balanceNote: `the key's ${venue} account, shared with its other bots` };
  return { balance: '0', balanceNote: `the key's ${venue} account holds no ${quote}` };
}
