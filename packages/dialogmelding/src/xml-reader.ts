/**
 * Walking a parsed document by the standard's structure: each step names the element
 * path it expects, so a missing or repeated element is reported by where it is.
 */
import type { XmlNode, XmlValue } from './safe-xml.ts';

export interface StructureIssue {
  path: string;
  message: string;
}

export class StructureInvalid extends Error {
  constructor(readonly issues: StructureIssue[]) {
    super(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '));
  }
}

export class XmlReader {
  readonly issues: StructureIssue[] = [];

  fail(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  /** All occurrences of `name` under `node`, checked against [min, max]. */
  many(node: XmlNode | undefined, name: string, path: string, min: number, max: number): XmlNode[] {
    const found = node ? asNodes(node[name]) : [];
    if (found.length < min) this.fail(`${path}/${name}`, min === 1 ? 'required' : `at least ${min} required`);
    if (found.length > max) this.fail(`${path}/${name}`, max === 1 ? 'at most one allowed' : `at most ${max} allowed`);
    return found;
  }

  one(node: XmlNode | undefined, name: string, path: string): XmlNode | undefined {
    return this.many(node, name, path, 1, 1)[0];
  }

  optional(node: XmlNode | undefined, name: string, path: string): XmlNode | undefined {
    return this.many(node, name, path, 0, 1)[0];
  }

  /** The text of a required element, not empty. */
  text(node: XmlNode | undefined, name: string, path: string): string {
    const element = this.one(node, name, path);
    const value = element ? textOf(element) : '';
    if (element && value === '') this.fail(`${path}/${name}`, 'must not be empty');
    return value;
  }

  optionalText(node: XmlNode | undefined, name: string, path: string): string | undefined {
    const element = this.optional(node, name, path);
    return element ? textOf(element) : undefined;
  }

  /** A coded value (`V`, `DN`, `S` attributes); `system` is checked when given. */
  code(node: XmlNode | undefined, name: string, path: string, allowed: { system?: string; values?: readonly string[] } = {}): { v: string; dn: string | undefined; s: string | undefined } | undefined {
    const element = this.one(node, name, path);
    return element ? this.codeOf(element, `${path}/${name}`, allowed) : undefined;
  }

  codeOf(element: XmlNode, path: string, allowed: { system?: string; values?: readonly string[] }) {
    const v = attribute(element, 'V');
    const s = attribute(element, 'S');
    if (!v) this.fail(`${path}/@V`, 'required');
    if (allowed.system && s !== allowed.system) this.fail(`${path}/@S`, `must be code system ${allowed.system}`);
    if (v && allowed.values && !allowed.values.includes(v)) this.fail(`${path}/@V`, `must be one of ${allowed.values.join(', ')}`);
    return v ? { v, dn: attribute(element, 'DN'), s } : undefined;
  }

  throwIfInvalid(): void {
    if (this.issues.length) throw new StructureInvalid(this.issues);
  }
}

function asNodes(value: XmlValue | undefined): XmlNode[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => (typeof item === 'string' ? { '#text': item } : (item as XmlNode)));
}

export function textOf(node: XmlNode): string {
  const text = node['#text'];
  const value = Array.isArray(text) ? text.join('') : typeof text === 'string' ? text : '';
  return value.trim();
}

export function attribute(node: XmlNode, name: string): string | undefined {
  const value = node[`@${name}`];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}

/** Whether the document declares `namespace` (as default or for a prefix); the parser drops prefixes, so this is where the standard's version is checked. */
export function declaresNamespace(xml: string, namespace: string): boolean {
  return new RegExp(`\\sxmlns(?::[\\w.-]+)?\\s*=\\s*["']${namespace.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']`).test(xml);
}
