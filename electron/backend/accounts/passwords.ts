import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/**
 * Passwords are kept as scrypt hashes, slow enough to make guessing a copied database's passwords expensive.
 * The cost is stored with each hash (`$scrypt$ln=17,r=8,p=1$<hex>`), so it can be raised without locking anyone
 * out: a hash made with older parameters still verifies, and is remade with the current ones at that user's
 * next successful sign-in (accounts/login.ts). Hashes from before the parameters were stored are plain hex
 * made with N = 2^15 (a security review asked for at least 2^17).
 */
export interface Cost {
  /** log2 of scrypt's N */
  ln: number
  r: number
  p: number
}
export const CURRENT: Cost = { ln: 17, r: 8, p: 1 }
const LEGACY: Cost = { ln: 15, r: 8, p: 1 }
const LENGTH = 32

const options = (c: Cost): ScryptOptions => ({ N: 2 ** c.ln, r: c.r, p: c.p, maxmem: 2 * 128 * 2 ** c.ln * c.r })
const prefix = (c: Cost) => `$scrypt$ln=${c.ln},r=${c.r},p=${c.p}$`

function parse(stored: string): { cost: Cost; digest: Buffer } {
  const m = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([0-9a-f]+)$/.exec(stored)
  if (!m) return { cost: LEGACY, digest: Buffer.from(stored, 'hex') }
  return { cost: { ln: Number(m[1]), r: Number(m[2]), p: Number(m[3]) }, digest: Buffer.from(m[4]!, 'hex') }
}

/** NFKC: a full-width letter typed on a Chinese input method is the same password as the ASCII one. */
const text = (password: string) => password.normalize('NFKC')

export function hashPassword(password: string): { hash: string; salt: string } {
  const salt = randomBytes(16).toString('hex')
  return { hash: prefix(CURRENT) + scryptSync(text(password), salt, LENGTH, options(CURRENT)).toString('hex'), salt }
}

/** Whether the password matches; the derivation runs off the main thread (a sign-in must not freeze the window). */
export function verifyPassword(password: string, stored: { hash: string; salt: string }): Promise<boolean> {
  const { cost, digest } = parse(stored.hash)
  return new Promise((resolve, reject) =>
    scrypt(text(password), stored.salt, LENGTH, options(cost), (error, got) => (error ? reject(error) : resolve(got.length === digest.length && timingSafeEqual(got, digest)))),
  )
}

/** A hash made with other parameters than today's, to be remade at the next successful sign-in. */
export const isOutdated = (hash: string): boolean => !hash.startsWith(prefix(CURRENT))

/**
 * What an unknown or disabled account is checked against: the same derivation with today's parameters as a real
 * account costs, so the time a refusal takes does not tell whether the user name exists. Random, so nothing
 * ever matches it.
 */
export const STAND_IN = { hash: prefix(CURRENT) + randomBytes(LENGTH).toString('hex'), salt: randomBytes(16).toString('hex') }
