// New paper DEX bot (docs/dex.md "DEX bots in botfleet").
import { DexBotForm } from '../components/dex/DexBotForm';

export function DexBotPage() {
  return (
    <div className="flex max-w-xl flex-col gap-4">
      <h1 className="text-xl font-semibold">New DEX bot (paper)</h1>
      <DexBotForm />
    </div>
  );
}
