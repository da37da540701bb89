import { CommandRejected } from './command-rejected';
import type { CycleState } from './cycle-input';

/** Refuses an amendment of a closed (or closing) cycle, or one that removes a unit the cycle does not have. */
export function checkAmend(state: CycleState, amend: { add?: string[]; remove?: string[] }): void {
  if (state.closed || state.closing) throw new CommandRejected('Chu kỳ đã đóng');
  for (const id of amend.remove ?? []) {
    if (!state.unitIds.includes(id)) throw new CommandRejected(`Đơn vị «${id}» không thuộc chu kỳ này`);
  }
}
