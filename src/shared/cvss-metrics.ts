// The CVSS v3.0, v3.1 and v4.0 metrics as the FIRST specifications define them: abbreviations,
// names, values in specification order, one-line descriptions paraphrasing the specification
// (for tooltips), and the names FIRST's JSON schemas use. Pure data, no Node: the core's strict
// parser and the renderer's calculator both read it, so the UI can only offer what the parser
// accepts.

export type CvssVersion = '3.0' | '3.1' | '4.0';
export const CVSS_VERSIONS = ['3.0', '3.1', '4.0'] as const satisfies readonly CvssVersion[];

export type CvssSeverity = 'None' | 'Low' | 'Medium' | 'High' | 'Critical';

export type CvssGroupId = 'base' | 'temporal' | 'threat' | 'environmental' | 'supplemental';

export interface CvssMetricValue {
  /** As written in the vector string, e.g. "N". */
  code: string;
  name: string;
  description: string;
  /** The value in FIRST's JSON schema for this version, e.g. "NETWORK". */
  json: string;
}

export interface CvssMetric {
  /** As written in the vector string, e.g. "AV". */
  key: string;
  name: string;
  group: CvssGroupId;
  description: string;
  /** The property name in FIRST's JSON schema for this version, e.g. "attackVector". */
  json: string;
  /** Must appear in every vector (the base metrics). */
  mandatory: boolean;
  /** Does it change the score? (v4.0 supplemental metrics are recorded, not scored.) */
  scored: boolean;
  values: readonly CvssMetricValue[];
}

export interface CvssGroup {
  id: CvssGroupId;
  name: string;
  description: string;
}

export interface CvssVersionDefinition {
  version: CvssVersion;
  /** The vector string prefix, without the slash: "CVSS:3.1". */
  prefix: string;
  /** v4.0 requires metrics in specification order; v3.x accepts any order. */
  fixedOrder: boolean;
  groups: readonly CvssGroup[];
  /** In specification order. */
  metrics: readonly CvssMetric[];
}

/** FIRST's qualitative rating scale, the same for v3.x and v4.0. */
export const CVSS_SEVERITY_SCALE: readonly { severity: CvssSeverity; min: number; max: number }[] = [
  { severity: 'None', min: 0, max: 0 },
  { severity: 'Low', min: 0.1, max: 3.9 },
  { severity: 'Medium', min: 4, max: 6.9 },
  { severity: 'High', min: 7, max: 8.9 },
  { severity: 'Critical', min: 9, max: 10 },
];

/** The rating of a score already rounded to one decimal. */
export function cvssSeverity(score: number): CvssSeverity {
  if (score >= 9) return 'Critical';
  if (score >= 7) return 'High';
  if (score >= 4) return 'Medium';
  if (score > 0) return 'Low';
  return 'None';
}

type ValueRow = readonly [code: string, name: string, json: string, description: string];

function metric(
  key: string,
  name: string,
  group: CvssGroupId,
  json: string,
  description: string,
  rows: readonly ValueRow[],
  options: { mandatory?: boolean; scored?: boolean } = {},
): CvssMetric {
  return {
    key,
    name,
    group,
    json,
    description,
    mandatory: options.mandatory ?? group === 'base',
    scored: options.scored ?? group !== 'supplemental',
    values: rows.map(([code, valueName, jsonValue, valueDescription]) => ({
      code,
      name: valueName,
      json: jsonValue,
      description: valueDescription,
    })),
  };
}

const NOT_DEFINED_MODIFIED: ValueRow = ['X', 'Not Defined', 'NOT_DEFINED', 'Use the value of the corresponding base metric.'];

/** A modified base metric: "Not Defined" plus the base metric's values, with the environment's meaning. */
function modified(base: CvssMetric, jsonPrefix = 'modified', extra: readonly ValueRow[] = []): CvssMetric {
  const json = `${jsonPrefix}${base.json.charAt(0).toUpperCase()}${base.json.slice(1)}`;
  return metric(
    `M${base.key}`,
    `Modified ${base.name}`,
    'environmental',
    json,
    `${base.name} as it is in the analyst's environment; overrides the base value.`,
    [NOT_DEFINED_MODIFIED, ...extra, ...base.values.map((v): ValueRow => [v.code, v.name, v.json, v.description])],
  );
}

// ---------------------------------------------------------------------------------------------
// CVSS v3.0 and v3.1 (the same metrics and values; 3.1 clarified descriptions and the formulas)

const v3AttackVector = metric(
  'AV',
  'Attack Vector',
  'base',
  'attackVector',
  'The context by which exploitation is possible: the more remote the attacker can be, the higher the score.',
  [
    ['N', 'Network', 'NETWORK', 'Bound to the network stack; attackable from across the Internet (remotely exploitable).'],
    ['A', 'Adjacent', 'ADJACENT_NETWORK', 'Limited to a logically adjacent topology: the same physical or logical network (Bluetooth, Wi-Fi, local subnet) or administrative domain.'],
    ['L', 'Local', 'LOCAL', 'Not bound to the network stack: the attacker works locally (keyboard, console, SSH session) or relies on a user to open something.'],
    ['P', 'Physical', 'PHYSICAL', 'The attacker must physically touch or manipulate the vulnerable component.'],
  ],
);
const v3AttackComplexity = metric(
  'AC',
  'Attack Complexity',
  'base',
  'attackComplexity',
  "Conditions beyond the attacker's control that must exist for the attack to succeed.",
  [
    ['L', 'Low', 'LOW', 'No specialised access conditions: the attacker can expect repeatable success.'],
    ['H', 'High', 'HIGH', 'Success depends on conditions the attacker must prepare for or wait for (target knowledge, environment preparation, being in the network path).'],
  ],
);
const v3PrivilegesRequired = metric(
  'PR',
  'Privileges Required',
  'base',
  'privilegesRequired',
  'The privileges the attacker must hold before exploiting the vulnerability.',
  [
    ['N', 'None', 'NONE', 'Unauthorised before the attack; needs no access to settings or files.'],
    ['L', 'Low', 'LOW', 'Basic user capabilities: settings and files owned by a user, or non-sensitive resources.'],
    ['H', 'High', 'HIGH', 'Significant (e.g. administrative) control over component-wide settings and files.'],
  ],
);
const v3UserInteraction = metric(
  'UI',
  'User Interaction',
  'base',
  'userInteraction',
  'Whether a user other than the attacker must take part in the compromise.',
  [
    ['N', 'None', 'NONE', 'Exploitable without any user doing anything.'],
    ['R', 'Required', 'REQUIRED', 'A user must take some action first, e.g. install an application or click a link.'],
  ],
);
const v3Scope = metric(
  'S',
  'Scope',
  'base',
  'scope',
  'Whether the vulnerability lets the attacker affect resources beyond the security scope of the vulnerable component.',
  [
    ['U', 'Unchanged', 'UNCHANGED', 'Only resources managed by the same security authority are affected.'],
    ['C', 'Changed', 'CHANGED', 'Resources beyond the security authority of the vulnerable component are affected (e.g. a container escape).'],
  ],
);
function v3Impact(key: 'C' | 'I' | 'A', name: string, json: string, loss: string): CvssMetric {
  return metric(key, `${name} Impact`, 'base', json, `Impact on the ${loss} of the impacted component.`, [
    ['H', 'High', 'HIGH', `Total loss of ${loss}, or a loss with a direct, serious consequence.`],
    ['L', 'Low', 'LOW', `Some loss of ${loss}, without a direct, serious consequence.`],
    ['N', 'None', 'NONE', `No loss of ${loss}.`],
  ]);
}
const v3Confidentiality = v3Impact('C', 'Confidentiality', 'confidentialityImpact', 'confidentiality');
const v3Integrity = v3Impact('I', 'Integrity', 'integrityImpact', 'integrity');
const v3Availability = v3Impact('A', 'Availability', 'availabilityImpact', 'availability');

const v3ExploitCodeMaturity = metric(
  'E',
  'Exploit Code Maturity',
  'temporal',
  'exploitCodeMaturity',
  'The likelihood of attack, from the state of exploit techniques and code, or active exploitation.',
  [
    ['X', 'Not Defined', 'NOT_DEFINED', 'Not enough information to choose; scored as High.'],
    ['H', 'High', 'HIGH', 'Functional autonomous code exists, or no exploit is needed; exploitation works everywhere.'],
    ['F', 'Functional', 'FUNCTIONAL', 'Functional exploit code works in most situations where the vulnerability exists.'],
    ['P', 'Proof-of-Concept', 'PROOF_OF_CONCEPT', 'Proof-of-concept code exists, or a demonstration is not practical on most systems.'],
    ['U', 'Unproven', 'UNPROVEN', 'No exploit code is available, or an exploit is theoretical.'],
  ],
  { mandatory: false },
);
const v3RemediationLevel = metric(
  'RL',
  'Remediation Level',
  'temporal',
  'remediationLevel',
  'The remediation available for the vulnerability.',
  [
    ['X', 'Not Defined', 'NOT_DEFINED', 'Not enough information to choose; scored as Unavailable.'],
    ['U', 'Unavailable', 'UNAVAILABLE', 'No solution is available, or it cannot be applied.'],
    ['W', 'Workaround', 'WORKAROUND', 'An unofficial, non-vendor solution exists.'],
    ['T', 'Temporary Fix', 'TEMPORARY_FIX', 'An official but temporary fix (hotfix, tool, workaround) exists.'],
    ['O', 'Official Fix', 'OFFICIAL_FIX', 'A complete vendor solution (patch or upgrade) is available.'],
  ],
  { mandatory: false },
);
const v3ReportConfidence = metric(
  'RC',
  'Report Confidence',
  'temporal',
  'reportConfidence',
  'Confidence in the existence of the vulnerability and the credibility of its technical details.',
  [
    ['X', 'Not Defined', 'NOT_DEFINED', 'Not enough information to choose; scored as Confirmed.'],
    ['C', 'Confirmed', 'CONFIRMED', 'Detailed reports or functional reproduction exist, or the author or vendor confirmed it.'],
    ['R', 'Reasonable', 'REASONABLE', 'Significant details are published, but the root cause is not fully confirmed.'],
    ['U', 'Unknown', 'UNKNOWN', 'Reports indicate impact, but they differ or the cause is uncertain.'],
  ],
  { mandatory: false },
);
function requirement(key: 'CR' | 'IR' | 'AR', name: string, json: string, notDefinedAs: string): CvssMetric {
  const property = name.toLowerCase();
  return metric(
    key,
    `${name} Requirement`,
    'environmental',
    json,
    `How much the ${property} of the affected asset matters to the analyst's organisation.`,
    [
      ['X', 'Not Defined', 'NOT_DEFINED', `Not enough information to choose; scored as ${notDefinedAs}.`],
      ['H', 'High', 'HIGH', `Loss of ${property} would have a catastrophic adverse effect.`],
      ['M', 'Medium', 'MEDIUM', `Loss of ${property} would have a serious adverse effect.`],
      ['L', 'Low', 'LOW', `Loss of ${property} would have only a limited adverse effect.`],
    ],
  );
}

const V3_GROUPS: readonly CvssGroup[] = [
  { id: 'base', name: 'Base', description: 'The intrinsic characteristics of the vulnerability, constant over time and across environments.' },
  { id: 'temporal', name: 'Temporal', description: 'Characteristics that change over time: exploit code, remediation, report confidence.' },
  { id: 'environmental', name: 'Environmental', description: "The vulnerability in the analyst's own environment." },
];

const v3Base = [
  v3AttackVector,
  v3AttackComplexity,
  v3PrivilegesRequired,
  v3UserInteraction,
  v3Scope,
  v3Confidentiality,
  v3Integrity,
  v3Availability,
];
const V3_METRICS: readonly CvssMetric[] = [
  ...v3Base,
  v3ExploitCodeMaturity,
  v3RemediationLevel,
  v3ReportConfidence,
  requirement('CR', 'Confidentiality', 'confidentialityRequirement', 'Medium'),
  requirement('IR', 'Integrity', 'integrityRequirement', 'Medium'),
  requirement('AR', 'Availability', 'availabilityRequirement', 'Medium'),
  ...v3Base.map((base) => modified(base)),
];

// ---------------------------------------------------------------------------------------------
// CVSS v4.0

const v4AttackVector = metric(
  'AV',
  'Attack Vector',
  'base',
  'attackVector',
  'The context by which exploitation is possible: the more remote the attacker can be, the higher the score.',
  [
    ['N', 'Network', 'NETWORK', 'Bound to the network stack; attackable from across the Internet (remotely exploitable).'],
    ['A', 'Adjacent', 'ADJACENT', 'Limited to a logically adjacent topology: the same physical or logical network, or a limited administrative domain.'],
    ['L', 'Local', 'LOCAL', 'Not bound to the network stack: the attacker works locally (keyboard, console, SSH) or relies on a user.'],
    ['P', 'Physical', 'PHYSICAL', 'The attacker must physically touch or manipulate the vulnerable system.'],
  ],
);
const v4AttackComplexity = metric(
  'AC',
  'Attack Complexity',
  'base',
  'attackComplexity',
  'Measurable actions the attacker must take to evade or circumvent security-enhancing conditions already in place.',
  [
    ['L', 'Low', 'LOW', 'No target-specific evasion is needed: repeatable success is expected.'],
    ['H', 'High', 'HIGH', 'Success depends on evading defences (ASLR, DEP, …) or obtaining target-specific secrets.'],
  ],
);
const v4AttackRequirements = metric(
  'AT',
  'Attack Requirements',
  'base',
  'attackRequirements',
  'Deployment and execution conditions of the vulnerable system that the attack depends on.',
  [
    ['N', 'None', 'NONE', 'Success does not depend on deployment or execution conditions of the vulnerable system.'],
    ['P', 'Present', 'PRESENT', 'Success depends on specific conditions, such as winning a race or a man-in-the-middle position.'],
  ],
);
const v4PrivilegesRequired = metric(
  'PR',
  'Privileges Required',
  'base',
  'privilegesRequired',
  'The privileges the attacker must hold before exploiting the vulnerability.',
  [
    ['N', 'None', 'NONE', 'Unauthorised before the attack; needs no access to settings or files.'],
    ['L', 'Low', 'LOW', 'Basic user capabilities: settings and files owned by a user, or non-sensitive resources.'],
    ['H', 'High', 'HIGH', 'Significant (e.g. administrative) control over component-wide settings and files.'],
  ],
);
const v4UserInteraction = metric(
  'UI',
  'User Interaction',
  'base',
  'userInteraction',
  'Whether a human user other than the attacker must take part in the compromise.',
  [
    ['N', 'None', 'NONE', 'Exploitable without any human user other than the attacker.'],
    ['P', 'Passive', 'PASSIVE', 'Needs limited, involuntary interaction by the targeted user (e.g. visiting a page).'],
    ['A', 'Active', 'ACTIVE', 'Needs specific, conscious interaction by the targeted user (e.g. importing a file, running a command).'],
  ],
);
function v4Impact(key: string, system: 'Vulnerable' | 'Subsequent', property: string, json: string): CvssMetric {
  const where = system === 'Vulnerable' ? 'the vulnerable system' : 'systems beyond the vulnerable one';
  return metric(key, `${system} System ${property[0]?.toUpperCase()}${property.slice(1)}`, 'base', json, `Impact on the ${property} of ${where}.`, [
    ['H', 'High', 'HIGH', `Total loss of ${property}, or a loss with a direct, serious consequence.`],
    ['L', 'Low', 'LOW', `Some loss of ${property}, without a direct, serious consequence.`],
    ['N', 'None', 'NONE', `No loss of ${property}.`],
  ]);
}
const v4Base = [
  v4AttackVector,
  v4AttackComplexity,
  v4AttackRequirements,
  v4PrivilegesRequired,
  v4UserInteraction,
  v4Impact('VC', 'Vulnerable', 'confidentiality', 'vulnConfidentialityImpact'),
  v4Impact('VI', 'Vulnerable', 'integrity', 'vulnIntegrityImpact'),
  v4Impact('VA', 'Vulnerable', 'availability', 'vulnAvailabilityImpact'),
  v4Impact('SC', 'Subsequent', 'confidentiality', 'subConfidentialityImpact'),
  v4Impact('SI', 'Subsequent', 'integrity', 'subIntegrityImpact'),
  v4Impact('SA', 'Subsequent', 'availability', 'subAvailabilityImpact'),
];
const v4ExploitMaturity = metric(
  'E',
  'Exploit Maturity',
  'threat',
  'exploitMaturity',
  'The likelihood of attack, from the current state of exploit techniques and exploitation in the wild.',
  [
    ['X', 'Not Defined', 'NOT_DEFINED', 'Not enough information to choose; scored as Attacked.'],
    ['A', 'Attacked', 'ATTACKED', 'Attacks have been reported, or tools that simplify attempts are available.'],
    ['P', 'POC', 'PROOF_OF_CONCEPT', 'Proof-of-concept exploit code is public, and no exploitation attempts are known.'],
    ['U', 'Unreported', 'UNREPORTED', 'Neither proof-of-concept code nor exploitation attempts are known.'],
  ],
  { mandatory: false },
);
const SAFETY_VALUE: ValueRow = ['S', 'Safety', 'SAFETY', 'The impact could cause serious injury or worse (IEC 61508 categories).'];
const [v4AV, v4AC, v4AT, v4PR, v4UI, v4VC, v4VI, v4VA, v4SC, v4SI, v4SA] = v4Base as [
  CvssMetric,
  CvssMetric,
  CvssMetric,
  CvssMetric,
  CvssMetric,
  CvssMetric,
  CvssMetric,
  CvssMetric,
  CvssMetric,
  CvssMetric,
  CvssMetric,
];
const v4Modified = [
  modified(v4AV),
  modified(v4AC),
  modified(v4AT),
  modified(v4PR),
  modified(v4UI),
  modified(v4VC),
  modified(v4VI),
  modified(v4VA),
  modified(v4SC),
  modified(v4SI, 'modified', [SAFETY_VALUE]),
  modified(v4SA, 'modified', [SAFETY_VALUE]),
];
function supplemental(key: string, name: string, json: string, description: string, rows: readonly ValueRow[]): CvssMetric {
  return metric(key, name, 'supplemental', json, description, [
    ['X', 'Not Defined', 'NOT_DEFINED', 'Not assessed.'],
    ...rows,
  ]);
}
const V4_METRICS: readonly CvssMetric[] = [
  ...v4Base,
  v4ExploitMaturity,
  requirement('CR', 'Confidentiality', 'confidentialityRequirement', 'High'),
  requirement('IR', 'Integrity', 'integrityRequirement', 'High'),
  requirement('AR', 'Availability', 'availabilityRequirement', 'High'),
  ...v4Modified,
  supplemental('S', 'Safety', 'Safety', 'Whether exploitation could cause physical harm (IEC 61508).', [
    ['N', 'Negligible', 'NEGLIGIBLE', 'Consequences meet the IEC 61508 "negligible" category.'],
    ['P', 'Present', 'PRESENT', 'Consequences meet the IEC 61508 marginal, critical or catastrophic categories.'],
  ]),
  supplemental('AU', 'Automatable', 'Automatable', 'Whether an attacker can automate exploitation across many targets.', [
    ['N', 'No', 'NO', 'At least one of reconnaissance, weaponisation, delivery or exploitation cannot be automated.'],
    ['Y', 'Yes', 'YES', 'All four kill-chain steps can be reliably automated.'],
  ]),
  supplemental('R', 'Recovery', 'Recovery', 'How the system recovers its services after an attack.', [
    ['A', 'Automatic', 'AUTOMATIC', 'The system recovers by itself.'],
    ['U', 'User', 'USER', 'A user must intervene to recover services.'],
    ['I', 'Irrecoverable', 'IRRECOVERABLE', 'The system cannot be recovered by the user.'],
  ]),
  supplemental('V', 'Value Density', 'valueDensity', 'The resources the attacker gains control of with a single exploitation.', [
    ['D', 'Diffuse', 'DIFFUSE', 'The vulnerable system has limited resources (e.g. one user’s email client).'],
    ['C', 'Concentrated', 'CONCENTRATED', 'The vulnerable system is rich in resources (e.g. a central email server).'],
  ]),
  supplemental('RE', 'Vulnerability Response Effort', 'vulnerabilityResponseEffort', 'How hard it is for consumers to respond to the vulnerability.', [
    ['L', 'Low', 'LOW', 'Minimal effort: documentation or configuration changes.'],
    ['M', 'Moderate', 'MODERATE', 'Some effort and possibly minor service impact.'],
    ['H', 'High', 'HIGH', 'Significant effort, possibly extended downtime or replacement.'],
  ]),
  supplemental('U', 'Provider Urgency', 'providerUrgency', "The provider's own assessment of urgency.", [
    ['Clear', 'Clear', 'CLEAR', 'Informational, or low or no urgency.'],
    ['Green', 'Green', 'GREEN', 'Reduced urgency.'],
    ['Amber', 'Amber', 'AMBER', 'Moderate urgency.'],
    ['Red', 'Red', 'RED', 'The highest urgency.'],
  ]),
];

const V4_GROUPS: readonly CvssGroup[] = [
  { id: 'base', name: 'Base', description: 'The intrinsic characteristics of the vulnerability, constant over time and across environments.' },
  { id: 'threat', name: 'Threat', description: 'Characteristics that change over time: the maturity of exploitation.' },
  { id: 'environmental', name: 'Environmental', description: "The vulnerability in the analyst's own environment." },
  { id: 'supplemental', name: 'Supplemental', description: 'Extra context recorded with the vector; it does not change the score.' },
];

export const CVSS_DEFINITIONS: Readonly<Record<CvssVersion, CvssVersionDefinition>> = {
  '3.0': { version: '3.0', prefix: 'CVSS:3.0', fixedOrder: false, groups: V3_GROUPS, metrics: V3_METRICS },
  '3.1': { version: '3.1', prefix: 'CVSS:3.1', fixedOrder: false, groups: V3_GROUPS, metrics: V3_METRICS },
  '4.0': { version: '4.0', prefix: 'CVSS:4.0', fixedOrder: true, groups: V4_GROUPS, metrics: V4_METRICS },
};

export function cvssMetric(version: CvssVersion, key: string): CvssMetric | undefined {
  return CVSS_DEFINITIONS[version].metrics.find((m) => m.key === key);
}
