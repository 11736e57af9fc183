import { createHash, hash, randomBytes } from 'node:crypto'
import { existsSync, linkSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { AppError } from '../shared/result'
import { PRIVATE_FILE, privateDir, tempBeside } from './private-files'

/**
 * The audit log's key. Each entry's hash is an HMAC under a key kept outside the data folder, so
 * someone who can edit only the database — a copy taken home on a USB drive, a crafted backup, another program
 * writing to the file — cannot write an entry, or rewrite one, that this PC accepts. The key lives in the user's
 * own profile (private to the user), one per account on the PC; keys copied from another PC are used to check
 * entries made there. What it cannot stop — the same account reading the key — is written in README.md.
 */
export interface AuditKey {
  id: string
  secret: Buffer
}

const SIGNING_FILE = 'audit.key'

/** Where the keys live: `DANGBAN_KEY_DIR`, else a folder of the user's profile apart from the data folder. */
export function auditKeyDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.DANGBAN_KEY_DIR) return env.DANGBAN_KEY_DIR
  // the data folder is in Roaming (Windows) or ~/.config (Linux): the key stays in Local / ~/.local/share
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'dangban-keys')
  if (platform === 'darwin') return join(homedir(), '.dangban-keys')
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'dangban-keys')
}

const idOf = (hex: string): string => createHash('sha256').update(`dangban audit key ${hex}`).digest('hex').slice(0, 16)

function readKey(file: string): AuditKey | null {
  const hex = readFileSync(file, 'utf8').trim()
  return /^[0-9a-f]{64}$/.test(hex) ? { id: idOf(hex), secret: Buffer.from(hex, 'hex') } : null
}

const signing = new Map<string, AuditKey>()

/** This account's key, made on first use (atomically: two threads starting at once end up with one key). */
export function signingKey(dir: string = auditKeyDir()): AuditKey {
  const cached = signing.get(dir)
  if (cached) return cached
  const file = join(dir, SIGNING_FILE)
  let key: AuditKey | null
  try {
    privateDir(dir)
    if (!existsSync(file)) {
      const temp = tempBeside(file, 'key')
      writeFileSync(temp, randomBytes(32).toString('hex'), { mode: PRIVATE_FILE, flag: 'wx' })
      try {
        linkSync(temp, file)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      } finally {
        rmSync(temp, { force: true })
      }
    }
    key = readKey(file)
  } catch (error) {
    throw new AppError('INTERNAL', `无法读写审计密钥（${dir}：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}），操作未保存。请让管理员检查该文件夹是否存在且本账号可以读写`)
  }
  if (!key) throw new AppError('INTERNAL', `审计密钥文件 ${file} 已损坏，操作未保存。请让管理员从备份的密钥恢复该文件（不要删除它：删除后以前的审计记录将无法核对）`)
  signing.set(dir, key)
  return key
}

/** Every key this PC can check entries with: its own and any `*.key` copied from another PC, by id. */
export function verificationKeys(dir: string = auditKeyDir()): Map<string, Buffer> {
  const keys = new Map<string, Buffer>()
  if (!existsSync(dir)) return keys
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.key') && !n.startsWith('.'))) {
    try {
      const key = readKey(join(dir, name))
      if (key) keys.set(key.id, key.secret)
    } catch {
      // an unreadable file is no key: the entries it signed are reported as not checkable
    }
  }
  return keys
}

const pads = new WeakMap<Buffer, { inner: Buffer; outer: Buffer }>()

/**
 * HMAC-SHA256 (RFC 2104) from two one-shot hashes over the key's pads, worked out once per key: the same value
 * as createHmac, without building an Hmac object for each of an import's thousands of entries (measured: about
 * three times faster).
 */
export function macOf(secret: Buffer, payload: string): string {
  let pad = pads.get(secret)
  if (!pad) {
    const inner = Buffer.alloc(64, 0x36)
    const outer = Buffer.alloc(64, 0x5c)
    for (let i = 0; i < secret.length; i++) {
      inner[i]! ^= secret[i]!
      outer[i]! ^= secret[i]!
    }
    pad = { inner, outer }
    pads.set(secret, pad)
  }
  return hash('sha256', Buffer.concat([pad.outer, hash('sha256', Buffer.concat([pad.inner, Buffer.from(payload)]), 'buffer')]), 'hex')
}

/** A keyed entry's hash as stored: which key, then the HMAC-SHA256 of the entry. */
export const signed = (key: AuditKey, payload: string): string => `${key.id}:${macOf(key.secret, payload)}`

/** The key id and HMAC of a stored hash, or null for an entry written before keys (plain SHA-256). */
export function parseSigned(hash: string): { keyId: string; mac: string } | null {
  const m = /^([0-9a-f]{16}):([0-9a-f]{64})$/.exec(hash)
  return m ? { keyId: m[1]!, mac: m[2]! } : null
}


/**
 * A seal over a record this program writes beside its data (a backup's manifest): made with this PC's key,
 * so a manifest written or edited by anyone else — claiming a crafted file is a good backup — is not believed.
 */
export const sealOf = (body: string, key: AuditKey = signingKey()): string => signed(key, `dangban seal ${body}`)

/** Whether `seal` was made over `body` with a key this PC has. */
export function sealHolds(body: string, seal: unknown, keys: Map<string, Buffer> = verificationKeys()): boolean {
  const sig = typeof seal === 'string' ? parseSigned(seal) : null
  const secret = sig && keys.get(sig.keyId)
  return !!secret && macOf(secret, `dangban seal ${body}`) === sig.mac
}
