import { describe, expect, it, vi } from 'vitest';
import { backoffDelay } from './backoff';
import { EventStream, type ConnectionState } from './EventStream';

class FakeSocket {
  static OPEN = 1;
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: string }) => void) | null = null;
  onclose: ((c: { code: number }) => void) | null = null;
  send(s: string) { this.sent.push(s); }
  close() {}
  open() { this.readyState = 1; this.onopen?.(); }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const states: ConnectionState[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const events: unknown[] = [];
  const rejected = vi.fn();
  const resynced = vi.fn();
  vi.stubGlobal('WebSocket', { OPEN: 1 });
  const stream = new EventStream({
    url: 'ws://x/api/v1/stream?token=t',
    onEvent: (e) => events.push(e),
    onState: (s) => states.push(s),
    onRejected: rejected,
    onResync: resynced,
    createSocket: () => { const s = new FakeSocket(); sockets.push(s); return s as unknown as WebSocket; },
    schedule: (fn, ms) => timers.push({ fn, ms }),
  });
  return { stream, sockets, states, timers, events, rejected, resynced };
}

describe('backoffDelay', () => {
  it('doubles up to a cap', () => {
    expect([0, 1, 2, 3].map((a) => backoffDelay(a))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffDelay(20)).toBe(15_000);
  });
});

describe('EventStream', () => {
  it('delivers events and reports its state', () => {
    const t = setup();
    t.stream.start();
    t.sockets[0].open();
    t.sockets[0].onmessage?.({ data: '{"type":"log","data":{"id":1}}' });
    t.sockets[0].onmessage?.({ data: 'not json' });
    expect(t.events).toEqual([{ type: 'log', data: { id: 1 } }]);
    expect(t.states).toEqual(['connecting', 'open']);
  });

  it('delivers the events of a batch frame one by one, in order', () => {
    const t = setup();
    t.stream.start();
    t.sockets[0].open();
    t.sockets[0].onmessage?.({ data: '{"type":"batch","data":[{"type":"order","data":{"id":1}},'
      + '{"type":"trade","data":{"id":2}},{"type":"bot","data":{"id":3}}]}' });
    t.sockets[0].onmessage?.({ data: '{"type":"log","data":{"id":4}}' });
    expect(t.events).toEqual([
      { type: 'order', data: { id: 1 } }, { type: 'trade', data: { id: 2 } },
      { type: 'bot', data: { id: 3 } }, { type: 'log', data: { id: 4 } },
    ]);
  });

  it('asks for state to be re-read when the server says the connection is registered, first time included', () => {
    const t = setup();
    t.stream.start();
    t.sockets[0].open();
    expect(t.resynced).not.toHaveBeenCalled(); // open is not registered yet: events may still be missed
    t.sockets[0].onmessage?.({ data: '{"type":"ready","data":{}}' });
    expect(t.resynced).toHaveBeenCalledOnce(); // what the page read while connecting may be older than the events
    expect(t.events).toEqual([]);
  });

  it('reconnects after "client too slow" (1013) and asks for state to be re-read once registered again', () => {
    const t = setup();
    t.stream.start();
    t.sockets[0].open();
    t.sockets[0].onmessage?.({ data: '{"type":"ready","data":{}}' });
    t.sockets[0].onclose?.({ code: 1013 });
    expect(t.states.at(-1)).toBe('reconnecting');
    expect(t.rejected).not.toHaveBeenCalled();
    t.timers[0].fn();
    t.sockets[1].open();
    expect(t.resynced).toHaveBeenCalledOnce();
    t.sockets[1].onmessage?.({ data: '{"type":"batch","data":[{"type":"ready","data":{}}]}' });
    expect(t.resynced).toHaveBeenCalledTimes(2);
    expect(t.states.at(-1)).toBe('open');
  });

  it('reconnects with growing delays and re-subscribes ticks', () => {
    const t = setup();
    t.stream.start();
    t.sockets[0].open();
    t.stream.subscribe('sim', 'BTC/USDT');
    expect(t.sockets[0].sent).toEqual(['{"action":"subscribe","exchange":"sim","symbol":"BTC/USDT"}']);

    t.sockets[0].onclose?.({ code: 1006 });
    expect(t.states.at(-1)).toBe('reconnecting');
    expect(t.timers.map((x) => x.ms)).toEqual([500]);
    t.timers[0].fn();
    t.sockets[1].onclose?.({ code: 1006 });
    expect(t.timers.map((x) => x.ms)).toEqual([500, 1000]);
    t.timers[1].fn();
    t.sockets[2].open();
    expect(t.states.at(-1)).toBe('open');
    expect(t.sockets[2].sent).toEqual(['{"action":"subscribe","exchange":"sim","symbol":"BTC/USDT"}']);
  });

  it('gives up and reports when the server rejects the token', () => {
    const t = setup();
    t.stream.start();
    t.sockets[0].onclose?.({ code: 1008 });
    expect(t.rejected).toHaveBeenCalledOnce();
    expect(t.timers).toEqual([]);
    expect(t.states.at(-1)).toBe('closed');
  });

  it('unsubscribes when the last listener of a market leaves', () => {
    const t = setup();
    t.stream.start();
    t.sockets[0].open();
    const a = t.stream.subscribe('sim', 'ETH/USDT');
    const b = t.stream.subscribe('sim', 'ETH/USDT');
    a();
    expect(t.sockets[0].sent).toHaveLength(1);
    b();
    expect(t.sockets[0].sent.at(-1)).toBe('{"action":"unsubscribe","exchange":"sim","symbol":"ETH/USDT"}');
  });
});
