import type { assessmentsContract, RoundView } from '../../shared/contract/assessments'
import { invalid, notFound } from '../../shared/result'
import { isLocked } from '../../shared/rules/review-chain'
import { recordAudit } from '../audit'
import { readStoredFile, storeFile } from '../files'
import type { Handlers } from '../handler'
import { getEntry, getRound, getScheme } from './repository'
import { roundFor } from './rounds'

/** 佐证材料: scans and photos behind an indicator's score; added until the result is approved, never removed. */
type EvidenceMethods = Pick<typeof assessmentsContract, 'assessments.attach' | 'assessments.evidence'>

export const evidenceHandlers: Handlers<EvidenceMethods> = {
  'assessments.attach': ({ roundId, organizationId, key, fileName, contentBase64 }, ctx): RoundView => {
    const e = getEntry(ctx.db, roundId, organizationId)
    if (isLocked(e.review)) throw invalid('结果已审定锁定，不能再补充佐证材料；如需更正请登记更正')
    const keys = new Set(getScheme(ctx.db, getRound(ctx.db, roundId).scheme_id).scheme.dimensions.flatMap((d) => d.indicators.map((i) => i.key)))
    if (!keys.has(key)) throw invalid(`指标体系中没有指标编号“${key}”`)
    const { sha256, mime, size } = storeFile(ctx, fileName, contentBase64)
    const id = Number(
      ctx.db
        .prepare('INSERT INTO assessment_evidence (round_id, organization_id, indicator_key, sha256, file_name, mime, size, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(roundId, organizationId, key, sha256, fileName, mime, size, ctx.now().toISOString(), ctx.user).lastInsertRowid,
    )
    recordAudit(ctx, { entity: 'assessment', entityId: roundId, before: null, after: { organizationId, evidence: id, key, fileName, sha256 } })
    return roundFor(ctx, roundId)
  },
  'assessments.evidence': ({ id }, ctx) => {
    const a = ctx.db.prepare('SELECT file_name, mime, sha256 FROM assessment_evidence WHERE id = ?').get(id) as { file_name: string; mime: string; sha256: string } | undefined
    if (!a) throw notFound('该佐证材料')
    return { fileName: a.file_name, mime: a.mime, contentBase64: readStoredFile(ctx, a.sha256, a.file_name) }
  },
}
