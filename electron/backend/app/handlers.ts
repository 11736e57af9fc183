import pkg from '../../../package.json'
import { appContract } from '../../shared/contract/app'
import { birthDatesToMonths } from '../../shared/birth-month'
import { listAudit, maskSensitive, searchAudit } from '../audit'
import type { Handlers } from '../handler'

export const appHandlers: Handlers<typeof appContract> = {
  'app.info': (_input, ctx) => ({
    productName: '党办通',
    version: pkg.version,
    databasePath: ctx.databasePath,
    schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number,
    user: ctx.user,
    transport: ctx.transport,
  }),
  // ID numbers, phones and addresses inside old records stay hidden from anyone but an administrator, and birth
  // dates show their month only (beside a masked ID the day would give the ID away: shared/birth-month.ts)
  'audit.list': (input, ctx) => {
    const rows = listAudit(ctx.db, input)
    const hide = (v: unknown) => birthDatesToMonths(maskSensitive(v))
    return ctx.transport === 'cli' || ctx.session.user?.role === 'admin' ? rows : rows.map((r) => ({ ...r, before: hide(r.before), after: hide(r.after) }))
  },
  'audit.search': (input, ctx) => searchAudit(ctx.db, input),
}
