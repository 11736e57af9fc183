import type { accountsContract, Role, SessionUser, UserRow } from '../../shared/contract/accounts'
import { AppError, invalid } from '../../shared/result'
import { recordAudit } from '../audit'
import type { CallContext } from '../context'
import type { Handlers } from '../handler'
import { signIn } from './login'
import { hashPassword } from './passwords'
import { stopJobsOf } from '../jobs/runner'
import { findOrganization } from '../organizations/repository'

interface Row {
  id: number
  username: string
  display_name: string
  role: Role
  organization_id: number | null
  organization_name: string | null
  password_hash: string
  salt: string
  failed_attempts: number
  locked_until: string | null
  disabled_at: string | null
  last_login_at: string | null
}

const toSession = (r: Row): SessionUser => ({ id: r.id, username: r.username, displayName: r.display_name, role: r.role, organizationId: r.organization_id, organizationName: r.organization_name })
const SELECT_USERS = 'SELECT u.*, o.name AS organization_name FROM users u LEFT JOIN organizations o ON o.id = u.organization_id'
const userById = (ctx: CallContext, id: number): Row => ctx.db.prepare(`${SELECT_USERS} WHERE u.id = ?`).get(id) as Row
const list = (ctx: CallContext): UserRow[] =>
  (ctx.db.prepare(`${SELECT_USERS} ORDER BY u.id`).all() as Row[]).map((r) => ({ ...toSession(r), disabled: r.disabled_at !== null, lastLoginAt: r.last_login_at }))

function insertUser(ctx: CallContext, u: { username: string; displayName: string; role: Role; organizationId?: number | null; password: string }): number {
  if (ctx.db.prepare('SELECT 1 FROM users WHERE username = ?').get(u.username)) throw new AppError('CONFLICT', `用户名“${u.username}”已被使用`)
  const organizationId = u.role === 'secretary' ? (u.organizationId ?? null) : null
  if (u.role === 'secretary') {
    const org = organizationId === null ? null : findOrganization(ctx.db, organizationId)
    if (!org || org.status !== 'active') throw invalid('支部书记账号请选择一个现有的党支部', 'organizationId')
    if (org.type === 'committee') throw invalid(`“${org.name}”是党委，支部书记账号应对应一个党支部或党总支`, 'organizationId')
  }
  const { hash, salt } = hashPassword(u.password)
  const id = Number(
    ctx.db.prepare('INSERT INTO users (username, display_name, role, organization_id, password_hash, salt, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(u.username, u.displayName, u.role, organizationId, hash, salt, ctx.now().toISOString()).lastInsertRowid,
  )
  recordAudit(ctx, { entity: 'user', entityId: id, before: null, after: { username: u.username, displayName: u.displayName, role: u.role, organizationId } })
  return id
}

export const accountsHandlers: Handlers<typeof accountsContract> = {
  'auth.status': (_i, ctx) => ({ setupNeeded: (ctx.db.prepare('SELECT count(*) FROM users').pluck().get() as number) === 0, user: ctx.session.user }),

  // first run: the first account is the administrator; afterwards this door is closed
  'auth.setup': (input, ctx) => {
    if ((ctx.db.prepare('SELECT count(*) FROM users').pluck().get() as number) > 0) throw new AppError('FORBIDDEN', '管理员账号已经设置过，请登录')
    const id = ctx.db.transaction(() => {
      const made = insertUser(ctx, { ...input, role: 'admin' })
      // setting up signs the administrator in: that is their first sign-in (the users list said “—”)
      ctx.db.prepare('UPDATE users SET last_login_at = ? WHERE id = ?').run(ctx.now().toISOString(), made)
      return made
    })()
    ctx.session.user = toSession(userById(ctx, id))
    return ctx.session.user
  },

  // no transaction of its own: a refused password must still be counted and audited (login.ts)
  'auth.login': async ({ username, password }, ctx) => {
    const account = await signIn(ctx, username, password)
    ctx.session.user = toSession(userById(ctx, account.id))
    return ctx.session.user
  },

  'auth.logout': (_i, ctx) => {
    ctx.session.user = null
    stopJobsOf(ctx.session)
    return { ok: true as const }
  },

  'users.list': (_i, ctx) => list(ctx),
  'users.create': (input, ctx) => {
    insertUser(ctx, input)
    return list(ctx)
  },
  'users.disable': ({ id }, ctx) => {
    if (ctx.session.user?.id === id) throw invalid('不能停用自己正在使用的账号')
    const admins = ctx.db.prepare("SELECT count(*) FROM users WHERE role = 'admin' AND disabled_at IS NULL AND id <> ?").pluck().get(id) as number
    if (admins === 0) throw invalid('至少要保留一个可用的管理员账号')
    ctx.db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?').run(ctx.now().toISOString(), id)
    recordAudit(ctx, { entity: 'user', entityId: id, before: null, after: { disabled: true } })
    return list(ctx)
  },
  'users.resetPassword': ({ id, password }, ctx) => {
    const { hash, salt } = hashPassword(password)
    ctx.db.prepare('UPDATE users SET password_hash = ?, salt = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?').run(hash, salt, id)
    recordAudit(ctx, { entity: 'user', entityId: id, before: null, after: { passwordReset: true } })
    return list(ctx)
  },
}
