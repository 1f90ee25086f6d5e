/** `urn:innboks:extension:representative-access` on a Communication or an Appointment (SENDER-API "Representation"). */
import { isRepresentativeAccess, representativeAccessCodes, type RepresentativeAccess } from '@innboks/core';
import { extensions } from './systems.ts';
import { isObject, type Fail, type Json } from './reading.ts';

/** One of the codes of 9603, or undefined when the extension is absent; another value fails naming the element under `at`. */
export function readRepresentativeAccess(extensionList: unknown, at: string, fail: Fail): RepresentativeAccess | undefined {
  if (!Array.isArray(extensionList)) return undefined;
  const index = extensionList.findIndex((extension) => isObject(extension) && extension.url === extensions.representativeAccess);
  if (index < 0) return undefined;
  const value = (extensionList[index] as Json).valueCode;
  if (!isRepresentativeAccess(value)) {
    fail('value', `extension ${extensions.representativeAccess} takes valueCode ${representativeAccessCodes.join(', ')}`, `${at}.extension[${index}].valueCode`);
    return undefined;
  }
  return value;
}
