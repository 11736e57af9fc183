import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto'

/**
 * Ed25519 keys of an installation (docs/exchange.md §4). A public key travels as base64 of its SPKI DER encoding
 * (44 bytes); a signature is over the exact bytes of manifest.json, with no hash chosen by us (Ed25519 hashes itself).
 */
export interface KeyPair {
  publicKey: string
  /** PKCS#8 DER, base64: kept in this database only, never written into a package */
  privateKey: string
}

export function newKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
  }
}

/** The public key object, or null when the text is not an Ed25519 public key. */
export function publicKeyOf(base64: string): KeyObject | null {
  try {
    const key = createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' })
    return key.asymmetricKeyType === 'ed25519' ? key : null
  } catch {
    return null
  }
}

export const signBytes = (privateKey: string, data: Uint8Array): Buffer =>
  sign(null, data, createPrivateKey({ key: Buffer.from(privateKey, 'base64'), format: 'der', type: 'pkcs8' }))

export function verifyBytes(publicKey: string, data: Uint8Array, signature: Uint8Array): boolean {
  const key = publicKeyOf(publicKey)
  if (!key || signature.length !== 64) return false
  try {
    return verify(null, data, key, signature)
  } catch {
    return false
  }
}

/**
 * The fingerprint two people compare by phone (docs/exchange.md §4): the first 16 bytes of SHA-256 over the
 * public key's DER bytes as a number, its last 32 decimal digits in 8 groups of 4 — digits are read out in
 * Chinese without ambiguity (四八二一、零九三七…), unlike letters. 32 digits keep about 106 bits: no one can make
 * another key with the same fingerprint.
 */
export function fingerprintOf(publicKey: string): string {
  const digest = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest()
  const n = BigInt(`0x${digest.subarray(0, 16).toString('hex')}`) % 10n ** 32n
  return (n.toString().padStart(32, '0').match(/\d{4}/g) ?? []).join('-')
}

export const sha256Hex = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex')
