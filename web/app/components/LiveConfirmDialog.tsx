// The last word before a LIVE bot is saved: it names the venue, the market and the key, and Cancel is focused.
import { useState } from 'react';
import { LiveCodeField } from './LiveCodeField';
import { useTwoFactor } from '../api/twoFactor';
import type { BotInput, Exchange } from '../api/types';
import { formatLeverage } from '../lib/perpetual';
import { useExchangeKeys } from './LiveKeyField';
import { ConfirmDialog } from './ui';

export function LiveConfirmDialog({ input, venue, editing, onConfirm, onCancel }:
  { input: BotInput | null; venue: Exchange | undefined; editing: boolean; onConfirm: (input: BotInput, otp?: string) => void; onCancel: () => void }) {
  const { keys } = useExchangeKeys(input?.exchange ?? '', input != null);
  // the user's two-factor settings may require a code of the authenticator app for LIVE trading
  const codeNeeded = useTwoFactor(input != null).data?.requireForLive === true;
  const [code, setCode] = useState('');
  if (!input) return null;
  const key = keys?.find((c) => c.id === input.credentialId);
  const venueName = venue?.name ?? input.exchange;
  const keyName = key ? `${key.label} (${key.apiKeyMasked})` : 'the chosen key';
  return (
    <ConfirmDialog open title="Trade with real money?" safe confirm={editing ? 'Save live bot' : 'Create live bot'}
      onCancel={() => { setCode(''); onCancel(); }}
      onConfirm={() => { const otp = codeNeeded ? code.trim() : undefined; setCode(''); onConfirm(input, otp); }}
      text={(
        <>
          <p>
            <strong>{input.name}</strong> will place real orders on <strong>{venueName}</strong>
            {key?.testnet ? '’s testnet' : ''} for <strong>{input.symbol}</strong> with the key <strong>{keyName}</strong>.
          </p>
          {input.marginMode && (
            <p className="mt-2" data-testid="live-leverage">
              A perpetual at <strong>{formatLeverage(input.leverage ?? '1')}</strong> leverage, <strong>{input.marginMode === 'CROSS' ? 'cross' : 'isolated'}</strong> margin:
              {input.marginMode === 'CROSS' ? ' a liquidation can take the whole account.' : ' a liquidation takes this bot\'s margin.'}
            </p>
          )}
          <p className="mt-2 font-semibold text-red-700 dark:text-red-400">
            {key?.testnet ? 'A testnet key trades test funds, but the orders are real orders on the testnet.'
              : 'Real money is at stake: fills cannot be undone, losses are yours.'}
          </p>
        </>
      )}>
      {codeNeeded && <LiveCodeField id="live-otp" code={code} onChange={setCode} />}
    </ConfirmDialog>
  );
}
