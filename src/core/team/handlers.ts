import type { Handlers } from '../../shared/contract/index.ts';
import type { CoreSession } from '../session.ts';
import { addMember } from './add-member.ts';
import { decideConflict } from './decide-conflict.ts';
import { initTeam } from './init-team.ts';
import { joinTeam } from './join-team.ts';
import { removeMember } from './remove-member.ts';
import { shareCase } from './share-case.ts';
import { showTeam } from './show-team.ts';
import { reportTeamSyncProgress, type TeamSyncProgress } from './sync-progress.ts';
import { syncTeam } from './sync-team.ts';
import { teamStatus } from './team-status.ts';

type TeamHandlers = Pick<Handlers, 'team.init' | 'team.join' | 'team.show' | 'team.status' | 'team.addMember' | 'team.removeMember' | 'team.share' | 'team.sync' | 'team.syncProgress' | 'team.decide'>;

export function teamHandlers(session: CoreSession): TeamHandlers {
  // The running sync's last step, for the window to poll (a callback cannot cross IPC).
  let running: TeamSyncProgress | null = null;
  return {
    'team.init': async (input) => initTeam(session, input),
    'team.join': async (input) => joinTeam(session, input),
    'team.show': async () => showTeam(session),
    'team.status': async () => teamStatus(session),
    'team.addMember': async (input) => addMember(session, input),
    'team.removeMember': async ({ fingerprint }) => removeMember(session, fingerprint),
    'team.share': async ({ id, with: chosen }) => shareCase(session, id, chosen),
    'team.sync': async (input) => {
      try {
        return await syncTeam(session, input, (progress) => {
          running = progress;
          reportTeamSyncProgress(progress);
        });
      } finally {
        running = null;
      }
    },
    'team.syncProgress': async () => ({ progress: running }),
    'team.decide': async ({ id, field, eventId }) => decideConflict(session, id, field, eventId),
  };
}
