/**
 * The one XML reader of the Dialogmelding door. A document type declaration is
 * refused before parsing: no DTD, so no external entity (XXE) and no entity that
 * expands to another (billion laughs) can reach the parser. Values stay strings, so
 * a national id keeps its leading zero.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export class XmlRefused extends Error {}

export type XmlNode = { [name: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
});

export const maxXmlBytes = 32 * 1024 * 1024;

/** Every element is an array of nodes (cardinality is the reader's to check); attributes are `@name`, text `#text`. */
export function parseXml(text: string): XmlNode {
  if (text.length > maxXmlBytes) throw new XmlRefused(`the document is larger than ${maxXmlBytes} bytes`);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new XmlRefused('document type declarations and entities are not accepted');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new XmlRefused(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  return parser.parse(text) as XmlNode;
}
