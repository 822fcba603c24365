// The last word before a LIVE DEX bot is created, like the exchange bot form's LiveConfirmDialog: what the bot spends,
// with which wallet, on which network; Cancel is focused and creates nothing. When the user's settings require a
// two-factor code for LIVE trading, the code is asked here and sent in X-Botfleet-OTP.
import { useState } from 'react';
import { LiveCodeField } from '../LiveCodeField';
import { useTwoFactor } from '../../api/twoFactor';
import { ConfirmDialog } from '../ui';
import { useDexNetworks } from './dexApi';
import { useWalletKeys } from './walletApi';
import { walletOption } from './DexModeField';

/** What the dialog shows: the bot as the form is about to send it. */
export interface DexLivePlan {
  name: string; network: string; walletKeyId: string; orderAmount: string; maxPositionAmount: string;
  intervalMinutes: string; quoteToken: string; quoteSymbol: string | null; baseToken: string; baseSymbol: string | null;
}

const short = (address: string) => (address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address);

export function DexLiveConfirmDialog({ plan, onConfirm, onCancel }:
  { plan: DexLivePlan | null; onConfirm: (otp?: string) => void; onCancel: () => void }) {
  const wallets = useWalletKeys();
  const networks = useDexNetworks();
  const codeNeeded = useTwoFactor(plan != null).data?.requireForLive === true;
  const [code, setCode] = useState('');
  if (!plan) return null;
  const wallet = wallets.data?.find((w) => w.id === plan.walletKeyId);
  const network = networks.data?.find((n) => n.name === plan.network);
  const quote = plan.quoteSymbol ?? `of the quote token ${short(plan.quoteToken)}`;
  const base = plan.baseSymbol ?? short(plan.baseToken);
  return (
    <ConfirmDialog open title="Swap with real funds?" safe confirm="Create LIVE DEX bot"
      onCancel={() => { setCode(''); onCancel(); }}
      onConfirm={() => { const otp = codeNeeded ? code.trim() : undefined; setCode(''); onConfirm(otp); }}
      text={(
        <div data-testid="dex-live-confirm">
          <p>
            <strong>{plan.name}</strong> will sign and broadcast real swaps on <strong>{plan.network}</strong>
            {network ? ` (chain ${network.chainId})` : ''} with the wallet{' '}
            <strong>{wallet ? walletOption(wallet) : plan.walletKeyId}</strong>.
          </p>
          <p className="mt-2" data-testid="dex-live-spend">
            It buys {base} for <strong>{plan.orderAmount} {quote}</strong> every {plan.intervalMinutes} minutes, up to{' '}
            <strong>{plan.maxPositionAmount} {quote}</strong> in the position, and pays the gas of every approval and
            swap in the network's native asset.
          </p>
          <p className="mt-2 font-semibold text-red-700 dark:text-red-400">
            Real funds are at stake: a mined swap cannot be undone, losses are yours.
          </p>
        </div>
      )}>
      {codeNeeded && <LiveCodeField id="dex-live-otp" code={code} onChange={setCode} />}
    </ConfirmDialog>
  );
}
