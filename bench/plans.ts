import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { seedPlan } from '../test/helpers/plans';

/** The seed plan with `count` units (its supervisor and copies of its nine communes) and its yearly obligations. */
export async function scaledSeedPlanFile(dir: string, count: number): Promise<{ file: string; planId: string }> {
  const seed = seedPlan();
  const communes = seed.units.filter((u) => u.kind === 'commune');
  const supervisor = seed.units.find((u) => u.id === seed.supervisor)!;
  const units = [
    supervisor,
    ...Array.from({ length: count - 1 }, (_, i) => ({
      ...communes[i % communes.length]!,
      id: `xa-${i}`,
      name: `UBND xã số ${i}`,
    })),
  ];
  const obligations = seed.obligations.filter((o) => o.appliesTo.kinds?.includes('commune'));
  const planId = `bench-${count}`;
  const file = path.join(dir, `${planId}.yaml`);
  await writeFile(file, stringify({ ...seed, id: planId, units, obligations }, { aliasDuplicateObjects: false }));
  return { file, planId };
}

/**
 * `units` communes of `people` people each (a head and contacts, every one with an email of its own) and one
 * document due on 05-11: each of its reminders is one email to every person, all at the same instant.
 */
export async function remindersPlanFile(
  dir: string,
  units: number,
  people: number,
): Promise<{ file: string; planId: string; addresses: number }> {
  const planId = `nhac-${units}x${people}`;
  const person = (unit: number, n: number) => ({
    name: n === 0 ? `Chủ tịch UBND xã Số ${unit}` : `Cán bộ ${n} xã Số ${unit}`,
    email: `xa-${unit}-${n}@nhac-viec.example`,
  });
  const plan = {
    id: planId,
    title: 'Kế hoạch đo tốc độ nhắc việc',
    issuer: 'Ủy ban nhân dân huyện Đo Đạc',
    place: 'Đo Đạc',
    issuedOn: '03-02',
    supervisor: 'phong-noi-vu',
    units: [
      {
        id: 'phong-noi-vu',
        name: 'Phòng Nội vụ huyện',
        kind: 'department',
        head: { name: 'Trưởng phòng Nội vụ', email: 'noi-vu@nhac-viec.example' },
      },
      ...Array.from({ length: units }, (_, i) => ({
        id: `xa-${i}`,
        name: `UBND xã Số ${i}`,
        kind: 'commune',
        head: person(i, 0),
        contacts: Array.from({ length: people - 1 }, (_, n) => person(i, n + 1)),
      })),
    ],
    obligations: [
      {
        id: 'ke-hoach',
        title: 'Xây dựng kế hoạch triển khai',
        appliesTo: { kinds: ['commune'] },
        due: { date: '05-11' },
        deliverable: 'document',
      },
    ],
  };
  const file = path.join(dir, `${planId}.yaml`);
  await writeFile(file, stringify(plan));
  return { file, planId, addresses: units * people };
}
