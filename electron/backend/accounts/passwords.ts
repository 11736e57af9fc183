import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'

/** scrypt (N = 2^15, r = 8, p = 1): slow enough to make guessing a copied database's passwords expensive. */
const PARAMS = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

export function hashPassword(password: string): { hash: string; salt: string } {
  const salt = randomBytes(16).toString('hex')
  return { hash: scryptSync(password.normalize('NFKC'), salt, 32, PARAMS).toString('hex'), salt }
}

export function checkPassword(password: string, hash: string, salt: string): boolean {
  const got = scryptSync(password.normalize('NFKC'), salt, 32, PARAMS)
  const want = Buffer.from(hash, 'hex')
  return got.length === want.length && timingSafeEqual(got, want)
}
