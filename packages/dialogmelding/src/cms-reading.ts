/**
 * Reading an incoming message's CMS with pkijs, only as far as opening it needs — for
 * what the asn1.js path (cms-open-fast.ts) does not take (cms-open-pkijs.ts).
 *
 * `new pkijs.EnvelopedData({ schema })` and `new pkijs.SignedData({ schema })` build
 * and match pkijs's whole schema each time — every RecipientInfo alternative, and the
 * certificates the sender attached, down to their extensions: ~2.5 ms of CPU a
 * message, where RSA decryption is ~0.3 ms. We verify against the address register's
 * certificate, never an attached one, so those are not read at all: asn1js parses
 * the bytes, the top-level fields are told apart by their type (RFC 5652 §6.1,
 * §5.1), and pkijs reads each structure that is used — KeyTransRecipientInfo,
 * EncryptedContentInfo, EncapsulatedContentInfo, SignerInfo. The full pkijs objects
 * are still there (`full()`) for the algorithms left to pkijs.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { oid } from './cms-algorithms.ts';
import { arrayBufferOf } from './cms-keys.ts';

export interface ReadEnvelope {
  /** Key transport recipients, in order; undefined for the other kinds of recipient. */
  recipients: (pkijs.KeyTransRecipientInfo | undefined)[];
  encryptedContentInfo: pkijs.EncryptedContentInfo;
  full(): pkijs.EnvelopedData;
}

export interface ReadSignedData {
  encapContentInfo: pkijs.EncapsulatedContentInfo;
  signerInfos: pkijs.SignerInfo[];
  full(): pkijs.SignedData;
}

/** The EnvelopedData in a ContentInfo; throws when the bytes are not one. */
export function readEnvelope(bytes: Uint8Array): ReadEnvelope {
  const content = contentOf(bytes, oid.envelopedData);
  const fields = content.valueBlock.value;
  const recipientSet = fields.findIndex(isUniversal(asn1js.Set));
  const encrypted = fields[recipientSet + 1];
  if (recipientSet < 1 || !encrypted || !isUniversal(asn1js.Sequence)(encrypted)) throw new Error('EnvelopedData without recipientInfos and encryptedContentInfo');
  // A KeyTransRecipientInfo is the one RecipientInfo that is a plain SEQUENCE; the others are tagged [1]–[4].
  const recipients = (fields[recipientSet] as asn1js.Set).valueBlock.value.map((recipient) => (isUniversal(asn1js.Sequence)(recipient) ? new pkijs.KeyTransRecipientInfo({ schema: recipient }) : undefined));
  return {
    recipients,
    encryptedContentInfo: new pkijs.EncryptedContentInfo({ schema: encrypted }),
    full: () => new pkijs.EnvelopedData({ schema: content }),
  };
}

/** The SignedData in a ContentInfo; throws when the bytes are not one. */
export function readSignedData(bytes: Uint8Array): ReadSignedData {
  const content = contentOf(bytes, oid.signedData);
  const fields = content.valueBlock.value;
  // version, digestAlgorithms SET, encapContentInfo SEQUENCE, [0] certificates, [1] crls, signerInfos SET
  const sets = fields.filter(isUniversal(asn1js.Set));
  const encap = fields.find(isUniversal(asn1js.Sequence));
  const signerSet = sets[1];
  if (sets.length !== 2 || !encap || fields[fields.length - 1] !== signerSet) throw new Error('SignedData without digestAlgorithms, encapContentInfo and signerInfos');
  return {
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ schema: encap }),
    signerInfos: (signerSet as asn1js.Set).valueBlock.value.map((signer) => new pkijs.SignerInfo({ schema: signer })),
    full: () => new pkijs.SignedData({ schema: content }),
  };
}

function contentOf(bytes: Uint8Array, contentType: string): asn1js.Sequence {
  const info = pkijs.ContentInfo.fromBER(arrayBufferOf(bytes));
  if (info.contentType !== contentType) throw new Error(`content type ${info.contentType}`);
  if (!isUniversal(asn1js.Sequence)(info.content)) throw new Error('the content is not a SEQUENCE');
  return info.content as asn1js.Sequence;
}

/** An untagged block of this universal type (a tagged [n] field is not one, whatever it was parsed as). */
function isUniversal(type: typeof asn1js.Sequence | typeof asn1js.Set) {
  return (block: unknown): boolean => block instanceof type && block.idBlock.tagClass === 1;
}
