/** A row of small +/- buttons (price % steps, quantity steps). */
export function StepButtons({ label, steps, onStep, disabled }:
  { label: string; steps: { key: number; text: string; down: boolean }[]; onStep: (step: number) => void; disabled?: boolean }) {
  return (
    <div className="flex flex-wrap gap-1" role="group" aria-label={`${label} adjustments`}>
      {steps.map((s) => (
        <button key={s.key} type="button" disabled={disabled} onClick={() => onStep(s.key)}
          aria-label={`${label} ${s.text}`}
          className={`min-w-11 rounded px-2 py-1 text-xs font-semibold tabular-nums disabled:opacity-40 ${s.down
            ? 'bg-red-100 text-red-800 hover:bg-red-200 dark:bg-red-950 dark:text-red-200'
            : 'bg-emerald-100 text-emerald-800 hover:bg-emerald-200 dark:bg-emerald-950 dark:text-emerald-200'}`}>
          {s.text}
        </button>
      ))}
    </div>
  );
}
