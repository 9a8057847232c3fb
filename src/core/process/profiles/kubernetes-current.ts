// Kubernetes as practised by committee-security-response (2019–2026), from
// shared/reference/field-practice.md. What changed from 2017: the "forthcoming fix" email is
// gone (an optional preliminary disclosure survives); the distributor notice is mandatory, at
// least 7 days before disclosure with patches for every supported branch, then a second notice
// at least 24 hours before; the announcement goes out at 16:00 UTC on a weekday that is not a
// Friday; Kubernetes is its own CNA. Steps the field notes do not change (Fix Team
// organisation, LGTMs, removing the Fix Team, the retrospective window) keep the 2017 wording
// and windows, and say so.
import type { ProcessProfileInput } from '../../../shared/contract/process.ts';
import { D, RD } from './anchors.ts';

const releaseDay = { opens: [RD('0')], due: [RD('24h')] };

export const kubernetesCurrent: ProcessProfileInput = {
  id: 'kubernetes-current',
  version: 1,
  title: 'Kubernetes Security Response (current practice)',
  source: 'Kubernetes committee-security-response practice 2019–2026 (shared/reference/field-practice.md)',
  description:
    'Distributor notice is mandatory for every vulnerability with a CVE: at least 7 days before public disclosure (1–4 weeks is the guidance), with patches for all supported release branches; a second notice at least 24 h before release. Public announcements target 16:00 UTC on a weekday that is not a Friday. Severity shapes the path: critical/high → out-of-band release; medium/low → the next scheduled patch release.',
  slowDownBelowScore: 4.0,
  slowDownDiscussedOn: 'the security list',
  embargoBreakText:
    'The PST assesses the damage; the Fix Lead makes the call to release earlier or continue with the plan. When in doubt push forward and go public ASAP.',
  zones: ['America/Los_Angeles'],
  releaseDate: {
    timeUtc: '16:00',
    weekdaysUtc: [1, 2, 3, 4],
    text: 'Public announcements target 16:00 UTC on a weekday that is not a Friday. The distributor template says "at or after 9 AM PT". Show both zones; they are not always the same instant.',
  },
  phases: [
    {
      id: 'fix-team-organization',
      title: 'Fix Team organisation',
      windowText: 'Within the first 24 hours of Disclosure (the 2017 window; the field notes do not change it).',
      window: { opens: [D('0')], due: [D('24h')] },
      items: [
        {
          id: 'ask-private-handling',
          title: 'Ask the public reporter whether the issue can be handled privately',
          detail:
            'If possible the PST will ask the person making the public report if the issue can be handled via a private disclosure process. If the reporter denies the PST will move swiftly with the fix and release process.',
          owner: 'pst',
          optional: true,
          appliesTo: ['public'],
        },
        {
          id: 'agree-upstream-timeline',
          title: 'Fit the upstream project’s disclosure timeline',
          detail: 'The fix relies on another upstream project\'s disclosure timeline: work with the upstream project to fit their timeline.',
          owner: 'fix-lead',
          appliesTo: ['upstream'],
        },
        {
          id: 'identify-fix-team',
          title: 'Identify the Fix Team and CC them into the disclosure thread',
          detail:
            'Identify relevant engineers from the affected projects and packages (a best guess is the assignees in the OWNERS files) and CC them into the disclosure thread.',
          owner: 'fix-lead',
        },
        {
          id: 'grant-private-repo',
          title: 'Give the Fix Team access to the private security repo',
          detail: 'The Fix Lead gets the Fix Team access to the private security repos to develop the fix.',
          owner: 'fix-lead',
        },
      ],
    },
    {
      id: 'fix-development',
      title: 'Fix development and severity',
      windowText: 'Within 1–7 days of Disclosure (the 2017 window).',
      window: { opens: [D('1d')], due: [D('7d')] },
      items: [
        {
          id: 'cvss-call',
          title: 'CVSS vector and score; the Fix Lead makes the call and picks the release path',
          detail:
            'Severity shapes the path: critical/high → out-of-band release; medium/low → the next scheduled patch release; under ~4.0 may slow down (discussed on the security list); a low-severity path fixes in public PRs that must not mention the CVE.',
          owner: 'fix-lead',
          requires: ['cvss'],
        },
        {
          id: 'reserve-cve',
          title: 'Reserve a CVE ID from the Kubernetes CNA pool',
          detail: 'Kubernetes is its own CVE Numbering Authority: IDs are reserved from a pool.',
          owner: 'pst',
          requires: ['cve'],
        },
        {
          id: 'fix-branch-lgtm',
          title: 'Fix complete and LGTMed, with patches for every supported release branch',
          detail:
            'Work on the fix branch is complete once every commit has an LGTM from a relevant OWNERS assignee; the distributor notice needs patches for all supported release branches.',
          owner: 'fix-team',
          marks: 'fixReady',
        },
      ],
    },
    {
      id: 'preliminary-disclosure',
      title: 'Preliminary disclosure (optional)',
      windowText:
        'The "disclosure of forthcoming fix" email to the announce lists is gone; it survives as an optional "preliminary disclosure" with mitigations.',
      window: { due: [RD('0')] },
      optional: true,
      items: [
        {
          id: 'preliminary-disclosure',
          title: 'Preliminary disclosure with mitigations to the announce lists',
          detail: 'An optional "preliminary disclosure" with mitigations.',
          owner: 'fix-lead',
          optional: true,
          after: 'fixReady',
          requires: ['releaseDate'],
        },
      ],
    },
    {
      id: 'distributor-notice',
      title: 'Distributor notice',
      windowText:
        'Mandatory for every vulnerability with a CVE: at least 7 days before public disclosure (1–4 weeks is the guidance); a second notice at least 24 h before release.',
      window: { opens: [RD('-28d')], due: [RD('-24h')] },
      items: [
        {
          id: 'distributor-notice',
          title: '[EMBARGOED] notice to the distributors list with patches for every supported branch',
          detail:
            'At least 7 days before public disclosure (1–4 weeks is the guidance), with patches for all supported release branches, proofs of concept or reproduction steps, mitigations and the timeline; the embargo statement gives the send date/time and the embargo conditions (may a patched build be deployed? is the patch itself under embargo? hosted-service exceptions).',
          owner: 'fix-lead',
          window: { opens: [RD('-28d')], due: [RD('-7d')] },
          after: 'fixReady',
          marks: 'firstNotice',
          requires: ['releaseDate', 'cve'],
        },
        {
          id: 'second-distributor-notice',
          title: 'Second notice to the distributors with the public messaging, date and time',
          detail: 'A second notice at least 24 h before release with the public messaging, date and time.',
          owner: 'fix-lead',
          window: { opens: [RD('-7d')], due: [RD('-24h')] },
          after: 'firstNotice',
          requires: ['releaseDate'],
        },
      ],
    },
    {
      id: 'release',
      title: 'Release and public disclosure',
      windowText: 'Public announcements target 16:00 UTC on a weekday that is not a Friday.',
      window: { opens: [RD('0')], due: [RD('24h')] },
      items: [
        {
          id: 'patch-releases',
          title: 'Patch releases for every supported branch built and available before the announcement',
          detail: 'Publication synchronised with binaries actually being available.',
          owner: 'release-managers',
          window: { due: [RD('0')] },
        },
        {
          id: 'public-advisory',
          title: '[Security Advisory] email to announce, dev, security-announce, security-discuss and distributors',
          detail:
            'Subject "[Security Advisory] $CVE: $SUMMARY"; sections: am I vulnerable (affected versions); how do I mitigate (fixed versions, fix impact, upgrade link); detection; additional details (tracking issue URL); acknowledgements (reporter, fix team, release managers).',
          owner: 'fix-lead',
          window: releaseDay,
          requires: ['releaseDate', 'cve'],
        },
        {
          id: 'oss-security-copy',
          title: 'Copy of the advisory to oss-security',
          detail: 'Subject "[kubernetes] $CVE: $SUMMARY" to oss-security, same body.',
          owner: 'fix-lead',
          window: releaseDay,
          requires: ['cve'],
        },
        {
          id: 'tracking-issue',
          title: 'Public tracking issue: title starts with the CVE ID, label official-cve-feed',
          detail:
            'The title must start with the CVE ID(s) (the public CVE feed parses ^(?:CVE-\\d{4}-\\d{4,}[\\s,:-]*)+); label official-cve-feed; CVSS vector line, description, affected/fixed versions ("fixed by #PR"), mitigation, detection, acknowledgements.',
          owner: 'fix-lead',
          window: releaseDay,
          requires: ['cve'],
        },
        {
          id: 'publish-cve-record',
          title: 'Publish the CVE JSON 5 record (reviewed by a second trained member)',
          detail: 'Records are written in CVE JSON 5 and published with cvelib once public; a second trained member reviews before publishing.',
          owner: 'pst',
          window: releaseDay,
          requires: ['cve'],
        },
        {
          id: 'remove-fix-team',
          title: 'Remove the Fix Team from the private security repo',
          detail: 'The Fix Lead removes the Fix Team from the private security repo (the 2017 step).',
          owner: 'fix-lead',
          window: releaseDay,
        },
      ],
    },
    {
      id: 'retrospective',
      title: 'Retrospective',
      windowText: '1–3 days after the Release Date (the 2017 window); to the dev list: everyone involved, the timeline, PRs that introduced the issue, critiques.',
      window: { opens: [RD('1d')], due: [RD('3d')] },
      items: [
        {
          id: 'send-retrospective',
          title: 'Send the blameless retrospective to the dev list',
          detail: 'Everyone involved, the timeline, PRs that introduced the issue, critiques (no template exists).',
          owner: 'fix-lead',
          after: 'releaseDate',
        },
      ],
    },
  ],
};
