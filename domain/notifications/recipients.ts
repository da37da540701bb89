import type { Person, Plan } from '../plan/plan-schema';
import type { Audience, Contact } from './notification';

/** The people of a plan that notifications can reach, as plain JSON (part of a workflow's input). */
export interface PlanDirectory {
  supervisor: { unitId: string; name: string; people: Contact[] };
  leadership: Contact[];
  units: Record<string, { name: string; people: Contact[] }>;
}

function contact(person: Person): Contact {
  const { name, title, email, phone, zaloUserId } = person;
  return {
    name,
    ...(title && { title }),
    ...(email && { email }),
    ...(phone && { phone }),
    ...(zaloUserId && { zaloUserId }),
  };
}

/** Heads first, then focal officers: the head is the one addressed by name. */
export function planDirectory(plan: Pick<Plan, 'supervisor' | 'leadership' | 'units'>): PlanDirectory {
  const units: PlanDirectory['units'] = {};
  for (const unit of plan.units) {
    units[unit.id] = { name: unit.name, people: [contact(unit.head), ...unit.contacts.map(contact)] };
  }
  const supervisor = units[plan.supervisor];
  return {
    supervisor: {
      unitId: plan.supervisor,
      name: supervisor?.name ?? plan.supervisor,
      people: supervisor?.people ?? [],
    },
    leadership: plan.leadership.map(contact),
    units,
  };
}

/** Who an audience is for one unit's notification. */
export function audienceContacts(directory: PlanDirectory, unitId: string, audience: Audience): Contact[] {
  if (audience === 'unit') return directory.units[unitId]?.people ?? [];
  if (audience === 'supervisor') return directory.supervisor.people;
  return directory.leadership;
}
