import type { duesContract } from '../../shared/contract/dues'
import { recordAudit } from '../audit'
import type { Handlers } from '../handler'
import { setBase, voidBase } from './bases'
import { exportDues, renderDues } from './export'
import { createHandover, reconcile, voidHandover } from './handovers'
import { extra, pay, voidExtra, voidPayment } from './payments'
import { ratesOf } from './stats'
import { ledgerOf, standardsOf } from './views'

/** 党费 (docs/dues.md): ledger, bases, payments, handovers, rates, prints and exports. */
export const duesHandlers: Handlers<typeof duesContract> = {
  'dues.ledger': ({ year, organizationId }, ctx) => ledgerOf(ctx, year, organizationId),
  'dues.standards': ({ year, organizationId, reveal }, ctx) => standardsOf(ctx, year, organizationId, reveal),
  'dues.setBase': (input, ctx) => setBase(ctx, input),
  'dues.voidBase': ({ id, reason }, ctx) => voidBase(ctx, id, reason),
  'dues.pay': (input, ctx) => pay(ctx, input),
  'dues.voidPayment': ({ id, reason }, ctx) => voidPayment(ctx, id, reason),
  'dues.extra': (input, ctx) => extra(ctx, input),
  'dues.voidExtra': ({ id, reason }, ctx) => voidExtra(ctx, id, reason),
  'dues.handover': (input, ctx) => createHandover(ctx, input),
  'dues.voidHandover': ({ id, reason }, ctx) => voidHandover(ctx, id, reason),
  'dues.reconcile': ({ year, organizationId }, ctx) => reconcile(ctx, year, organizationId),
  'dues.rates': ({ year, organizationId }, ctx) => ratesOf(ctx, year, organizationId),

  // every print and export is recorded (domain rule: prints are audited), after it was built
  'dues.print': (input, ctx) => {
    const { logged, ...doc } = renderDues(ctx, input)
    recordAudit(ctx, { entity: 'print', entityId: null, before: null, after: { what: `dues.${input.what}`, title: doc.title, ...logged } })
    return doc
  },
  'dues.export': async (input, ctx) => {
    const { logged, ...file } = await exportDues(ctx, input)
    recordAudit(ctx, { entity: 'export', entityId: null, before: null, after: { source: `dues.${input.what}`, rows: file.rows, ...logged } })
    return file
  },
}
