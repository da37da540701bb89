import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { CycleCore } from '../../cycles';
import type { Contact } from '../../domain/notifications/notification';
import { planDirectory } from '../../domain/notifications/recipients';

/**
 * Who hears that a yearly schedule could not start its cycle:
 * 1. DONDOC_ADMIN_EMAILS, when set (what an operator should configure);
 * 2. else the plan's supervisor unit (Phòng Nội vụ), read leniently from the file itself: a plan that fails
 *    validation is most often still YAML whose supervisor and contacts are intact;
 * 3. else (missing file, broken YAML) the supervisor of the plan the previous year's cycle ran on.
 * None found: no email, but the run still fails visibly in Temporal and on the dashboard.
 */
export async function scheduleAdmins(
  deps: { core: CycleCore; adminEmails?: readonly string[] },
  run: { planFile: string; planId: string; year: number },
): Promise<Contact[]> {
  if (deps.adminEmails && deps.adminEmails.length > 0) {
    return deps.adminEmails.map((email) => ({ name: 'Quản trị hệ thống', email }));
  }
  const fromFile = await supervisorInFile(run.planFile);
  if (fromFile.length > 0) return fromFile;
  return supervisorOfLastCycle(deps.core, { planId: run.planId, year: run.year - 1 });
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

async function supervisorInFile(planFile: string): Promise<Contact[]> {
  let doc: unknown;
  try {
    doc = parse(await readFile(planFile, 'utf8'));
  } catch {
    return [];
  }
  if (!isRecord(doc) || typeof doc.supervisor !== 'string' || !Array.isArray(doc.units)) return [];
  const unit: unknown = doc.units.find((u: unknown) => isRecord(u) && u.id === doc.supervisor);
  if (!isRecord(unit)) return [];
  const people: unknown[] = [unit.head, ...(Array.isArray(unit.contacts) ? (unit.contacts as unknown[]) : [])];
  return people.flatMap((person: unknown) =>
    isRecord(person) && typeof person.email === 'string' && EMAIL.test(person.email)
      ? [{ name: typeof person.name === 'string' ? person.name : person.email, email: person.email }]
      : [],
  );
}

async function supervisorOfLastCycle(core: CycleCore, ref: { planId: string; year: number }): Promise<Contact[]> {
  try {
    const status = await core.cycleStatus(ref);
    const plan = await core.plan(status.planSnapshot);
    return planDirectory(plan).supervisor.people.filter((person) => person.email);
  } catch {
    return [];
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
