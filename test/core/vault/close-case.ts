// Test helper: closes a case (every required checklist item skipped), as a case must be before
// it can be removed.
import type { TestCore } from '../../helpers/core.ts';

export async function closeCase(test: TestCore, id: string): Promise<void> {
  for (let round = 0; round < 10; round += 1) {
    const schedule = await test.call('process.schedule', { id });
    const open = schedule.phases.flatMap((phase) => phase.items).filter((item) => !item.optional && item.state !== 'done' && item.state !== 'skipped');
    if (open.length === 0) return;
    for (const item of open) await test.call('process.skip', { id, item: item.id, reason: 'closing the case for the removal test' }).catch(() => undefined);
  }
  throw new Error(`case ${id} could not be closed`);
}
