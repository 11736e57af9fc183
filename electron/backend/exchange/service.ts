import { randomUUID } from 'node:crypto'
import pkg from '../../../package.json'
import { EXPORT_KINDS, FORMAT_VERSION, PACKAGE_FORMAT, PACKAGE_KIND_LABELS, type ExportOutcome, type Identity, type ImportOutcome, type KnownUnit, type Manifest, type PackageKind } from '../../shared/exchange'
import { AppError, invalid } from '../../shared/result'
import { recordAudit } from '../audit'
import type { CallContext } from '../context'
import { examine, partsObject } from './examine'
import { fingerprintOf } from './keys'
import { buildAssessment } from './kinds/assessment'
import { buildCompliance } from './kinds/compliance'
import { buildDecision, type ReceivedResults } from './kinds/decision'
import type { Built } from './kinds/kind'
import { buildReceipt } from './kinds/receipt'
import { buildScheme } from './kinds/scheme'
import { buildStatistics } from './kinds/statistics'
import { buildSupervision } from './kinds/supervision'
import { openPackage, writePackage } from './package-file'
import { findPackage, insertPackage, insertUnit, nextSequence, ownIdentity, unitByCode, unitByKey, unitNamed, type OwnIdentity } from './repository'

export function identity(ctx: CallContext): Identity {
  const own = ownIdentity(ctx.db)
  return { installationId: own.installationId, unitName: own.unitName, unitCode: own.unitCode, publicKey: own.publicKey, fingerprint: fingerprintOf(own.publicKey) }
}

/** This unit as a sender: its name and code must be set, or the receiver could not tell who sent it. */
function sender(ctx: CallContext): OwnIdentity {
  const own = ownIdentity(ctx.db)
  if (!own.unitName || !own.unitCode) throw invalid('请先在“系统设置 → 规则参数 → 单位信息”中填写单位名称和单位代码（命令行：exchange unit --code 代码），数据包用它们标明发出单位')
  return own
}

const safeName = (s: string): string => s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60)

/** Signs and records one package we send (docs/exchange.md §3); the caller's transaction holds the row and its audit entry. */
function send(ctx: CallContext, own: OwnIdentity, kind: PackageKind, built: Built, receiver: Manifest['receiver'], record: boolean): ExportOutcome {
  const head: Omit<Manifest, 'parts'> = {
    format: PACKAGE_FORMAT,
    formatVersion: FORMAT_VERSION,
    packageId: randomUUID(),
    kind,
    period: built.period,
    subject: built.subject,
    sequence: nextSequence(ctx.db, ctx.now().getTime()),
    createdAt: ctx.now().toISOString(),
    sender: { unitName: own.unitName, unitCode: own.unitCode, installationId: own.installationId, publicKey: own.publicKey },
    receiver,
    app: { name: '党办通', version: pkg.version, schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number },
    counts: built.counts,
  }
  const { bytes, sha256, manifest } = writePackage(head, built.parts, own.privateKey)
  const at = ctx.now().toISOString()
  const id = record ? insertPackage(ctx.db, { direction: 'sent', manifest, fileSha256: sha256, data: {}, content: bytes, status: 'sent', by: ctx.user, at }) : null
  recordAudit(ctx, { entity: 'exchange_package', entityId: id, before: null, after: { direction: 'sent', packageId: manifest.packageId, kind, period: built.period, to: receiver?.unitName ?? null, sha256, counts: built.counts } })
  const to = receiver ? `_发往${safeName(receiver.unitName)}` : ''
  return { fileName: `${PACKAGE_KIND_LABELS[kind]}_${safeName(built.period)}${to}_${manifest.packageId.slice(0, 8)}.zip`, contentBase64: bytes.toString('base64'), sha256, packageId: manifest.packageId, kind, counts: built.counts }
}

export function exportPackage(ctx: CallContext, i: { kind: (typeof EXPORT_KINDS)[number]; year: number | null; roundId: number | null; schemeId: number | null; to: string }): ExportOutcome {
  const own = sender(ctx)
  const unit = unitNamed(ctx.db, i.to.trim())
  if (!unit) throw invalid(`没有名为“${i.to}”的已信任单位：请先导入对方的单位名片或任一数据包并核对指纹后信任它（exchange trust），再导出给它`, 'to')
  return send(ctx, own, i.kind, build(ctx, i, own.installationId), { unitName: unit.unitName, unitCode: unit.unitCode }, true)
}

/** The kind's parts for what was chosen: a year, a 考评 round or a 指标体系 (docs/exchange.md §5). */
function build(ctx: CallContext, i: { kind: (typeof EXPORT_KINDS)[number]; year: number | null; roundId: number | null; schemeId: number | null }, installationId: string): Built {
  switch (i.kind) {
    case 'assessment-results':
      if (i.roundId === null) throw invalid('请指定考评编号（--round）', 'roundId')
      return buildAssessment(ctx, i.roundId, installationId)
    case 'assessment-scheme':
      if (i.schemeId === null) throw invalid('请指定指标体系编号（--scheme）', 'schemeId')
      return buildScheme(ctx, i.schemeId)
    default: {
      if (i.year === null) throw invalid('请指定年度（--year）', 'year')
      if (i.kind === 'annual-statistics') return buildStatistics(ctx, i.year)
      return i.kind === 'organizational-life' ? buildCompliance(ctx, i.year, installationId) : buildSupervision(ctx, i.year, installationId)
    }
  }
}

/**
 * 审核决定 (docs/exchange.md §5.5) on a 考评结果 package received: the branches at `stage` are approved at the score
 * they came with, except those returned with a reason. Goes back to the hospital that sent the results.
 */
export function exportDecision(ctx: CallContext, i: { packageId: string; stage: string; returned: { organization: string; reason: string }[]; comment: string }): ExportOutcome {
  const own = sender(ctx)
  const got = findPackage(ctx.db, 'received', i.packageId)
  if (!got || got.kind !== 'assessment-results') throw invalid(`没有收到过编号为 ${i.packageId} 的考评结果数据包`, 'packageId')
  if (got.superseded_by !== null) throw invalid('这份考评结果已被对方较新的数据包取代，请对最新的一份作出审核决定', 'packageId')
  const unit = unitByCode(ctx.db, got.from_code)
  if (!unit) throw invalid(`“${got.from_name}”已不在已信任的单位中，不能发给它`)
  const data = (JSON.parse(got.data_json) as Record<string, { round: { ref: string; name: string }; entries: ReceivedResults['entries'] }>)['assessment.json']!
  const atStage = data.entries.filter((e) => e.stage === i.stage)
  if (!atStage.length) throw invalid(`这份考评结果中没有处于“${i.stage}”环节的支部（各支部的环节：${[...new Set(data.entries.map((e) => e.stage))].join('、')}）`, 'stage')
  const returned = new Map<string, string>()
  for (const r of i.returned) {
    const e = atStage.find((x) => x.organizationName === r.organization || x.organizationUid === r.organization)
    if (!e) throw invalid(`“${r.organization}”不在这份考评结果处于“${i.stage}”环节的支部中`, 'returned')
    returned.set(e.organizationUid, r.reason)
  }
  const results: ReceivedResults = { manifest: JSON.parse(got.manifest_json) as Manifest, fileSha256: got.file_sha256, entries: atStage }
  return send(ctx, own, 'review-decision', buildDecision(results, { ref: data.round.ref, name: data.round.name }, i.stage, returned, i.comment), { unitName: unit.unitName, unitCode: unit.unitCode }, true)
}

/** 单位名片 (docs/exchange.md §5.4): this unit's name, code and public key, signed, for the other side to trust. */
export function exportCard(ctx: CallContext): ExportOutcome {
  const own = sender(ctx)
  return send(ctx, own, 'unit-card', { period: '单位名片', subject: 'unit-card', counts: {}, parts: [{ name: 'card.json', json: { note: `${own.unitName}的单位名片` } }] }, null, false)
}

/**
 * Imports a package (docs/exchange.md §9) in the caller's one transaction: refused with the reason, a no-op when
 * seen before, else recorded (replacing an older one of the same subject), applied by its kind, audited, and
 * answered with a 回执 for the sender.
 */
export function importPackage(ctx: CallContext, bytes: Uint8Array): ImportOutcome {
  const { opened, plan } = examine(ctx, bytes)
  const m = opened.manifest
  const base = { kind: m.kind, kindLabel: PACKAGE_KIND_LABELS[m.kind as PackageKind] ?? m.kind, from: m.sender.unitName, period: m.period }
  if (plan.outcome === 'refuse') throw new AppError('VALIDATION', plan.problem)
  if (plan.outcome === 'duplicate') return { ...base, applied: false, note: plan.note, changes: [], receipt: null }
  const at = ctx.now().toISOString()
  const id = insertPackage(ctx.db, { direction: 'received', manifest: m, fileSha256: opened.fileSha256, data: partsObject(opened), content: bytes, status: 'received', by: ctx.user, at })
  const changes = plan.outcome === 'supersede' ? plan.changes : []
  if (plan.outcome === 'supersede') ctx.db.prepare('UPDATE exchange_packages SET superseded_by = ? WHERE id = ?').run(id, plan.replaces.id)
  recordAudit(ctx, {
    entity: 'exchange_package',
    entityId: id,
    before: null,
    after: { direction: 'received', packageId: m.packageId, kind: m.kind, period: m.period, from: m.sender.unitName, sha256: opened.fileSha256, supersedes: plan.outcome === 'supersede' ? plan.replaces.package_id : null, changes: changes.length },
  })
  plan.spec.apply?.(ctx, opened)
  const receipt = plan.spec.receipted ? send(ctx, sender(ctx), 'receipt', buildReceipt(m, opened.fileSha256, 'accepted', null, at), { unitName: m.sender.unitName, unitCode: m.sender.unitCode }, true) : null
  return { ...base, applied: true, note: plan.outcome === 'supersede' ? `取代了 ${plan.replaces.created_at.slice(0, 10)} 导出的同一数据包` : null, changes, receipt: receipt && { fileName: `回执_${receipt.fileName}`, contentBase64: receipt.contentBase64, sha256: receipt.sha256 } }
}

/**
 * Trusts a package's sender (docs/exchange.md §4) after a person compared the fingerprint by phone: the
 * fingerprint typed must be the one of the key that signed the file.
 */
export function trustSender(ctx: CallContext, bytes: Uint8Array, typed: string): KnownUnit & { already: boolean } {
  const { manifest: m } = openPackage(bytes)
  const fingerprint = fingerprintOf(m.sender.publicKey)
  const known = unitByKey(ctx.db, m.sender.publicKey)
  const { publicKey: _k, ...shown } = known ?? ({} as never)
  if (known) return { ...shown, already: true }
  const own = ownIdentity(ctx.db)
  if (m.sender.installationId === own.installationId || m.sender.publicKey === own.publicKey) throw invalid('这是本单位自己的数据包，无需信任')
  if (typed.replace(/\D/g, '') !== fingerprint.replace(/\D/g, '')) {
    throw invalid(`输入的指纹与数据包签名公钥的指纹（${fingerprint}）不一致：请与对方重新逐组核对，不一致时不要信任`, 'fingerprint')
  }
  const same = unitByCode(ctx.db, m.sender.unitCode)
  if (same) throw invalid(`已信任的“${same.unitName}”使用单位代码 ${m.sender.unitCode}，但公钥不同（指纹 ${same.fingerprint}）。党办通暂不支持更换已信任单位的公钥，请与对方核实`)
  const at = ctx.now().toISOString()
  const id = insertUnit(ctx.db, m.sender, ctx.user, at)
  recordAudit(ctx, { entity: 'exchange_unit', entityId: id, before: null, after: { unitName: m.sender.unitName, unitCode: m.sender.unitCode, installationId: m.sender.installationId, fingerprint } })
  return { id, unitName: m.sender.unitName, unitCode: m.sender.unitCode, installationId: m.sender.installationId, fingerprint, trustedAt: at, trustedBy: ctx.user, already: false }
}
