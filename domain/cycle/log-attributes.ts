const WORKFLOW_ID = /^dondoc\/([^/]+)\/(\d{4})(?:\/([^/]+))?$/;

/**
 * `cycle` (`<plan>/<year>`) and `unit` of a dondoc workflow id (`dondoc/<plan>/<year>[/<unit>]`), for log lines;
 * nothing for any other id. Sandbox-safe: the workflow interceptor uses it too.
 */
export function cycleLogAttributes(workflowId: string | undefined): { cycle?: string; unit?: string } {
  const match = workflowId === undefined ? null : WORKFLOW_ID.exec(workflowId);
  if (!match) return {};
  return { cycle: `${match[1]}/${match[2]}`, ...(match[3] && { unit: match[3] }) };
}

/**
 * The obligation(s) an activity's input is about: `obligationId`, or a notification's `obligation` / `obligations`
 * (comma-separated when several). Undefined for an input about a whole cycle (a dispatch moment).
 */
export function obligationLogAttribute(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const { obligationId, notification } = input as { obligationId?: unknown; notification?: unknown };
  if (typeof obligationId === 'string') return obligationId;
  if (typeof notification !== 'object' || notification === null) return undefined;
  const { obligation, obligations } = notification as {
    obligation?: { id?: unknown };
    obligations?: { id?: unknown }[];
  };
  if (typeof obligation?.id === 'string') return obligation.id;
  const ids = (obligations ?? []).map((o) => o.id).filter((id): id is string => typeof id === 'string');
  return ids.length > 0 ? ids.join(',') : undefined;
}
