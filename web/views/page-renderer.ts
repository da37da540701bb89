import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Eta } from 'eta';
import { projectRoot } from '../../config/project-root';
import { vnDate, vnDateTime, vnDayWithWeekday, vnTimeWithDay } from '../../domain/plan-time';
import * as labels from './labels';

export interface PageRenderer {
  /** Renders `<name>.eta` (HTML-escaped `<%= %>`) with `it` = data plus the format helpers as `it.f`. */
  render(name: string, data: object): string;
}

/** What templates call as `it.f`: plan-time dates and instants in Vietnamese, and the labels of states and channels. */
const helpers = { ...labels, vnDate, vnDateTime, vnDayWithWeekday, vnTimeWithDay };

/** From the project root, not `__dirname`: tsc copies no `.eta` into `dist/` (as channels/email does). */
export function defaultViewDir(): string {
  return path.join(projectRoot(), 'web', 'views', 'templates');
}

/** Reads and compiles every template once; they include each other as `@name`. */
export function loadPages(dir: string = defaultViewDir()): PageRenderer {
  const eta = new Eta({ autoEscape: true, autoTrim: [false, 'nl'], cache: true });
  const names = new Set<string>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.eta'))) {
    const name = file.slice(0, -'.eta'.length);
    eta.loadTemplate(`@${name}`, readFileSync(path.join(dir, file), 'utf8'));
    names.add(name);
  }
  return {
    render(name, data) {
      if (!names.has(name)) throw new Error(`No page template ${name}.eta in ${dir}`);
      return eta.render(`@${name}`, { ...data, f: helpers });
    },
  };
}
