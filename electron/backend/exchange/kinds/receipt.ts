import { z } from 'zod'
import type { Manifest } from '../../../shared/exchange'
import { invalid } from '../../../shared/result'
import { recordAudit } from '../../audit'
import type { CallContext } from '../../context'
import { findPackage } from '../repository'
import type { OpenedPackage } from '../package-file'
import type { Built, KindSpec } from './kind'

/**
 * 回执 (docs/exchange.md §5.3): written by the receiver's import and carried back; it names the package it answers
 * by id and by the SHA-256 of the very file received, so the sender knows that file — not another — arrived.
 */
export const RECEIPT_RESULTS = ['accepted', 'refused'] as const
export const receiptPart = z
  .object({
    packageId: z.string().regex(/^[0-9a-f-]{36}$/),
    fileSha256: z.string().regex(/^[0-9a-f]{64}$/),
    kind: z.string().max(40),
    period: z.string().max(100),
    result: z.enum(RECEIPT_RESULTS),
    reason: z.string().max(1000).nullable(),
    receivedAt: z.string().datetime({ offset: true }),
  })
  .strict()
export type Receipt = z.infer<typeof receiptPart>

export function buildReceipt(received: Manifest, fileSha256: string, result: Receipt['result'], reason: string | null, at: string): Built {
  const receipt: Receipt = { packageId: received.packageId, fileSha256, kind: received.kind, period: received.period, result, reason, receivedAt: at }
  return { period: received.period, subject: `receipt-${received.packageId}`, counts: {}, parts: [{ name: 'receipt.json', json: receipt }] }
}

/** A 回执 must answer a package we sent, to the unit it answers for, about the very file we sent. */
function receiptProblem(ctx: CallContext, opened: OpenedPackage): string | null {
  const r = opened.parts.get('receipt.json') as Receipt
  const sent = findPackage(ctx.db, 'sent', r.packageId)
  if (!sent) return `这份回执答复的数据包（编号 ${r.packageId}）不是本单位发出的，无法登记`
  if (sent.to_code !== opened.manifest.sender.unitCode) return `这份回执来自“${opened.manifest.sender.unitName}”，但编号 ${r.packageId} 的数据包是发给“${sent.to_name ?? '—'}”的，无法登记`
  if (sent.file_sha256 !== r.fileSha256) return '回执中的文件 SHA-256 与本单位发出的文件不同：对方收到的不是我们发出的那个文件，请重新发送'
  return null
}

/** Closes what we sent: 已回执, or 被拒绝 with the receiver's reason. */
function applyReceipt(ctx: CallContext, opened: OpenedPackage): void {
  const problem = receiptProblem(ctx, opened)
  if (problem) throw invalid(problem)
  const r = opened.parts.get('receipt.json') as Receipt
  const sent = findPackage(ctx.db, 'sent', r.packageId)!
  const status = r.result === 'accepted' ? 'receipted' : 'rejected'
  ctx.db
    .prepare('UPDATE exchange_packages SET status = ?, reason = ?, receipt_package_id = ?, receipt_sha256 = ?, receipt_at = ? WHERE id = ?')
    .run(status, r.reason, opened.manifest.packageId, opened.fileSha256, r.receivedAt, sent.id)
  recordAudit(ctx, { entity: 'exchange_package', entityId: sent.id, before: { status: sent.status }, after: { status, reason: r.reason, receipt: opened.manifest.packageId } })
}

export const receiptKind: KindSpec = { kind: 'receipt', parts: { 'receipt.json': receiptPart }, problem: receiptProblem, apply: applyReceipt, receipted: false }

/** 单位名片 (docs/exchange.md §5.4): only the sender's own name, code and key, for the receiver to trust after comparing the fingerprint. */
export const cardPart = z.object({ note: z.string().max(200) }).strict()
export const cardKind: KindSpec = { kind: 'unit-card', parts: { 'card.json': cardPart }, receipted: false }
