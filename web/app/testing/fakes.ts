// Shared by component tests: stand-ins for the browser's WebSocket and the server's JSON answers.

/** A WebSocket that never connects: pages that open the event stream render without one. */
export class SilentSocket {
  static OPEN = 1;
  readyState = 0;
  onopen = null; onmessage = null; onclose = null;
  send() {}
  close() {}
}

/** A server answer: JSON, or a problem document for a 4xx/5xx. */
export const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), {
  status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
});
