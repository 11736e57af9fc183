import type { Database } from 'better-sqlite3'
import { AppError } from '../../shared/result'
import { recordAudit } from '../audit'
import type { CallContext } from '../context'
import { hashPassword, isOutdated, STAND_IN, verifyPassword } from './passwords'

/**
 * Signing in, and what repeated failures do.
 *
 * No hard lock: after 5 wrong passwords in a row a user name must wait before the next try — 30 seconds, then
 * twice as long after each further failure, at most 15 minutes. Tries made while waiting are refused without
 * looking at the password and do not count, so hammering does not lengthen the wait. The trade-off: a stranger
 * at the keyboard can still make the administrator wait, but never longer than 15 minutes after their own last
 * try, and has to keep trying by hand to do it; the administrator's correct password works at the first moment
 * the wait is over. Whoever can run commands on this PC clears the wait with `users reset-password` (CLI).
 * Guessing stays slow: after the first 5 tries, at most about 100 a day.
 *
 * A user name that matches no account (or a disabled one) gets exactly the same answers and the same work — its
 * failures are counted in memory, its password is checked against a stand-in hash with today's parameters — so
 * neither the words nor the time of a refusal tell whether the account exists. Every failure, and every start
 * of a wait, is in the audit log.
 */
const FREE_TRIES = 5
const FIRST_WAIT_MS = 30_000
const LONGEST_WAIT_MS = 15 * 60_000

/** How long the next try must wait after this many failures in a row. */
export const waitAfter = (failures: number): number => (failures < FREE_TRIES ? 0 : Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE_TRIES), LONGEST_WAIT_MS))

export interface AccountRow {
  id: number
  username: string
  display_name: string
  password_hash: string
  salt: string
  failed_attempts: number
  locked_until: string | null
  disabled_at: string | null
}

interface Tries {
  failures: number
  until: string | null
}

/** Failures of user names without an account, per database; the oldest are forgotten beyond a thousand names. */
const strangers = new WeakMap<Database, Map<string, Tries>>()
function strangerTries(db: Database, name: string): Tries {
  let all = strangers.get(db)
  if (!all) strangers.set(db, (all = new Map()))
  let t = all.get(name)
  if (!t) {
    if (all.size >= 1000) all.delete(all.keys().next().value!)
    all.set(name, (t = { failures: 0, until: null }))
  }
  return t
}

const inWords = (ms: number) => (ms < 60_000 ? `${Math.ceil(ms / 1000)}秒` : `${Math.ceil(ms / 60_000)}分钟`)

/**
 * Checks a user name and password; resolves to the account when they match. Refusals throw the same sentences
 * whether or not the account exists.
 */
export async function signIn(ctx: CallContext, username: string, password: string): Promise<AccountRow> {
  const name = username.trim()
  const row = ctx.db.prepare('SELECT * FROM users WHERE username = ?').get(name) as AccountRow | undefined
  const tries: Tries = row ? { failures: row.failed_attempts, until: row.locked_until } : strangerTries(ctx.db, name)
  const started = ctx.now()
  if (tries.until && tries.until > started.toISOString()) {
    throw new AppError('FORBIDDEN', `连续输错密码次数过多，请${inWords(Date.parse(tries.until) - started.getTime())}后再试；忘记密码请联系管理员`)
  }
  // counted before the (slow, asynchronous) check, so tries sent all at once cannot each slip past the wait
  const failures = tries.failures + 1
  const wait = waitAfter(failures)
  const until = wait ? new Date(started.getTime() + wait).toISOString() : null
  const store = (t: Tries) => (row ? ctx.db.prepare('UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(t.failures, t.until, row.id) : Object.assign(tries, t))
  ctx.db.transaction(() => store({ failures, until })).immediate()

  const account = row && !row.disabled_at ? row : null
  const matches = await verifyPassword(password, account ? { hash: account.password_hash, salt: account.salt } : STAND_IN)
  if (account && matches) {
    ctx.db
      .transaction(() => {
        store({ failures: 0, until: null })
        ctx.db.prepare('UPDATE users SET last_login_at = ? WHERE id = ?').run(ctx.now().toISOString(), account.id)
        // raised scrypt parameters reach an old hash the first time its password is known again (passwords.ts)
        if (isOutdated(account.password_hash)) {
          const { hash, salt } = hashPassword(password)
          ctx.db.prepare('UPDATE users SET password_hash = ?, salt = ? WHERE id = ?').run(hash, salt, account.id)
        }
        recordAudit({ ...ctx, user: `${account.display_name}（${account.username}）` }, { entity: 'login', entityId: account.id, before: null, after: { username: account.username } })
      })
      .immediate()
    return account
  }
  // the name is kept for real accounts only: what was typed into an unknown one may well be a password
  const who = row ? { username: row.username } : { unknownUser: true }
  ctx.db.transaction(() => recordAudit(ctx, { entity: 'login', entityId: row?.id ?? null, before: null, after: { ...who, failed: true, failures, ...(until ? { lockedUntil: until } : {}) } })).immediate()
  throw new AppError('FORBIDDEN', until ? `用户名或密码不正确。已连续输错${failures}次，请${inWords(wait)}后再试` : '用户名或密码不正确')
}
