import { hash } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import type { AuditChainReport } from '../shared/contract/backup'
import { macOf, parseSigned, verificationKeys } from './audit-key'

export const GENESIS = '0'.repeat(64)

/** What an entry's hash covers: the hash it links to and everything recorded in it. */
export const entryPayload = (prev: string, at: string, user: string, method: string, entity: string, entityId: number | null, before: string | null, after: string | null): string =>
  JSON.stringify([prev, at, user, method, entity, entityId, before, after])

/** An entry written before keys (and the only kind before entries were signed): a plain SHA-256 of the payload. */
export const plainHash = (payload: string): string => hash('sha256', payload, 'hex')

interface ChainRow {
  id: number
  at: string
  user: string
  method: string
  entity: string
  entity_id: number | null
  before_json: string | null
  after_json: string | null
  prev_hash: string
  hash: string
}

/**
 * How far back an entry may link and still count as a fork rather than a gap: forks came from an entry written
 * while a background import held the head (thousands of entries back at most); remembering every hash of a
 * city-sized log would cost hundreds of megabytes.
 */
const FORK_WINDOW = 200_000

/**
 * Walks the audit log and tells apart:
 *  - tampering: an entry whose content no longer matches its hash, or that links to an entry no longer there
 *    (entries deleted before it) — the walk stops at the first;
 *  - forks: an intact entry that links to an earlier entry than the one before it. Older versions wrote the
 *    entries of prints, exports and sign-ins outside a write transaction, and one written while a background
 *    import was writing linked to the head from before the import. Every entry is still as written; the
 *    chain merely branches there;
 *  - entries this PC cannot check: signed with a key it does not have (made on another PC), or unsigned after
 *    signed ones (only a program without the key writes those).
 * Entries written before keys existed are covered by the first signed entry after them: its HMAC includes the
 * hash they chain up to.
 */
export function checkAuditChain(db: Database, keys: Map<string, Buffer> = verificationKeys()): AuditChainReport {
  const seen = new Map<string, number>([[GENESIS, 0]])
  let prev = GENESIS
  let count = 0
  let signedSeen = false
  let first: string | null = null
  let last: ChainRow | null = null
  const forks: AuditChainReport['forks'] = []
  let unverified: AuditChainReport['unverified'] = null
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<ChainRow>) {
    count++
    first ??= r.hash
    const payload = entryPayload(r.prev_hash, r.at, r.user, r.method, r.entity, r.entity_id, r.before_json, r.after_json)
    const sig = parseSigned(r.hash)
    const secret = sig ? keys.get(sig.keyId) : undefined
    const intact = sig ? (secret ? macOf(secret, payload) === sig.mac : null) : plainHash(payload) === r.hash
    if (intact === false) return { count, tampered: { entryId: r.id, at: r.at, kind: 'edited' }, forks, unverified, head: null, lineage: first }
    if (intact === null || (!sig && signedSeen)) {
      if (unverified) unverified.count++
      else unverified = { count: 1, firstId: r.id, firstAt: r.at }
    }
    if (sig && secret) signedSeen = true
    if (r.prev_hash !== prev) {
      const linksTo = seen.get(r.prev_hash)
      if (linksTo === undefined) return { count, tampered: { entryId: r.id, at: r.at, kind: 'missing' }, forks, unverified, head: null, lineage: first }
      forks.push({ entryId: r.id, at: r.at, linksTo })
    }
    prev = r.hash
    seen.set(r.hash, r.id)
    if (seen.size > FORK_WINDOW) seen.delete(seen.keys().next().value!)
    last = r
  }
  return { count, tampered: null, forks, unverified, head: last ? { id: last.id, hash: last.hash, at: last.at } : null, lineage: first }
}

/** The chain in the old terms: intact, or the first entry where it breaks (a fork counts: it is not one line). */
export function verifyAuditChain(db: Database): { ok: true; count: number } | { ok: false; brokenAt: number; count: number } {
  const r = checkAuditChain(db)
  const brokenAt = r.tampered?.entryId ?? r.forks[0]?.entryId
  return brokenAt === undefined ? { ok: true, count: r.count } : { ok: false, brokenAt, count: r.count }
}

const when = (iso: string): string => new Date(iso).toLocaleString('zh-CN', { hour12: false })

/** The report in sentences a clerk can act on (the window, the CLI and the backup list say the same). */
export function chainSentences(r: AuditChainReport): string[] {
  const out: string[] = []
  if (r.tampered) {
    out.push(
      r.tampered.kind === 'edited'
        ? `审计日志第 ${r.tampered.entryId} 条（${when(r.tampered.at)}）的内容与记录时不同：被改动过`
        : `审计日志第 ${r.tampered.entryId} 条（${when(r.tampered.at)}）之前的记录被删除或改动过（它所接的那条记录已不存在）`,
    )
  } else out.push(`审计日志 ${r.count} 条，${r.forks.length ? '' : '哈希链完整，'}没有被改动或删除的记录`)
  if (r.forks.length) {
    const f = r.forks[0]!
    out.push(
      `哈希链在第 ${f.entryId} 条（${when(f.at)}）处分叉：该条接在第 ${f.linksTo} 条之后${r.forks.length > 1 ? `（共 ${r.forks.length} 处）` : ''}。` +
        '这是旧版本在后台导入时写入打印、导出或登录记录造成的，记录本身没有被改动，备份照常可用',
    )
  }
  if (r.unverified) {
    out.push(
      `第 ${r.unverified.firstId} 条（${when(r.unverified.firstAt)}）起有 ${r.unverified.count} 条记录本机无法核对：它们由另一台电脑的审计密钥签名，或没有签名。` +
        '如果数据库是从别的电脑拷来的，请把那台电脑的审计密钥文件复制到本机的密钥文件夹后再检查；否则这些记录可能是伪造的',
    )
  }
  return out
}

/** A short code for one entry, to write down or print and compare later: it changes if anything up to that entry changes. */
export const checkCode = (entryHash: string): string =>
  hash('sha256', `dangban check code ${entryHash}`, 'hex')
    .slice(0, 16)
    .toUpperCase()
    .replace(/(.{4})(?!$)/g, '$1-')
