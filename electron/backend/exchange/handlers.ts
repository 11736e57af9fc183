import type { exchangeContract, VerifyResult } from '../../shared/contract/exchange'
import { PACKAGE_KIND_LABELS, type PackageKind } from '../../shared/exchange'
import { AppError, notFound } from '../../shared/result'
import type { Handlers } from '../handler'
import { examine } from './examine'
import { listPackages, listUnits } from './repository'
import { citySums, receivedRounds, receivedSupervision, reportStatus } from './superior'
import { exportCard, exportDecision, exportPackage, identity, importPackage, trustSender } from './service'

const bytesOf = (base64: string): Buffer => Buffer.from(base64, 'base64')

export const exchangeHandlers: Handlers<typeof exchangeContract> = {
  'exchange.identity': (_i, ctx) => identity(ctx),
  'exchange.units': (_i, ctx) => listUnits(ctx.db),
  'exchange.packages': ({ direction }, ctx) => listPackages(ctx.db, direction),
  'exchange.export': (input, ctx) => exportPackage(ctx, input),
  'exchange.decide': (input, ctx) => exportDecision(ctx, input),
  'exchange.card': (_i, ctx) => exportCard(ctx),
  // a broken or forged file is an answer here, not an error: verify reports what is wrong with it
  'exchange.verify': ({ contentBase64 }, ctx): VerifyResult => {
    try {
      const { opened, fingerprint, trusted, plan } = examine(ctx, bytesOf(contentBase64))
      const m = opened.manifest
      return {
        ok: plan.outcome !== 'refuse',
        manifest: m,
        kindLabel: PACKAGE_KIND_LABELS[m.kind as PackageKind] ?? m.kind,
        fileSha256: opened.fileSha256,
        fingerprint,
        trusted,
        outcome: plan.outcome,
        problem: plan.outcome === 'refuse' ? plan.problem : plan.outcome === 'duplicate' ? plan.note : null,
        changes: plan.outcome === 'supersede' ? plan.changes : [],
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      return { ok: false, manifest: null, kindLabel: null, fileSha256: null, fingerprint: null, trusted: false, outcome: 'refuse', problem: error.message, changes: [] }
    }
  },
  'exchange.import': ({ contentBase64 }, ctx) => importPackage(ctx, bytesOf(contentBase64)),
  'exchange.trust': ({ contentBase64, fingerprint }, ctx) => trustSender(ctx, bytesOf(contentBase64), fingerprint),
  'exchange.reportStatus': ({ year }, ctx) => reportStatus(ctx.db, year),
  'exchange.citySums': ({ year }, ctx) => citySums(ctx.db, year),
  'exchange.receivedRounds': ({ year }, ctx) => receivedRounds(ctx.db, year),
  'exchange.receivedSupervision': ({ year }, ctx) => receivedSupervision(ctx.db, year),
  'exchange.file': ({ id }, ctx) => {
    const row = ctx.db.prepare("SELECT package_id AS packageId, kind, period, content FROM exchange_packages WHERE id = ? AND direction = 'sent'").get(id) as
      | { packageId: string; kind: string; period: string; content: Buffer | null }
      | undefined
    if (!row?.content) throw notFound('发出的数据包')
    return { fileName: `${PACKAGE_KIND_LABELS[row.kind as PackageKind] ?? row.kind}_${row.period}_${row.packageId.slice(0, 8)}.zip`, contentBase64: row.content.toString('base64') }
  },
}
