import { WorkflowNotFoundError, type Client, type WorkflowHandle } from '@temporalio/client';
import { InvalidArgumentError } from 'commander';
import { loadConfig, type Config } from '../config/env';
import { cycleWorkflowId, unitWorkflowId } from '../domain/cycle/cycle-input';
import type { ObligationStatus, UnitStatus } from '../domain/cycle/unit-status';
import { AppError } from '../domain/errors';
import { connectClient } from '../workers/temporal-client';
import type { cycleWorkflow } from '../workflows/cycle-workflow';
import { getStatusQuery } from '../workflows/unit-messages';
import type { unitWorkflow } from '../workflows/unit-workflow';
import { parseYear } from './options';
import { temporalToAppError } from './temporal-errors';

/** `<planId>/<year>` on the command line: the cycle workflow `dondoc/<planId>/<year>`. */
export interface CycleTarget {
  planId: string;
  year: number;
  /** `planId/year`, for messages. */
  label: string;
}

const ID = /^[a-z0-9-]+$/;

export function parseCycleTarget(text: string): CycleTarget {
  const match = /^([^/]+)\/([^/]+)$/.exec(text.trim());
  if (!match || !ID.test(match[1] ?? '')) {
    throw new InvalidArgumentError('must be <planId>/<year>, e.g. dvcq-ia-pa/2031');
  }
  const planId = match[1] ?? '';
  const year = parseYear(match[2] ?? '');
  return { planId, year, label: `${planId}/${year}` };
}

/** A unit or obligation id of the plan: `[a-z0-9-]+`. */
export function parseId(text: string): string {
  if (!ID.test(text)) throw new InvalidArgumentError('must be an id of the plan: lower-case letters, digits and -');
  return text;
}

/** How long one command may wait for Temporal and the worker, in ms. */
const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Connects with the configured settings, runs `fn` with a deadline on every Temporal call inside it (an Update
 * with no worker polling would otherwise wait forever), and closes the connection.
 */
export async function withTemporal<T>(
  fn: (client: Client, config: Config) => Promise<T>,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<T> {
  const config = loadConfig();
  const connected = await connectClient(config);
  try {
    return await connected.client.withDeadline(Date.now() + timeoutMs, () => fn(connected.client, config));
  } finally {
    await connected.close();
  }
}

export function cycleHandle(client: Client, target: CycleTarget): WorkflowHandle<typeof cycleWorkflow> {
  return client.workflow.getHandle<typeof cycleWorkflow>(cycleWorkflowId(target));
}

export function unitHandle(client: Client, target: CycleTarget, unitId: string): WorkflowHandle<typeof unitWorkflow> {
  return client.workflow.getHandle<typeof unitWorkflow>(unitWorkflowId(target, unitId));
}

/** The unit's status; an unknown cycle and an unknown unit are told apart. */
async function queryUnit(client: Client, target: CycleTarget, unitId: string): Promise<UnitStatus> {
  try {
    return await unitHandle(client, target, unitId).query(getStatusQuery);
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw await unknownUnit(client, target, unitId, err);
    throw temporalToAppError(err, `cycle ${target.label}, unit ${unitId}`);
  }
}

/** The unit's status and one of its obligations, or exit 2 naming what does not exist. */
export async function requireObligation(
  client: Client,
  target: CycleTarget,
  unitId: string,
  obligationId: string,
): Promise<{ unit: UnitStatus; obligation: ObligationStatus }> {
  const unit = await queryUnit(client, target, unitId);
  const obligation = unit.obligations.find((o) => o.id === obligationId);
  if (!obligation) {
    throw new AppError(
      'CYCLE_NOT_FOUND',
      `cycle ${target.label}: unit ${unitId} has no obligation ${obligationId} ` +
        `(its obligations: ${unit.obligations.map((o) => o.id).join(', ')})`,
    );
  }
  return { unit, obligation };
}

/** Maps a unit workflow that is not there to "no such cycle" or "no such unit in this cycle". */
async function unknownUnit(client: Client, target: CycleTarget, unitId: string, cause: unknown): Promise<AppError> {
  if ((await cycleState(client, target)) === 'missing') return cycleNotFound(target, cause);
  return new AppError('CYCLE_NOT_FOUND', `cycle ${target.label}: unit ${unitId} is not part of this cycle`, { cause });
}

/**
 * For a cycle-level call that failed: an unknown cycle says how to start one, and a closed one (its workflow has
 * completed, so Updates no longer find it) says so.
 */
export async function cycleFailure(client: Client, target: CycleTarget, err: unknown): Promise<unknown> {
  if (err instanceof WorkflowNotFoundError) {
    const state = await cycleState(client, target);
    if (state === 'missing') return cycleNotFound(target, err);
    if (state === 'closed') {
      return new AppError('UPDATE_REJECTED', `cycle ${target.label} is closed: it accepts no more changes`, {
        cause: err,
      });
    }
  }
  return temporalToAppError(err, `cycle ${target.label}`);
}

async function cycleState(client: Client, target: CycleTarget): Promise<'running' | 'closed' | 'missing'> {
  try {
    const described = await cycleHandle(client, target).describe();
    return described.status.name === 'RUNNING' ? 'running' : 'closed';
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return 'missing';
    throw temporalToAppError(err, `cycle ${target.label}`);
  }
}

function cycleNotFound(target: CycleTarget, cause: unknown): AppError {
  return new AppError(
    'CYCLE_NOT_FOUND',
    `cycle ${target.label} not found: start it with \`dondoc cycle start <plan.yaml> --year ${target.year}\``,
    { cause },
  );
}
