/**
 * The CMS structures of RFC 5652 (and the start of an X.509 certificate) as asn1.js
 * models: declarative schemas that asn1.js decodes from and encodes to DER.
 *
 * Why asn1.js and not pkijs here: pkijs builds on asn1js, which makes an object for
 * every TLV and matches a generic schema tree each time (~0.45 ms to parse one 3 KB
 * sealed message, ~2 ms of CPU for the CMS structure of a message in all). asn1.js
 * walks the bytes once along the model and leaves what we do not look at — attached
 * certificates, names, attribute values — as DER slices, 5 to 40 times faster.
 *
 * Reading and writing use different models (…AsRead) where asn1.js needs it:
 * - `any()` gives a slice from where its TLV begins to the end of the enclosing
 *   structure (asn1.js 5 slices to the end, not to the TLV's end): right for a last
 *   field or to decode the first TLV of, wrong as exact bytes. Where the exact DER
 *   matters — an issuer Name compared as DER, the signed attributes a signature is
 *   over — the field is read as a tagged type and its bytes taken with asn1.js's
 *   `track` option (decodeKeeping).
 * - asn1.js does not tell a primitive OCTET STRING from a BER constructed one, so
 *   content fields are read as raw TLVs and octetsOf picks the model by their tag.
 */
import asn1, { type BigNumber, type Model } from 'asn1.js';

export type ObjectIdentifier = number[];

export interface AlgorithmIdentifier {
  algorithm: ObjectIdentifier;
  /** The parameters' DER, as they are (absent, NULL, an IV, OAEP parameters). */
  parameters?: Buffer | undefined;
}

export interface ContentInfo {
  contentType: ObjectIdentifier;
  /** The content's DER (EnvelopedData, SignedData). */
  content: Buffer;
}

export interface IssuerAndSerialNumber {
  /** The issuer Name's DER (null as read: its bytes are kept by decodeKeeping). */
  issuer: Buffer | null;
  serialNumber: BigNumber;
}

/** SignerIdentifier and RecipientIdentifier: the same CHOICE. */
export type CertificateIdentifier = { type: 'issuerAndSerialNumber'; value: IssuerAndSerialNumber } | { type: 'subjectKeyIdentifier'; value: Buffer };

export interface KeyTransRecipientInfoAsRead {
  rid: CertificateIdentifier;
  keyEncryptionAlgorithm: AlgorithmIdentifier;
  encryptedKey: Buffer;
}

export interface KeyTransRecipientInfo {
  version: number | BigNumber;
  rid: CertificateIdentifier;
  keyEncryptionAlgorithm: AlgorithmIdentifier;
  encryptedKey: Buffer;
}

export interface EncryptedContentInfo {
  contentType: ObjectIdentifier;
  contentEncryptionAlgorithm: AlgorithmIdentifier;
  encryptedContent: Buffer;
}

export interface EnvelopedData {
  version: number;
  recipientInfos: KeyTransRecipientInfo[];
  encryptedContentInfo: EncryptedContentInfo;
}

export interface EnvelopedDataAsRead {
  version: BigNumber;
  /** A slice beginning with each RecipientInfo (see `any()` above): a KeyTransRecipientInfo is the one that is a SEQUENCE, the others are tagged [1]–[4]. */
  recipientInfos: Buffer[];
  encryptedContentInfo: { contentType: ObjectIdentifier; contentEncryptionAlgorithm: AlgorithmIdentifier; encryptedContent?: Buffer | undefined };
}

export interface Attribute {
  attrType: ObjectIdentifier;
  /** A slice beginning with each value (see `any()` above); written, each value's DER. */
  attrValues: Buffer[];
}

export interface SignerInfo {
  version: number | BigNumber;
  sid: CertificateIdentifier;
  digestAlgorithm: AlgorithmIdentifier;
  signedAttrs?: Attribute[] | undefined;
  signatureAlgorithm: AlgorithmIdentifier;
  signature: Buffer;
}

export interface SignedData {
  version: number;
  digestAlgorithms: AlgorithmIdentifier[];
  encapContentInfo: { eContentType: ObjectIdentifier; eContent: Buffer };
  /** Each certificate's DER, as it was read. */
  certificates: Buffer[];
  signerInfos: SignerInfo[];
}

export interface SignedDataAsRead {
  encapContentInfo: { eContentType: ObjectIdentifier; eContent?: Buffer | undefined };
  /** Each a slice that begins with the SignerInfo (see `any()` above): read with SignerInfoAsRead. */
  signerInfos: Buffer[];
}

export interface RsaesOaepParams {
  hashAlgorithm?: AlgorithmIdentifier | undefined;
  maskGenAlgorithm?: AlgorithmIdentifier | undefined;
  pSourceAlgorithm?: AlgorithmIdentifier | undefined;
}

/** What the caches keep of a certificate: its serial number (the issuer's bytes by decodeKeeping). */
export interface CertificateStart {
  tbsCertificate: { serialNumber: BigNumber };
}

/** Any one TLV: written as the DER given; read, a slice that begins with it (see `any()` above). */
export const Any: Model<Buffer> = asn1.define('Any', function () {
  this.any();
});

export const Null: Model<null> = asn1.define('Null', function () {
  this.null_();
});

export const OctetString: Model<Buffer> = asn1.define('OctetString', function () {
  this.octstr();
});

/**
 * One piece of an OCTET STRING written in BER chunks, or the end-of-contents (two zero
 * octets, tag 0) that closes the chunks when the sender wrote no length — asn1.js
 * lists do not stop at it by themselves.
 */
type Chunk = { type: 'piece'; value: Buffer } | { type: 'end'; value: null };
const Chunk: Model<Chunk> = asn1.define('Chunk', function () {
  this.choice({ piece: this.octstr(), end: this.implicit(0).null_() });
});

/** An OCTET STRING written in BER chunks (constructed, tag 0x24). */
const ChunkedOctetString: Model<Chunk[]> = asn1.define('ChunkedOctetString', function () {
  this.implicit(4).seqof(Chunk);
});

/** EncryptedContentInfo's encryptedContent, [0] IMPLICIT OCTET STRING, in one piece (DER). */
export const ImplicitOctetString: Model<Buffer> = asn1.define('ImplicitOctetString', function () {
  this.implicit(0).octstr();
});

/** The same field in BER chunks ([0] constructed). */
const ImplicitChunkedOctetString: Model<Chunk[]> = asn1.define('ImplicitChunkedOctetString', function () {
  this.implicit(0).seqof(Chunk);
});

/** The bytes of an OCTET STRING read as a TLV: primitive (tag 0x04, or 0x80 as [0] IMPLICIT) in one piece, constructed in BER chunks. */
export function octetsOf(tlv: Buffer): Buffer {
  if (tlv[0] === 0x04) return OctetString.decode(tlv, 'der');
  if (tlv[0] === 0x80) return ImplicitOctetString.decode(tlv, 'der');
  const chunks = (tlv[0] === 0x24 ? ChunkedOctetString : ImplicitChunkedOctetString).decode(tlv, 'der');
  return Buffer.concat(chunks.flatMap((chunk) => (chunk.type === 'piece' ? [chunk.value] : [])));
}

export const AlgorithmIdentifier: Model<AlgorithmIdentifier> = asn1.define('AlgorithmIdentifier', function () {
  this.seq().obj(this.key('algorithm').objid(), this.key('parameters').optional().any());
});

export const ContentInfo: Model<ContentInfo> = asn1.define('ContentInfo', function () {
  this.seq().obj(this.key('contentType').objid(), this.key('content').explicit(0).any());
});

/** Written: the issuer as the DER of the certificate it names. */
const IssuerAndSerialNumber: Model<IssuerAndSerialNumber> = asn1.define('IssuerAndSerialNumber', function () {
  this.seq().obj(this.key('issuer').any(), this.key('serialNumber').int());
});

/** Read: the issuer Name is a SEQUENCE whose DER decodeKeeping keeps ('…/issuer'); its inside is not read. */
const IssuerAndSerialNumberAsRead: Model<IssuerAndSerialNumber> = asn1.define('IssuerAndSerialNumberAsRead', function () {
  this.seq().obj(this.key('issuer').seq(), this.key('serialNumber').int());
});

/** RFC 5652 §5.3 SignerIdentifier, §6.2.1 RecipientIdentifier. */
const CertificateIdentifier: Model<CertificateIdentifier> = asn1.define('CertificateIdentifier', function () {
  this.choice({ issuerAndSerialNumber: this.use(IssuerAndSerialNumber), subjectKeyIdentifier: this.implicit(0).octstr() });
});

const CertificateIdentifierAsRead: Model<CertificateIdentifier> = asn1.define('CertificateIdentifierAsRead', function () {
  this.choice({ issuerAndSerialNumber: this.use(IssuerAndSerialNumberAsRead), subjectKeyIdentifier: this.implicit(0).octstr() });
});

export const KeyTransRecipientInfo: Model<KeyTransRecipientInfo> = asn1.define('KeyTransRecipientInfo', function () {
  this.seq().obj(
    this.key('version').int(),
    this.key('rid').use(CertificateIdentifier),
    this.key('keyEncryptionAlgorithm').use(AlgorithmIdentifier),
    this.key('encryptedKey').octstr(),
  );
});

/** Read with decodeKeeping(…, ['rid/issuer']). */
export const KeyTransRecipientInfoAsRead: Model<KeyTransRecipientInfoAsRead> = asn1.define('KeyTransRecipientInfoAsRead', function () {
  this.seq().obj(
    this.key('version').int(),
    this.key('rid').use(CertificateIdentifierAsRead),
    this.key('keyEncryptionAlgorithm').use(AlgorithmIdentifier),
    this.key('encryptedKey').octstr(),
  );
});

const EncryptedContentInfo: Model<EncryptedContentInfo> = asn1.define('EncryptedContentInfo', function () {
  this.seq().obj(
    this.key('contentType').objid(),
    this.key('contentEncryptionAlgorithm').use(AlgorithmIdentifier),
    this.key('encryptedContent').implicit(0).octstr(),
  );
});

/** Written: version, recipientInfos, encryptedContentInfo (no originatorInfo, no unprotectedAttrs). */
export const EnvelopedData: Model<EnvelopedData> = asn1.define('EnvelopedData', function () {
  this.seq().obj(
    this.key('version').int(),
    this.key('recipientInfos').setof(KeyTransRecipientInfo),
    this.key('encryptedContentInfo').use(EncryptedContentInfo),
  );
});

const EncryptedContentInfoAsRead = asn1.define('EncryptedContentInfoAsRead', function () {
  this.seq().obj(
    this.key('contentType').objid(),
    this.key('contentEncryptionAlgorithm').use(AlgorithmIdentifier),
    // The last field, so an optional `any` takes it when it is there; the tag tells DER from BER chunks.
    this.key('encryptedContent').optional().any(),
  );
});

export const EnvelopedDataAsRead: Model<EnvelopedDataAsRead> = asn1.define('EnvelopedDataAsRead', function () {
  this.seq().obj(
    this.key('version').int(),
    this.key('originatorInfo').implicit(0).optional().seqof(Any),
    this.key('recipientInfos').setof(Any),
    this.key('encryptedContentInfo').use(EncryptedContentInfoAsRead),
    this.key('unprotectedAttrs').implicit(1).optional().setof(Any),
  );
});

export const Attribute: Model<Attribute> = asn1.define('Attribute', function () {
  this.seq().obj(this.key('attrType').objid(), this.key('attrValues').setof(Any));
});

/** A SignerInfo whose signer identifier is read with `sid` (RFC 5652 §5.3). */
function signerInfoModel(name: string, sid: typeof CertificateIdentifier): Model<SignerInfo> {
  return asn1.define(name, function () {
    this.seq().obj(
      this.key('version').int(),
      this.key('sid').use(sid),
      this.key('digestAlgorithm').use(AlgorithmIdentifier),
      this.key('signedAttrs').implicit(0).optional().setof(Attribute),
      this.key('signatureAlgorithm').use(AlgorithmIdentifier),
      this.key('signature').octstr(),
      this.key('unsignedAttrs').implicit(1).optional().setof(Any),
    );
  });
}

export const SignerInfo = signerInfoModel('SignerInfo', CertificateIdentifier);

/** Read with decodeKeeping(…, ['sid/issuer', 'signedAttrs']). */
export const SignerInfoAsRead = signerInfoModel('SignerInfoAsRead', CertificateIdentifierAsRead);

/** Written: the content in one OCTET STRING, the signer's certificate(s), no CRLs. */
export const SignedData: Model<SignedData> = asn1.define('SignedData', function () {
  this.seq().obj(
    this.key('version').int(),
    this.key('digestAlgorithms').setof(AlgorithmIdentifier),
    this.key('encapContentInfo').seq().obj(this.key('eContentType').objid(), this.key('eContent').explicit(0).octstr()),
    this.key('certificates').implicit(0).setof(Any),
    this.key('signerInfos').setof(SignerInfo),
  );
});

export const SignedDataAsRead: Model<SignedDataAsRead> = asn1.define('SignedDataAsRead', function () {
  this.seq().obj(
    this.key('version').int(),
    this.key('digestAlgorithms').setof(AlgorithmIdentifier),
    // eContent is the last field of EncapsulatedContentInfo: an optional `any` takes it when it is there.
    this.key('encapContentInfo').seq().obj(this.key('eContentType').objid(), this.key('eContent').explicit(0).optional().any()),
    this.key('certificates').implicit(0).optional().setof(Any),
    this.key('crls').implicit(1).optional().setof(Any),
    this.key('signerInfos').setof(Any),
  );
});

/** RFC 4055 §4.1; absent fields mean SHA-1, MGF1 with SHA-1, an empty label. */
export const RsaesOaepParams: Model<RsaesOaepParams> = asn1.define('RsaesOaepParams', function () {
  this.seq().obj(
    this.key('hashAlgorithm').explicit(0).optional().use(AlgorithmIdentifier),
    this.key('maskGenAlgorithm').explicit(1).optional().use(AlgorithmIdentifier),
    this.key('pSourceAlgorithm').explicit(2).optional().use(AlgorithmIdentifier),
  );
});

/** RFC 5280 §4.1, only as far as the issuer (read with decodeKeeping(…, ['tbsCertificate/issuer'])); the fields after it are not read. */
export const CertificateStart: Model<CertificateStart> = asn1.define('CertificateStart', function () {
  this.seq().obj(
    this.key('tbsCertificate')
      .seq()
      .obj(this.key('version').explicit(0).optional().int(), this.key('serialNumber').int(), this.key('signature').seq(), this.key('issuer').seq()),
  );
});

/**
 * Decodes `der` with `model` and keeps, beside the value, the exact DER of the fields
 * at `paths` (keys joined by '/'; the first such field read): asn1.js's `track` option
 * reports where each tagged field's TLV begins and ends.
 */
export function decodeKeeping<T>(model: Model<T>, der: Buffer, paths: readonly string[]): { value: T; kept: Map<string, Buffer> } {
  const kept = new Map<string, Buffer>();
  const value = model.decode(der, 'der', {
    track(path, start, end, part) {
      if (part === 'tagged' && !kept.has(path) && paths.includes(path)) kept.set(path, der.subarray(start, end));
    },
  });
  return { value, kept };
}

/** An OID in dotted form, the form cms-algorithms.ts keys its tables by. */
export function dotted(identifier: ObjectIdentifier): string {
  return identifier.join('.');
}

export function objectIdentifier(dottedForm: string): ObjectIdentifier {
  return dottedForm.split('.').map(Number);
}
