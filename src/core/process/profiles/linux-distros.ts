// The linux-distros list's policy (shared/reference/field-practice.md): an embargo of at most
// 14 days from the first post to the list, under 7 preferred; the list re-encrypts PGP/MIME
// mail to each member's key. The policy is about the embargo, not about how the fix is made,
// so the steps before the first notice carry no deadline of their own; once a Release Date
// is set, the first notice may go out no earlier than 14 days before it. The oss-security post
// at the end is the list's own published instruction (openwall wiki), not from field-practice.md.
import type { ProcessProfileInput } from '../../../shared/contract/process.ts';
import { NOTICE, RD } from './anchors.ts';

export const linuxDistros: ProcessProfileInput = {
  id: 'linux-distros',
  version: 1,
  title: 'linux-distros list embargo',
  source: 'linux-distros list policy (shared/reference/field-practice.md)',
  description:
    'An embargo of at most 14 days from the first post to the list, under 7 preferred; the list re-encrypts PGP/MIME mail to each member\'s key.',
  slowDownBelowScore: null,
  embargoBreakText: 'The embargo ends: make the issue public as soon as possible.',
  releaseDate: {
    latest: [NOTICE('14d')],
    preferredLatest: [NOTICE('7d')],
    text: 'Embargo at most 14 days from the first post, under 7 preferred.',
  },
  phases: [
    {
      id: 'preparation',
      title: 'Before the first notice',
      windowText: 'The embargo clock starts at the first post, so the fix and the proposed disclosure date come first.',
      window: { due: [] },
      items: [
        {
          id: 'fix-ready',
          title: 'Fix ready (or nearly) before posting to the list',
          detail: 'The embargo may last at most 14 days from the first post: have the fix ready before starting it.',
          owner: 'fix-team',
          marks: 'fixReady',
        },
        {
          id: 'propose-disclosure-date',
          title: 'Choose the proposed public disclosure date and time',
          detail: 'The first post states when the issue will be made public: at most 14 days later, under 7 preferred.',
          owner: 'fix-lead',
          requires: ['releaseDate'],
        },
      ],
    },
    {
      id: 'first-notice',
      title: 'First notice to linux-distros',
      windowText: 'No earlier than 14 days before the public disclosure (under 7 preferred).',
      window: { opens: [RD('-14d')], due: [RD('0')] },
      items: [
        {
          id: 'first-notice',
          title: 'Post to linux-distros, PGP/MIME-encrypted to the list’s key, with the proposed disclosure date',
          detail: 'The list re-encrypts PGP/MIME mail to each member\'s key. The embargo runs from this post: at most 14 days, under 7 preferred.',
          owner: 'fix-lead',
          window: { opens: [RD('-14d')], due: [RD('0')], preferred: [RD('-7d')] },
          marks: 'firstNotice',
          requires: ['releaseDate'],
        },
      ],
    },
    {
      id: 'public-disclosure',
      title: 'Public disclosure',
      windowText: 'Embargo at most 14 days from the first post, under 7 preferred.',
      window: { due: [RD('0'), NOTICE('14d')], preferred: [NOTICE('7d')] },
      items: [
        {
          id: 'make-public',
          title: 'Make the issue public: fixed releases and advisory',
          detail: 'At the end of the embargo: at most 14 days from the first post, under 7 preferred.',
          owner: 'fix-lead',
          after: 'firstNotice',
          window: { due: [RD('0'), NOTICE('14d')], preferred: [NOTICE('7d')] },
        },
        {
          id: 'oss-security-post',
          title: 'Post the details to oss-security once public',
          detail: 'Once the issue is public, post it to the public oss-security list, as the linux-distros list asks.',
          owner: 'fix-lead',
          after: 'releaseDate',
          window: { opens: [RD('0')], due: [RD('24h'), NOTICE('15d')] },
        },
      ],
    },
  ],
};
