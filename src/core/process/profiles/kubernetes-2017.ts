// The default profile: the 2017 Kubernetes Security Release Process, as written. Every
// `detail` quotes the text (shared/reference/security-release-process.txt); every window is the
// one the text gives. Where the text names a phase window but not an item's, the item takes the
// phase's; the few item windows below are the text's own words ("before the Release Date",
// "now that everything is public"). "Release day" items that can only happen once the fix is
// public open at the Release Date and close 24 hours later, or at Disclosure + 21 days when no
// Release Date is set.
import type { ProcessProfileInput } from '../../../shared/contract/process.ts';
import { D, RD } from './anchors.ts';

const releaseDay = { opens: [RD('0')], due: [RD('24h'), D('21d')] };
const beforeRelease = { due: [RD('0'), D('21d')] };

export const kubernetes2017: ProcessProfileInput = {
  id: 'kubernetes-2017',
  version: 1,
  title: 'Kubernetes Security Release Process (2017)',
  source: 'Kubernetes Security Release Process, 2017 text (shared/reference/security-release-process.txt)',
  description:
    'All of the timelines below are suggestions and assume a Private Disclosure. The Fix Lead drives the schedule using their best judgment based on severity, development time, and release manager feedback. If the Fix Lead is dealing with a Public Disclosure all timelines become ASAP. If the fix relies on another upstream project\'s disclosure timeline, that will adjust the process as well.',
  slowDownBelowScore: 4.0,
  slowDownDiscussedOn: 'the kubernetes-security mailing list',
  embargoBreakText:
    'What if a vendor breaks embargo? The PST will assess the damage. The Fix Lead will make the call to release earlier or continue with the plan. When in doubt push forward and go public ASAP.',
  releaseDate: {
    latest: [D('21d')],
    text: 'Fix Release Day (Completed within 1-21 days of Disclosure)',
  },
  phases: [
    {
      id: 'fix-team-organization',
      title: 'Fix Team Organization',
      windowText: 'These steps should be completed within the first 24 hours of Disclosure.',
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
          detail:
            'If the fix relies on another upstream project\'s disclosure timeline, that will adjust the process as well. We will work with the upstream project to fit their timeline and best protect our users.',
          owner: 'fix-lead',
          appliesTo: ['upstream'],
        },
        {
          id: 'identify-fix-team',
          title: 'Identify the Fix Team and CC them into the disclosure thread',
          detail:
            'The Fix Lead will work quickly to identify relevant engineers from the affected projects and packages and CC those engineers into the disclosure thread. This selected developers are the Fix Team. A best guess is to invite all assignees in the OWNERS file from the affected packages.',
          owner: 'fix-lead',
        },
        {
          id: 'grant-private-repo',
          title: 'Give the Fix Team access to the private security repo',
          detail: 'The Fix Lead will get the Fix Team access to private security repos to develop the fix.',
          owner: 'fix-lead',
        },
      ],
    },
    {
      id: 'fix-development',
      title: 'Fix Development Process',
      windowText: 'These steps should be completed within the 1-7 days of Disclosure.',
      window: { opens: [D('1d')], due: [D('7d')] },
      items: [
        {
          id: 'cvss-call',
          title: 'Create the CVSS with the calculator; the Fix Lead makes the final call',
          detail:
            'The Fix Lead and the Fix Team will create a CVSS using the CVSS Calculator. The Fix Lead makes the final call on the calculated CVSS; it is better to move quickly than make the CVSS perfect.',
          owner: 'fix-lead',
          requires: ['cvss'],
        },
        {
          id: 'fix-branch-lgtm',
          title: 'Fix branch complete: LGTMs on all commits from relevant OWNERS assignees',
          detail:
            'The Fix Team will notify the Fix Lead that work on the fix branch is complete once there are LGTMs on all commits in the private repo from one or more relevant assignees in the relevant OWNERS file.',
          owner: 'fix-team',
          marks: 'fixReady',
        },
      ],
    },
    {
      id: 'forthcoming-fix-disclosure',
      title: 'Disclosure of Forthcoming Fix to Users',
      windowText:
        'Disclosure of Forthcoming Fix to Users (Completed within 1-7 days of Disclosure). This Disclosure process should begin after the Fix Team has developed a Fix or mitigation so that a realistic timeline can be communicated to users.',
      window: { opens: [D('1d')], due: [D('7d')] },
      items: [
        {
          id: 'announce-forthcoming-fix',
          title: 'Email the announce lists: a fix comes at the Release Date (YYYY-MM-DD HH:MM UTC)',
          detail:
            'The Fix Lead will email kubernetes-announce@googlegroups.com and kubernetes-security-announce@googlegroups.com informing users that a security vulnerability has been disclosed and that a fix will be made available at YYYY-MM-DD HH:MM UTC in the future via this list. This time is the Release Date.',
          owner: 'fix-lead',
          after: 'fixReady',
          requires: ['releaseDate'],
        },
        {
          id: 'mitigating-steps',
          title: 'Include the mitigating steps users can take until the fix is available',
          detail:
            'The Fix Lead will include any mitigating steps users can take until a fix is available. The communication to users should be actionable. They should know when to block time to apply patches, understand exact mitigation steps, etc.',
          owner: 'fix-lead',
          after: 'fixReady',
        },
      ],
    },
    {
      id: 'private-distributors-disclosure',
      title: 'Optional Fix Disclosure to Private Distributors List',
      windowText: 'Optional Fix Disclosure to Private Distributors List (Completed within 1-14 days of Disclosure)',
      window: { opens: [D('1d')], due: [D('14d')] },
      optional: true,
      items: [
        {
          id: 'distributors-determination',
          title: 'Decide with the Fix Team whether distributors need early disclosure',
          detail:
            'The Fix Lead will make a determination with the help of the Fix Team if an issue is critical enough to require early disclosure to distributors. Generally this Private Distributor Disclosure process should be reserved for remotely exploitable or privilege escalation issues. Otherwise, this process can be skipped.',
          owner: 'fix-lead',
          optional: true,
        },
        {
          id: 'email-distributors',
          title: 'Email the patches to the private distributors list',
          detail:
            'The Fix Lead will email the patches to kubernetes-distributors-announce@googlegroups.com so distributors can prepare builds to be available to users on the day of the issue\'s announcement. Distributors should read about the Private Distributors List to find out the requirements for being added to this list.',
          owner: 'fix-lead',
          optional: true,
          after: 'fixReady',
          requires: ['releaseDate'],
        },
      ],
    },
    {
      id: 'fix-release-day',
      title: 'Fix Release Day',
      windowText: 'Fix Release Day (Completed within 1-21 days of Disclosure)',
      window: { opens: [D('1d')], due: [RD('0'), D('21d')] },
      items: [
        {
          id: 'binaries-ready',
          title: 'Binaries built, publicly available and functional before the Release Date',
          detail:
            'The Release Managers will ensure all the binaries are built, publicly available, and functional before the Release Date.',
          owner: 'release-managers',
          window: beforeRelease,
        },
        {
          id: 'patch-release-branch',
          title: 'New patch-release branch from the latest patch tag plus only the fix',
          detail:
            'The Release Managers will create a new patch release branch from the latest patch release tag + the fix from the security branch. As a practical example if v1.5.3 is the latest patch release in kubernetes.git a new branch will be created called v1.5.4 which includes only patches required to fix the issue.',
          owner: 'release-managers',
          window: beforeRelease,
        },
        {
          id: 'cherry-pick',
          title: 'Cherry-pick the fix onto master and every relevant release branch',
          detail:
            'The Fix Lead will cherry-pick the patches onto the master branch and all relevant release branches. The Fix Team will LGTM and merge.',
          owner: 'fix-lead',
          window: releaseDay,
        },
        {
          id: 'merge-without-rewriting',
          title: 'Merge the cherry-pick PRs as they are: no change to built commits',
          detail:
            'The Release Managers will merge these PRs as quickly as possible. Changes shouldn\'t be made to the commits even for a typo in the CHANGELOG as this will change the git sha of the already built and commits leading to confusion and potentially conflicts as the fix is cherry-picked around branches.',
          owner: 'release-managers',
          window: releaseDay,
        },
        {
          id: 'request-cve',
          title: 'Request a CVE with the CVSS and the release details',
          detail: 'The Fix Lead will request a CVE from DWF and include the CVSS and release details.',
          owner: 'fix-lead',
          window: beforeRelease,
          requires: ['cvss'],
        },
        {
          id: 'release-announcement',
          title: 'Email the release announcement to dev, users, announce and security-announce',
          detail:
            'The Fix Lead will email kubernetes-{dev,users,announce,security-announce}@googlegroups.com now that everything is public announcing the new releases, the CVE number, the location of the binaries, and the relevant merged PRs to get wide distribution and user action. As much as possible this email should be actionable and include links how to apply the fix to users environments; this can include links to external distributor documentation.',
          owner: 'fix-lead',
          window: releaseDay,
          requires: ['releaseDate', 'cve'],
        },
        {
          id: 'remove-fix-team',
          title: 'Remove the Fix Team from the private security repo',
          detail: 'The Fix Lead will remove the Fix Team from the private security repo.',
          owner: 'fix-lead',
          window: releaseDay,
        },
      ],
    },
    {
      id: 'retrospective',
      title: 'Retrospective',
      windowText: 'These steps should be completed 1-3 days after the Release Date. The retrospective process should be blameless.',
      window: { opens: [RD('1d')], due: [RD('3d')] },
      items: [
        {
          id: 'send-retrospective',
          title: 'Send the blameless retrospective to kubernetes-dev',
          detail:
            'The Fix Lead will send a retrospective of the process to kubernetes-dev@googlegroups.com including details on everyone involved, the timeline of the process, links to relevant PRs that introduced the issue, if relevant, and any critiques of the response and release process.',
          owner: 'fix-lead',
          after: 'releaseDate',
        },
        {
          id: 'team-feedback',
          title: 'Release Managers and Fix Team send their own feedback',
          detail:
            'The Release Managers and Fix Team are also encouraged to send their own feedback on the process to kubernetes-dev@googlegroups.com. Honest critique is the only way we are going to get good at this as a community.',
          owner: 'fix-team-and-release-managers',
          optional: true,
          after: 'releaseDate',
        },
      ],
    },
  ],
};

