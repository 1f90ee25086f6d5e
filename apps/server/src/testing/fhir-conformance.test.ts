import { describe, expect, test } from 'vitest';
import { conformanceProblems } from './fhir-conformance.ts';

const communication = {
  resourceType: 'Communication',
  id: 'c1',
  status: 'completed',
  extension: [{ url: 'urn:innboks:extension:important', valueBoolean: false }],
};

describe('FHIR conformance check', () => {
  test('a conformant resource has no problems', () => {
    expect(conformanceProblems(communication)).toEqual([]);
  });

  test('the official R4 schema refuses an unknown element and a malformed dateTime', () => {
    expect(conformanceProblems({ ...communication, colour: 'blue' }).join()).toContain('schema');
    expect(conformanceProblems({ ...communication, sent: 'yesterday' }).join()).toContain('/sent');
  });

  test('an extension with neither value nor extensions breaks ext-1 and ele-1', () => {
    const problems = conformanceProblems({ ...communication, extension: [{ url: 'urn:innboks:extension:delivery', extension: [] }] });
    expect(problems.join('\n')).toMatch(/ext-1[\s\S]*ele-1|ele-1[\s\S]*ext-1/);
  });

  test('a Bundle entry needs an absolute fullUrl that names its resource', () => {
    const bundle = (fullUrl: string) => ({ resourceType: 'Bundle', type: 'searchset', entry: [{ fullUrl, resource: communication }] });
    expect(conformanceProblems(bundle('http://localhost/fhir/R4/Communication/c1'))).toEqual([]);
    expect(conformanceProblems(bundle('/fhir/R4/Communication/c1')).join()).toContain('not absolute');
    expect(conformanceProblems(bundle('http://localhost/fhir/R4/Communication/c2')).join()).toContain('does not name');
  });
});
