import { verifyAuditChain } from '../../../electron/backend/audit'
import type { Backend } from '../../../electron/backend/boot/dispatch'
import { ok, testBackend } from '../helpers'

/** Two hospitals and their 局党办, each its own in-memory database with its own key (docs/exchange.md §4). */
export async function site(name: string, code: string, now = '2026-02-10T10:00:00+08:00'): Promise<Backend> {
  const backend = testBackend(now)
  await ok(backend, 'settings.save', { values: { 'unit.name': name, 'unit.code': code } })
  return backend
}

/** A hospital with a branch and three members (one admitted in 2025), for the annual statistics. */
export async function hospital(name = '示范医院党委', code = 'H-001'): Promise<Backend> {
  const backend = await site(name, code)
  const c = await ok(backend, 'orgs.create', { name: `中共${name}`, type: 'committee', parentId: null })
  const b = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id })
  const add = (fields: Record<string, unknown>) => ok(backend, 'members.create', { organizationId: b.id, fields: { gender: '女', ethnicity: '汉族', education: '大学本科', occupation: '专业技术人员', ...fields } as never })
  await add({ name: '甲', birthDate: '1980-03-01', joinedOn: '2005-01-01', convertedOn: '2006-01-01' })
  await add({ name: '乙', birthDate: '1990-03-01', joinedOn: '2012-01-01', convertedOn: '2013-01-01', gender: '男' })
  await add({ name: '丙', birthDate: '1995-03-01', joinedOn: '2025-06-01' })
  return backend
}

export const card = async (b: Backend) => Buffer.from((await ok(b, 'exchange.card', {})).contentBase64, 'base64')

/** `a` trusts `b` after comparing `b`'s fingerprint (as read from `b`'s own screen). */
export async function trust(a: Backend, b: Backend): Promise<void> {
  const { fingerprint } = await ok(b, 'exchange.identity', {})
  await ok(a, 'exchange.trust', { contentBase64: (await card(b)).toString('base64'), fingerprint })
}

export const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

/** Every table's row count and the audit chain's state: equal before and after means nothing was written. */
export function snapshot(b: Backend): { counts: Record<string, number>; chain: ReturnType<typeof verifyAuditChain>; user_version: number } {
  const db = b.context.db
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]
  const counts = Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]))
  const identity = db.prepare('SELECT last_sequence FROM exchange_identity').pluck().get() as number
  return { counts: { ...counts, last_sequence: identity, changes: db.prepare("SELECT count(*) FROM exchange_packages WHERE status <> 'sent' OR superseded_by IS NOT NULL").pluck().get() as number }, chain: verifyAuditChain(db), user_version: db.pragma('user_version', { simple: true }) as number }
}
