import pkg from '../../../package.json'
import { appContract } from '../../shared/contract/app'
import { listAudit } from '../audit'
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
  'audit.list': (input, ctx) => listAudit(ctx.db, input),
}
