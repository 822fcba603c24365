/** Reconnect delay after `attempt` failed tries: 0.5 s, 1 s, 2 s ... capped at 15 s, so a restarted server is found fast. */
export function backoffDelay(attempt: number, baseMs = 500, maxMs = 15_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
}
