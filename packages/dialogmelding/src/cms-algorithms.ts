/**
 * The CMS algorithm identifiers Node's crypto does for us, by OID. What is not here
 * (RSA-PSS signatures, PKCS#1 v1.5 key transport, key agreement) goes the slower
 * pkijs/WebCrypto way (cms-webcrypto.ts), so nothing a sender could use before is refused now.
 */
import * as pkijs from 'pkijs';

export const oid = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  envelopedData: '1.2.840.113549.1.7.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaesOaep: '1.2.840.113549.1.1.7',
  mgf1: '1.2.840.113549.1.1.8',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  sha256: '2.16.840.1.101.3.4.2.1',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
  contentTypeAttribute: '1.2.840.113549.1.9.3',
  messageDigestAttribute: '1.2.840.113549.1.9.4',
} as const;

const digests: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  [oid.sha256]: 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** PKCS#1 v1.5 signature OIDs that name their digest. */
const rsaSignatures: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'sha1',
  [oid.sha256WithRsa]: 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
};

const cbcCiphers: Record<string, string> = {
  '2.16.840.1.101.3.4.1.2': 'aes-128-cbc',
  '2.16.840.1.101.3.4.1.22': 'aes-192-cbc',
  [oid.aes256Cbc]: 'aes-256-cbc',
};

export function digestName(algorithmId: string): string | undefined {
  return digests[algorithmId];
}

/** The digest of a PKCS#1 v1.5 RSA signature, or undefined for a signature Node's crypto is not used for. */
export function rsaSignatureDigest(signatureAlgorithmId: string, digestAlgorithmId: string): string | undefined {
  if (signatureAlgorithmId === oid.rsaEncryption) return digestName(digestAlgorithmId);
  return rsaSignatures[signatureAlgorithmId];
}

export function cbcCipherName(algorithmId: string): string | undefined {
  return cbcCiphers[algorithmId];
}

/**
 * The OAEP hash of an RSAES-OAEP key transport, when its mask generation uses the same
 * hash (Node's oaepHash sets both). Absent parameters mean SHA-1 (RFC 4055).
 */
export function oaepHashOf(keyEncryption: pkijs.AlgorithmIdentifier): string | undefined {
  if (keyEncryption.algorithmId !== oid.rsaesOaep) return undefined;
  const params = keyEncryption.algorithmParams ? new pkijs.RSAESOAEPParams({ schema: keyEncryption.algorithmParams }) : new pkijs.RSAESOAEPParams();
  const hash = digestName(params.hashAlgorithm.algorithmId);
  if (params.maskGenAlgorithm.algorithmId !== oid.mgf1) return undefined;
  const mgfHash = params.maskGenAlgorithm.algorithmParams ? new pkijs.AlgorithmIdentifier({ schema: params.maskGenAlgorithm.algorithmParams }).algorithmId : '1.3.14.3.2.26';
  return digestName(mgfHash) === hash ? hash : undefined;
}

