// A formatted amount ("+6.21 USDT"): the number never breaks, the unit may wrap below it on a narrow card.
export function Amount({ text, className = '', testId }: { text: string; className?: string; testId?: string }) {
  const space = text.lastIndexOf(' ');
  const number = space > 0 ? text.slice(0, space) : text;
  const unit = space > 0 ? text.slice(space + 1) : '';
  return (
    <span className={`inline-flex min-w-0 max-w-full flex-wrap items-baseline gap-x-1 tabular-nums ${className}`} data-testid={testId} title={text}>
      <span className="min-w-0 max-w-full truncate">{number}</span>
      {unit && ' '}
      {unit && <span className="text-[0.7em] font-medium opacity-70">{unit}</span>}
    </span>
  );
}
