// The round-robin Fix Lead rotation ("The role of Fix Lead should rotate round-robin across the
// PST"). The turn goes to the current member who has gone longest without leading a case —
// never-led first, ties in roster order — skipping anyone marked unavailable. When every lead
// follows the proposal this is plain round-robin; when someone takes a turn out of order, those
// passed over keep their place instead of losing a turn, and an unavailable member gets the
// next turn back once available.
import type { FixLeadProposal, Roster } from '../../shared/contract/index.ts';

export function proposeFixLead(roster: Roster): FixLeadProposal {
  const current = roster.members.filter((member) => member.removedAt === null);
  const lastLed = new Map<string, string>();
  const casesLed = new Map<string, number>();
  for (const turn of roster.leads) {
    const previous = lastLed.get(turn.memberId);
    if (!previous || turn.at > previous) lastLed.set(turn.memberId, turn.at);
    casesLed.set(turn.memberId, (casesLed.get(turn.memberId) ?? 0) + 1);
  }
  const order = current
    .map((member, position) => ({ member, position, lastLedAt: lastLed.get(member.id) ?? null }))
    .sort((a, b) => {
      if (a.lastLedAt !== b.lastLedAt) {
        if (a.lastLedAt === null) return -1;
        if (b.lastLedAt === null) return 1;
        return a.lastLedAt < b.lastLedAt ? -1 : 1;
      }
      return a.position - b.position;
    })
    .map(({ member, lastLedAt }) => ({
      member,
      lastLedAt,
      casesLed: casesLed.get(member.id) ?? 0,
      skipped: member.available ? null : `unavailable${member.note ? `: ${member.note}` : ''}`,
    }));
  return { proposed: order.find((entry) => entry.skipped === null)?.member ?? null, order };
}
