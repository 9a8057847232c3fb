// The shared metric definitions (what the parser accepts and the calculator UI offers) agree
// with FIRST's JSON schemas: every metric and value, with the schema's names, and nothing the
// schemas do not know.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CVSS_DEFINITIONS, cvssSeverity, type CvssVersion } from '../../../src/shared/cvss-metrics.ts';

interface Schema {
  properties: Record<string, { $ref?: string; enum?: string[] }>;
  definitions: Record<string, { enum?: string[] }>;
}

function schema(version: CvssVersion): Schema {
  return JSON.parse(readFileSync(new URL(`../../../resources/schemas/cvss/cvss-v${version}.json`, import.meta.url), 'utf8')) as Schema;
}

function schemaEnum(s: Schema, property: string): string[] | undefined {
  const entry = s.properties[property];
  if (!entry) return undefined;
  if (entry.enum) return entry.enum;
  return entry.$ref ? s.definitions[entry.$ref.split('/').pop() as string]?.enum : undefined;
}

describe('CVSS metric definitions against FIRST’s JSON schemas', () => {
  for (const version of ['3.0', '3.1', '4.0'] as const) {
    it(`CVSS ${version}: every metric and value exists in the schema under the same name`, () => {
      const s = schema(version);
      const metricProperties = Object.keys(s.properties).filter((p) => !/^(version|vectorString)$|Score$|Severity$/.test(p));
      const definitions = CVSS_DEFINITIONS[version].metrics;
      expect(definitions.map((m) => m.json).sort()).toEqual(metricProperties.sort());
      for (const metric of definitions) {
        expect(metric.values.map((v) => v.json).sort(), `${version} ${metric.key}`).toEqual([...(schemaEnum(s, metric.json) ?? [])].sort());
      }
    });
  }

  it('every metric and value has a name and a description for the calculator', () => {
    for (const version of ['3.0', '3.1', '4.0'] as const) {
      for (const metric of CVSS_DEFINITIONS[version].metrics) {
        expect(metric.name.length).toBeGreaterThan(2);
        expect(metric.description.length).toBeGreaterThan(20);
        for (const value of metric.values) expect(value.description.length, `${metric.key}:${value.code}`).toBeGreaterThan(8);
        expect(new Set(metric.values.map((v) => v.code)).size).toBe(metric.values.length);
      }
    }
  });

  it('rates the severity boundaries of section 5', () => {
    expect([0, 0.1, 3.9, 4, 6.9, 7, 8.9, 9, 10].map(cvssSeverity)).toEqual(['None', 'Low', 'Low', 'Medium', 'Medium', 'High', 'High', 'Critical', 'Critical']);
  });
});
