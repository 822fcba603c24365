// Shapes price ticks and fills into what a line chart wants: one point per second, ascending, fills marked.
import type { Side } from '../api/types';

export interface Point { time: number; value: number }
export interface FillMark { time: number; side: Side; price: number; text: string }

export const toSeconds = (iso: string | number): number =>
  typeof iso === 'number' ? Math.floor(iso > 1e12 ? iso / 1000 : iso) : Math.floor(new Date(iso).getTime() / 1000);

/** Adds a point; a second point in the same second replaces the first (the chart needs unique times). */
export function addPoint(points: Point[], point: Point, limit = 2000): Point[] {
  const i = points.findIndex((p) => p.time >= point.time);
  let next: Point[];
  if (i === -1) next = [...points, point];
  else if (points[i].time === point.time) next = [...points.slice(0, i), point, ...points.slice(i + 1)];
  else next = [...points.slice(0, i), point, ...points.slice(i)];
  return next.length > limit ? next.slice(next.length - limit) : next;
}

/** Fills sorted by time; the chart's marker plugin wants ascending order. */
export function fillMarks(trades: { executedAt: string; side: Side; price: string; quantity: string }[],
  priceText: (price: string) => string = (p) => p): FillMark[] {
  return trades
    .map((t) => ({ time: toSeconds(t.executedAt), side: t.side, price: Number(t.price), text: `${t.side === 'BUY' ? 'B' : 'S'} ${priceText(t.price)}` }))
    .filter((m) => Number.isFinite(m.time))
    .sort((a, b) => a.time - b.time);
}
