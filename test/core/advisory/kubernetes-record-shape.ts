// A CVE record in the shape the Kubernetes CNA publishes (written for these tests after the
// field layout of its published records such as CVE-2023-5528 and CVE-2024-9042; the values
// are made up). The CNA container's affected[], versions[], descriptions, credits, impacts and
// source are what the export is compared with, field by field.
export const KUBERNETES_SHAPED_CNA = {
  providerMetadata: { orgId: 'a6081bf6-c852-4425-ad4f-a67919267565', shortName: 'kubernetes', dateUpdated: '2025-01-17T00:13:05.063Z' },
  title: 'Command Injection affecting Windows nodes via nodes/*/logs/query API',
  descriptions: [
    {
      lang: 'en',
      value: 'This CVE affects the Node Log Query feature of the kubelet on Windows nodes.',
      supportingMedia: [{ type: 'text/html', base64: false, value: '<p>This CVE affects the Node Log Query feature of the kubelet on Windows nodes.</p>' }],
    },
  ],
  affected: [
    {
      vendor: 'Kubernetes',
      product: 'kubelet',
      repo: 'https://github.com/kubernetes/kubernetes',
      defaultStatus: 'unaffected',
      versions: [
        { version: '1.32.0', lessThanOrEqual: '1.32.0', status: 'affected', versionType: 'semver' },
        { version: '1.31.0', lessThan: '1.31.5', status: 'affected', versionType: 'semver' },
        { version: '0', lessThan: '1.29.13', status: 'affected', versionType: 'semver' },
      ],
    },
  ],
  impacts: [{ capecId: 'CAPEC-88', descriptions: [{ lang: 'en', value: 'CAPEC-88 OS Command Injection' }] }],
  problemTypes: [{ descriptions: [{ lang: 'en', type: 'CWE', cweId: 'CWE-20', description: 'CWE-20 Improper Input Validation' }] }],
  credits: [{ lang: 'en', value: 'Jane Finder', type: 'finder', user: '00000000-0000-4000-8000-000000000000' }],
  source: { discovery: 'EXTERNAL' },
} as const;

/** The structure of a JSON value: keys and value types, not values. */
export function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 0 ? [shapeOf(value[0])] : [];
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]).sort(([a], [b]) => String(a).localeCompare(String(b))));
  return typeof value;
}
