import path from 'node:path';
import {
  MONTHS,
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
  type ScheduleDescription,
} from '@temporalio/client';
import {
  scheduleIdOf,
  YEARLY_SCHEDULE_PREFIX,
  YEARLY_SCHEDULE_TIME,
  yearlyScheduleId,
  type YearlyCycleInput,
} from '../domain/cycle/yearly-schedule';
import { AppError } from '../domain/errors';
import type { MonthDay } from '../domain/local-date';
import { yearOfDayNumber } from '../domain/local-date';
import { PLAN_TIME_ZONE, planDayOf } from '../domain/plan-time';
import type { yearlyCycleWorkflow } from '../workflows/yearly-cycle-workflow';
import type { CallOptions, CoreContext } from './core-context';
import { prepareCycle } from './prepare-cycle';
import { scheduleRuns, type ScheduleRun } from './schedule-runs';
import { temporalToAppError } from './temporal-errors';

/**
 * If Temporal is down on the day, the run still happens when it is back within this window (a late start sends a
 * catch-up summary); beyond it, the year is missed and an operator runs `schedule trigger`.
 */
const CATCHUP_WINDOW = '30 days';

export interface ScheduleRequest {
  planFile: string;
  everyYearOn: MonthDay;
}

/** One yearly schedule as the CLI and the dashboard show it. */
export interface ScheduleView {
  scheduleId: string;
  planId: string;
  planFile: string;
  /** The date rule: month, day, hour and minute in plan time. */
  rule: MonthDay & { hour: number; minute: number };
  paused: boolean;
  /** The note Temporal keeps with a pause. */
  note?: string;
  /** ISO instants (UTC) of the next runs. */
  nextRuns: string[];
  /** The recent runs, oldest first, each with what became of it. */
  runs: ScheduleRun[];
}

/** The yearly schedules (Temporal Schedules `dondoc-yearly/<planId>`): create, read, pause, trigger, delete. */
export function cycleSchedules(ctx: CoreContext) {
  const { client } = ctx.deps;
  const subject = (id: string) => ({ label: `schedule ${id}`, vi: `lịch ${id}` });

  /** Runs `fn` on the schedule's handle; an unknown id is SCHEDULE_NOT_FOUND naming it. */
  async function onSchedule<T>(
    idOrPlanId: string,
    fn: (handle: ReturnType<typeof client.schedule.getHandle>, scheduleId: string) => Promise<T>,
    options?: CallOptions,
  ): Promise<T> {
    const scheduleId = scheduleIdOf(idOrPlanId);
    return ctx.withDeadline(async () => {
      try {
        return await fn(client.schedule.getHandle(scheduleId), scheduleId);
      } catch (err) {
        if (err instanceof ScheduleNotFoundError) {
          throw new AppError('SCHEDULE_NOT_FOUND', `schedule ${idOrPlanId} not found (see \`dondoc schedule list\`)`, {
            cause: err,
            userMessage: `Không tìm thấy lịch ${idOrPlanId}.`,
          });
        }
        throw temporalToAppError(err, subject(scheduleId));
      }
    }, options);
  }

  async function view(description: ScheduleDescription): Promise<ScheduleView> {
    const input = (description.action.args?.[0] ?? {}) as Partial<YearlyCycleInput>;
    const calendar = description.spec.calendars?.[0];
    const first = <U>(ranges: { start: U }[] | undefined, fallback: U): U => ranges?.[0]?.start ?? fallback;
    const month = MONTHS.indexOf(first(calendar?.month, 'JANUARY')) + 1;
    return {
      scheduleId: description.scheduleId,
      planId: input.planId ?? description.scheduleId.slice(YEARLY_SCHEDULE_PREFIX.length),
      planFile: input.planFile ?? '',
      rule: {
        month,
        day: first(calendar?.dayOfMonth, 1),
        hour: first(calendar?.hour, 0),
        minute: first(calendar?.minute, 0),
      },
      paused: description.state.paused,
      ...(description.state.note && { note: description.state.note }),
      nextRuns: description.info.nextActionTimes.map((at) => at.toISOString()),
      runs: await scheduleRuns(client, description.info.recentActions),
    };
  }

  return {
    /**
     * Validates the plan now (the usual plan errors, exit 2), then creates `dondoc-yearly/<planId>`: every year on
     * the given day at 07:00 plan time, a `yearlyCycleWorkflow` reads the file as it is that day and starts the cycle.
     * The schedule keeps only the file's absolute path and the plan id: the plan itself is read on the day.
     */
    async createSchedule(
      request: ScheduleRequest,
      options?: CallOptions,
    ): Promise<{ scheduleId: string; planId: string; planFile: string; nextRuns: string[] }> {
      const planFile = path.resolve(request.planFile);
      const year = yearOfDayNumber(planDayOf((ctx.deps.now ?? Date.now)()));
      // A dry compile for this year: the same checks a run makes, and nothing stored.
      const { plan } = await prepareCycle({ announced: ctx.deps.announced }, { planFile, year });
      const scheduleId = yearlyScheduleId(plan.id);
      const input: YearlyCycleInput = { scheduleId, planId: plan.id, planFile };
      try {
        const handle = await ctx.withDeadline(
          () =>
            client.schedule.create<typeof yearlyCycleWorkflow>({
              scheduleId,
              spec: {
                calendars: [
                  {
                    month: MONTHS[request.everyYearOn.month - 1],
                    dayOfMonth: request.everyYearOn.day,
                    hour: YEARLY_SCHEDULE_TIME.hour,
                    minute: YEARLY_SCHEDULE_TIME.minute,
                    comment: `the cycle of ${plan.id} for the year`,
                  },
                ],
                timezone: PLAN_TIME_ZONE,
              },
              action: {
                type: 'startWorkflow',
                workflowType: 'yearlyCycleWorkflow',
                // Temporal appends the scheduled time, so each run has an id of its own.
                workflowId: scheduleId,
                taskQueue: ctx.deps.taskQueue,
                args: [input],
              },
              policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: CATCHUP_WINDOW },
            }),
          options,
        );
        const described = await ctx.withDeadline(() => handle.describe(), options);
        return {
          scheduleId,
          planId: plan.id,
          planFile,
          nextRuns: described.info.nextActionTimes.map((at) => at.toISOString()),
        };
      } catch (err) {
        if (err instanceof ScheduleAlreadyRunning) {
          throw new AppError(
            'SCHEDULE_EXISTS',
            `plan ${plan.id} already has a schedule (${scheduleId}); delete it first with \`dondoc schedule delete ${plan.id}\``,
            { cause: err, userMessage: `Kế hoạch ${plan.id} đã có lịch ${scheduleId}.` },
          );
        }
        throw temporalToAppError(err, subject(scheduleId));
      }
    },

    /** dondoc's yearly schedules, by plan id; each described in full (listing alone is eventually consistent). */
    async listSchedules(options?: CallOptions): Promise<ScheduleView[]> {
      const ids = await ctx
        .withDeadline(async () => {
          const found: string[] = [];
          for await (const summary of client.schedule.list()) {
            if (summary.scheduleId.startsWith(YEARLY_SCHEDULE_PREFIX)) found.push(summary.scheduleId);
          }
          return found;
        }, options)
        .catch((err: unknown) => {
          throw temporalToAppError(err, { label: 'schedule list', vi: 'danh sách lịch' });
        });
      const views: ScheduleView[] = [];
      for (const id of ids.sort()) {
        try {
          views.push(await onSchedule(id, async (handle) => view(await handle.describe()), options));
        } catch (err) {
          // Deleted between the listing and the description: the listing lags behind.
          if (!(err instanceof AppError && err.code === 'SCHEDULE_NOT_FOUND')) throw err;
        }
      }
      return views;
    },

    describeSchedule(idOrPlanId: string, options?: CallOptions): Promise<ScheduleView> {
      return onSchedule(idOrPlanId, async (handle) => view(await handle.describe()), options);
    },

    pauseSchedule(idOrPlanId: string, options?: CallOptions): Promise<string> {
      return onSchedule(
        idOrPlanId,
        (handle, id) => handle.pause('paused with dondoc schedule pause').then(() => id),
        options,
      );
    },

    unpauseSchedule(idOrPlanId: string, options?: CallOptions): Promise<string> {
      return onSchedule(
        idOrPlanId,
        (handle, id) => handle.unpause('unpaused with dondoc schedule unpause').then(() => id),
        options,
      );
    },

    /** Starts one run now, whatever the date and even when paused; an overlapping run is skipped. */
    triggerSchedule(idOrPlanId: string, options?: CallOptions): Promise<string> {
      return onSchedule(idOrPlanId, (handle, id) => handle.trigger(ScheduleOverlapPolicy.SKIP).then(() => id), options);
    },

    /** Deletes the schedule; cycles it started keep running. */
    deleteSchedule(idOrPlanId: string, options?: CallOptions): Promise<string> {
      return onSchedule(idOrPlanId, (handle, id) => handle.delete().then(() => id), options);
    },
  };
}

export type CycleSchedules = ReturnType<typeof cycleSchedules>;
