/**
 * Organisation certificates as PEM: reading them for the CMS functions, and making
 * self-signed test certificates for the embedded address register (dev mode and
 * tests only — a real deployment reads the register's certificates).
 */
import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));

export interface CertificateAndKey {
  certificatePem: string;
  privateKeyPem: string;
}

const commonNameOid = '2.5.4.3';
const organizationOid = '2.5.4.10';
const keyUsageOid = '2.5.29.15';

/** One RSA-2048 certificate for signing and encryption both (allowed in dev mode by the contract). */
export async function makeTestCertificate(commonName: string, now: Date = new Date()): Promise<CertificateAndKey> {
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as unknown as CryptoKeyPair;
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  const serial = webcrypto.getRandomValues(new Uint8Array(8));
  serial[0] = (serial[0] ?? 0) & 0x7f; // positive
  certificate.serialNumber = new asn1js.Integer({ valueHex: serial.buffer });
  for (const name of [certificate.issuer, certificate.subject]) {
    name.typesAndValues.push(new pkijs.AttributeTypeAndValue({ type: commonNameOid, value: new asn1js.Utf8String({ value: commonName }) }));
    name.typesAndValues.push(new pkijs.AttributeTypeAndValue({ type: organizationOid, value: new asn1js.Utf8String({ value: 'Innboks test' }) }));
  }
  certificate.notBefore.value = new Date(now.getTime() - 60_000);
  certificate.notAfter.value = new Date(now.getTime() + 5 * 365 * 24 * 3600_000);
  // digitalSignature, nonRepudiation, keyEncipherment: one certificate signs and receives.
  const keyUsage = new asn1js.BitString({ valueHex: new Uint8Array([0xe0]).buffer, unusedBits: 5 });
  certificate.extensions = [new pkijs.Extension({ extnID: keyUsageOid, critical: true, extnValue: keyUsage.toBER(false) })];
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey);
  await certificate.sign(keys.privateKey, 'SHA-256');
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey as unknown as Parameters<typeof webcrypto.subtle.exportKey>[1]);
  return {
    certificatePem: pemOf('CERTIFICATE', new Uint8Array(certificate.toSchema(true).toBER(false))),
    privateKeyPem: pemOf('PRIVATE KEY', new Uint8Array(pkcs8)),
  };
}

export function pemOf(label: string, der: Uint8Array): string {
  const body = Buffer.from(der).toString('base64').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${body}-----END ${label}-----\n`;
}

/** The DER bytes of the first PEM block with this label. */
export function derOf(pem: string, label: string): Uint8Array {
  const match = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`).exec(pem);
  if (!match?.[1]) throw new Error(`no ${label} in the PEM text`);
  return new Uint8Array(Buffer.from(match[1].replace(/\s+/g, ''), 'base64'));
}
