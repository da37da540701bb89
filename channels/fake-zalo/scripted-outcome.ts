import type { ServerResponse } from 'node:http';
import { sendJson, sendZaloError } from './fake-http';
import type { OutcomeNow } from './fake-state';

/** Answers as the script says; `hang` leaves the response open until the server closes its sockets. */
export function answerScripted(res: ServerResponse, outcome: OutcomeNow, oauth = false): void {
  if (outcome.kind === 'hang') return;
  if (outcome.kind === 'http') {
    // An outage answers from a proxy, not from Zalo's API: no envelope.
    res.writeHead(outcome.status, { 'content-type': 'text/html' });
    res.end(`<html><body>Simulated HTTP ${outcome.status}</body></html>`);
    return;
  }
  const message = outcome.message ?? `Scripted error ${outcome.error}`;
  if (oauth) sendJson(res, 200, { error: outcome.error, error_name: 'Scripted', error_description: message });
  else sendZaloError(res, outcome.error, message);
}
