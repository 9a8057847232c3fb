// A well-filled case, as a Fix Lead would have it just before the Release Date.
import type { CaseEdits } from '../../../src/shared/contract/index.ts';

export const WELL_FILLED: CaseEdits = {
  summary: 'Kubelet follows symlinks in subPath volume mounts',
  description: 'allows a user who can create pods to read arbitrary files on the node through a symlinked subPath volume mount.',
  releaseDate: '2026-12-02T16:00:00Z',
  cve: 'CVE-2026-31337',
  cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:N/A:N',
  cwe: ['CWE-59', 'CWE-22'],
  affected: [
    { product: 'kubelet', range: '>=1.29.0 <1.29.4' },
    { product: 'kubelet', range: '>=1.30.0 <1.30.1' },
    { product: 'kubelet', range: '<1.28.9' },
    { product: 'kube-proxy', range: '*' },
  ],
  fixed: [
    { product: 'kubelet', version: '1.29.4' },
    { product: 'kubelet', version: '1.30.1' },
    { product: 'kubelet', version: '1.28.9' },
  ],
  references: [
    { url: 'https://github.com/kubernetes/kubernetes/issues/131337', tags: ['issue-tracking'] },
    { url: 'https://groups.google.com/g/kubernetes-security-announce/c/abcdef', tags: ['mailing-list'] },
    { url: 'https://github.com/kubernetes/kubernetes/pull/131338', tags: ['patch'] },
  ],
  credits: [
    { name: 'Ada Lovelace', type: 'finder' },
    { name: 'Grace Hopper', type: 'remediation developer' },
  ],
  workarounds: 'Do not allow untrusted users to create pods that use subPath volume mounts.',
  mitigations: 'Restrict subPath with a validating admission policy until the nodes are upgraded.',
  detection: 'Look for pods whose subPath volume mounts resolve to a symlink.',
  trackingIssue: 'https://github.com/kubernetes/kubernetes/issues/131337',
};
