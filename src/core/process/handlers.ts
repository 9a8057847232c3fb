// The process engine's contract methods: profiles, schedule and checklist, decisions, leaks,
// handoffs, the retrospective, the case-list overview, the roster and the demo.
import type { Handlers } from '../../shared/contract/index.ts';
import type { CoreSession } from '../session.ts';
import { readCase, toRecord } from '../cases/case-store.ts';
import { latestProfiles } from './profiles/index.ts';
import { documentSchedule } from './case-process.ts';
import { reopenItem, skipItem, tickItem } from './checklist.ts';
import { slowDown } from './decisions.ts';
import { decideLeak, leakCounts, recordLeak } from './leaks.ts';
import { acknowledgeHandoff, cancelHandoff, requestHandoff } from './handoff.ts';
import { addRetroItem, retrospectiveDraft } from './retrospective.ts';
import { processOverview } from './overview.ts';
import {
  addMember,
  addMinor,
  addReleaseManager,
  deprecateMinor,
  readRoster,
  removeMember,
  removeReleaseManager,
  takeFixLead,
  updateMember,
} from './roster.ts';
import { proposeFixLead } from './rotation.ts';
import { createDemoCase } from './demo.ts';
import { addDemoNotes, createScaleCases } from './demo-scale.ts';

type ProcessMethod = Extract<keyof Handlers, `process.${string}` | `roster.${string}` | 'demo.create'>;

export function processHandlers(session: CoreSession): Pick<Handlers, ProcessMethod> {
  const cases = () => session.cases();
  return {
    'process.profiles': async () => latestProfiles(),
    'process.schedule': async ({ id, zones }) => documentSchedule(await readCase(cases(), id), session.ports.now(), zones),
    'process.tick': async ({ id, ...input }) => tickItem(cases(), id, input),
    'process.skip': async ({ id, item, reason }) => skipItem(cases(), id, item, reason),
    'process.reopen': async ({ id, item, reason }) => reopenItem(cases(), id, item, reason),
    'process.slowDown': async ({ id, ...input }) => slowDown(cases(), id, input),
    'process.recordLeak': async ({ id, ...input }) => recordLeak(cases(), id, input),
    'process.decideLeak': async ({ id, ...input }) => decideLeak(cases(), id, input),
    'process.leakCounts': async () => leakCounts(cases()),
    'process.handoff': async ({ id, to, note }) => requestHandoff(cases(), id, to, note),
    'process.acknowledgeHandoff': async ({ id, by }) => acknowledgeHandoff(cases(), id, by),
    'process.cancelHandoff': async ({ id, reason }) => cancelHandoff(cases(), id, reason),
    'process.addRetroItem': async ({ id, text }) => addRetroItem(cases(), id, text),
    'process.retro': async ({ id }) => ({ markdown: await retrospectiveDraft(cases(), id) }),
    'process.overview': async () => processOverview(cases()),
    'roster.show': async () => readRoster(cases()),
    'roster.addMember': async (input) => addMember(cases(), input),
    'roster.updateMember': async ({ memberId, ...changes }) => updateMember(cases(), memberId, changes),
    'roster.removeMember': async ({ memberId }) => removeMember(cases(), memberId),
    'roster.proposeFixLead': async () => proposeFixLead(await readRoster(cases())),
    'roster.takeFixLead': async ({ caseId, memberId }) => takeFixLead(cases(), caseId, memberId),
    'roster.addMinor': async ({ minor }) => addMinor(cases(), minor),
    'roster.deprecateMinor': async ({ minor }) => deprecateMinor(cases(), minor),
    'roster.addReleaseManager': async (input) => addReleaseManager(cases(), input),
    'roster.removeReleaseManager': async ({ minor, managerId }) => removeReleaseManager(cases(), minor, managerId),
    'demo.create': async ({ cases: count = 1, notes = 0, showcase = true }) => {
      const demo = await createDemoCase(cases(), showcase ? session : undefined);
      if (count > 1) await createScaleCases(cases(), count - 1);
      if (notes > 0) await addDemoNotes(cases(), demo.case.id, notes);
      return count > 1 || notes > 0 ? { ...demo, case: toRecord(await readCase(cases(), demo.case.id)) } : demo;
    },
  };
}
