// The authenticator code a LIVE confirmation asks for when the user's settings require one (exchange and DEX bots).
import { inputClass } from './ui';

export function LiveCodeField({ id, code, onChange }: { id: string; code: string; onChange: (code: string) => void }) {
  return (
    <div className="mt-3 flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">Authenticator code</label>
      <input id={id} className={`${inputClass} font-mono`} inputMode="numeric" autoComplete="one-time-code"
        maxLength={7} value={code} onChange={(e) => onChange(e.target.value)} />
      <p className="text-xs text-slate-500">Your settings require a code of your authenticator app for LIVE trading.</p>
    </div>
  );
}
