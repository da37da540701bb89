import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { parsePlanText } from '../config/plan-loader';
import type { Plan } from '../domain/plan/plan-schema';

/**
 * Plan files as they were when a cycle started or was amended, content-addressed (sha256) so that workflow
 * inputs carry a short id instead of the plan, and a later edit of the file never changes a running cycle.
 */
export interface PlanStore {
  save(text: string): Promise<string>;
  load(id: string): Promise<Plan>;
}

/** A snapshot's id: the SHA-256 of its text, so the same plan text is stored once. */
export function planSnapshotId(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function createPlanStore(dir: string): PlanStore {
  const cache = new Map<string, Plan>();
  const fileOf = (id: string): string => path.join(dir, `${id}.yaml`);
  return {
    async save(text) {
      const id = planSnapshotId(text);
      await mkdir(dir, { recursive: true });
      await writeFileAtomic(fileOf(id), text, { mode: 0o644 });
      return id;
    },
    async load(id) {
      const cached = cache.get(id);
      if (cached) return cached;
      const plan = parsePlanText(await readFile(fileOf(id), 'utf8'), `plan snapshot ${id}`);
      cache.set(id, plan);
      return plan;
    },
  };
}
