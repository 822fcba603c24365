// Asks for a code of the authenticator app when the server says an action needs one (403 TOTP_REQUIRED), e.g.
// starting a LIVE bot from its card while the user's settings require two-factor authentication for LIVE trading.
import { useRef, useState } from 'react';
import { needsCode } from '../api/twoFactor';
import { ConfirmDialog, inputClass } from './ui';

/** `run(request)`: tries without a code; on TOTP_REQUIRED shows `dialog` and retries with the code typed. */
export function useCodePrompt(what: string) {
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const answer = useRef<((code: string | null) => void) | null>(null);

  function ask(): Promise<string | null> {
    setCode('');
    setOpen(true);
    return new Promise((resolve) => { answer.current = resolve; });
  }

  function close(value: string | null) {
    setOpen(false);
    answer.current?.(value);
    answer.current = null;
  }

  async function run<T>(request: (otp?: string) => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (err) {
      if (!needsCode(err)) throw err;
      const typed = await ask();
      if (!typed) throw new Error('Canceled: no authenticator code was given.');
      return request(typed);
    }
  }

  const dialog = (
    <ConfirmDialog open={open} title="Authenticator code" safe variant="primary" confirm="Confirm"
      onCancel={() => close(null)} onConfirm={() => close(code.trim() || null)}
      text={`Your two-factor settings require a code of your authenticator app to ${what}.`}>
      <label htmlFor="code-prompt" className="mt-3 block text-sm font-medium">Code</label>
      <input id="code-prompt" className={`${inputClass} font-mono`} inputMode="numeric" autoComplete="one-time-code"
        maxLength={7} value={code} onChange={(e) => setCode(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Enter') close(code.trim() || null); }} />
    </ConfirmDialog>
  );
  return { run, dialog };
}
