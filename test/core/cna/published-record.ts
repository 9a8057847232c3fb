// A published CVE record in the shape the Kubernetes CNA publishes to cvelistV5 (field layout of
// records such as CVE-2023-5528 / CVE-2024-9042: cveMetadata with the dates, the CNA container
// with providerMetadata, title, descriptions with a text/html twin, affected[] with semver
// ranges, a cvssV3_1 metric, CWE problem types, tagged references, credits). The values are
// made up for the tests.
export const PUBLISHED_RECORD = {
  dataType: 'CVE_RECORD',
  dataVersion: '5.1',
  cveMetadata: {
    cveId: 'CVE-2025-40001',
    assignerOrgId: 'a6081bf6-c852-4425-ad4f-a67919267565',
    assignerShortName: 'kubernetes',
    state: 'PUBLISHED',
    dateReserved: '2025-03-03T18:02:11.104Z',
    datePublished: '2025-04-22T16:01:41.316Z',
    dateUpdated: '2025-04-23T08:13:05.063Z',
  },
  containers: {
    cna: {
      providerMetadata: { orgId: 'a6081bf6-c852-4425-ad4f-a67919267565', shortName: 'kubernetes', dateUpdated: '2025-04-22T16:01:41.316Z' },
      title: 'Node Log Query allows command injection on Windows nodes',
      descriptions: [
        {
          lang: 'en',
          value: 'A security issue was discovered in Kubernetes where a user that can query a node\'s logs can run commands on Windows nodes.',
          supportingMedia: [{ type: 'text/html', base64: false, value: '<p>A security issue was discovered in Kubernetes where a user that can query a node\'s logs can run commands on Windows nodes.</p>' }],
        },
      ],
      affected: [
        {
          vendor: 'Kubernetes',
          product: 'kubelet',
          repo: 'https://github.com/kubernetes/kubernetes',
          defaultStatus: 'unaffected',
          versions: [
            { version: '1.32.0', lessThanOrEqual: '1.32.3', status: 'affected', versionType: 'semver' },
            { version: '1.31.0', lessThan: '1.31.8', status: 'affected', versionType: 'semver' },
            { version: '0', lessThan: '1.30.12', status: 'affected', versionType: 'semver' },
            { version: '1.31.8', status: 'unaffected', versionType: 'semver' },
            { version: '1.30.12', status: 'unaffected', versionType: 'semver' },
          ],
        },
      ],
      metrics: [
        {
          format: 'CVSS',
          scenarios: [{ lang: 'en', value: 'GENERAL' }],
          cvssV3_1: {
            version: '3.1',
            vectorString: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H',
            baseScore: 8.8,
            baseSeverity: 'HIGH',
            attackVector: 'NETWORK',
            attackComplexity: 'LOW',
            privilegesRequired: 'LOW',
            userInteraction: 'NONE',
            scope: 'UNCHANGED',
            confidentialityImpact: 'HIGH',
            integrityImpact: 'HIGH',
            availabilityImpact: 'HIGH',
          },
        },
      ],
      problemTypes: [{ descriptions: [{ lang: 'en', type: 'CWE', cweId: 'CWE-20', description: 'CWE-20 Improper Input Validation' }] }],
      references: [
        { url: 'https://github.com/kubernetes/kubernetes/issues/131010', tags: ['issue-tracking'] },
        { url: 'https://groups.google.com/g/kubernetes-security-announce/c/vUtEcSEY6SM', tags: ['mailing-list'] },
      ],
      credits: [{ lang: 'en', value: 'Jane Finder', type: 'finder' }],
      workarounds: [{ lang: 'en', value: 'Disable the NodeLogQuery feature gate on Windows nodes.' }],
      source: { discovery: 'EXTERNAL' },
      x_generator: { engine: 'Vulnogram 0.2.0' },
    },
  },
} as const;
