import { PACKAGE_KIND_LABELS, type Change, type PackageKind } from '../../shared/exchange'
import { latestVersion } from '../db/migrate'
import type { CallContext } from '../context'
import { diffParts } from './changes'
import { fingerprintOf } from './keys'
import { kindSpec } from './kinds'
import type { KindSpec } from './kinds/kind'
import { openPackage, type OpenedPackage } from './package-file'
import { currentReceived, findPackage, ownIdentity, unitByCode, unitByKey, type StoredPackage } from './repository'

/**
 * What importing a package would do (docs/exchange.md §9), decided without writing anything: the checks a file
 * makes of itself (package-file.ts), then those against this database — a trusted sender, this unit as the
 * receiver, a known kind, not from a newer program, parts of the kind's shape, not seen before, not older than
 * what we hold. `exchange verify`, the preview and the import all ask this.
 */
export type Plan =
  | { outcome: 'refuse'; problem: string }
  | { outcome: 'duplicate'; note: string }
  | { outcome: 'apply'; spec: KindSpec }
  | { outcome: 'supersede'; spec: KindSpec; replaces: StoredPackage; changes: Change[] }

export interface Examined {
  opened: OpenedPackage
  fingerprint: string
  trusted: boolean
  plan: Plan
}

const refuse = (problem: string): Plan => ({ outcome: 'refuse', problem })

/** Reads and checks a package file; throws (AppError, Chinese) only when the file itself is broken or forged. */
export function examine(ctx: CallContext, bytes: Uint8Array): Examined {
  const opened = openPackage(bytes)
  const m = opened.manifest
  const fingerprint = fingerprintOf(m.sender.publicKey)
  const known = unitByKey(ctx.db, m.sender.publicKey)
  // a trusted key speaks only for the unit and installation it was trusted as: not for another unit's code
  if (known && (known.unitCode !== m.sender.unitCode || known.installationId !== m.sender.installationId)) {
    const problem = `数据包自称来自“${m.sender.unitName}”（单位代码 ${m.sender.unitCode}），但签名所用的公钥属于已信任的“${known.unitName}”（单位代码 ${known.unitCode}）：发出单位与公钥不符，未做任何修改`
    return { opened, fingerprint, trusted: false, plan: refuse(problem) }
  }
  return { opened, fingerprint, trusted: !!known, plan: plan(ctx, opened, fingerprint, !!known) }
}

function plan(ctx: CallContext, opened: OpenedPackage, fingerprint: string, trusted: boolean): Plan {
  const m = opened.manifest
  const own = ownIdentity(ctx.db)
  const from = `“${m.sender.unitName}”（单位代码 ${m.sender.unitCode}）`
  if (m.sender.installationId === own.installationId || m.sender.publicKey === own.publicKey) return refuse('这是本单位自己导出的数据包，应交给收件单位导入，不能在本机导入')
  if (!trusted) {
    const same = unitByCode(ctx.db, m.sender.unitCode)
    if (same) {
      return refuse(
        `数据包自称来自${from}，但签名所用的公钥（指纹 ${fingerprint}）与本单位信任的该单位公钥（指纹 ${same.fingerprint}）不同：可能是伪造的，或对方重新安装后换了密钥。请电话联系对方核实，未做任何修改`,
      )
    }
    return refuse(`数据包来自尚未信任的单位${from}，其公钥指纹为 ${fingerprint}。请电话联系对方，逐组核对指纹一致后选择“信任此单位”（命令行：exchange trust 文件 --fingerprint ${fingerprint}），再导入`)
  }
  if (m.kind === 'unit-card') return { outcome: 'duplicate', note: `已信任${from}，单位名片无需导入` }
  // the 回执 names this unit: both must be set before anything is written
  if (!own.unitCode || !own.unitName) return refuse('请先在“系统设置 → 规则参数 → 单位信息”中填写单位名称和单位代码（命令行：exchange unit --code 代码 --name 名称），才能核对收件单位并写回执')
  if (!m.receiver) return refuse('数据包没有写明收件单位，不能导入')
  if (m.receiver.unitCode !== own.unitCode) return refuse(`这个数据包是发给“${m.receiver.unitName}”（单位代码 ${m.receiver.unitCode}）的，不是发给本单位（单位代码 ${own.unitCode}）的，不能导入`)
  const spec = kindSpec(m.kind)
  if (!spec) return refuse(`不认识的数据包种类“${m.kind.slice(0, 40)}”：可能来自更新版本的党办通，请先升级本机的党办通再导入`)
  const schema = latestVersion()
  if (m.app.schemaVersion > schema) return refuse(`数据包来自更新版本的党办通（数据结构版本 ${m.app.schemaVersion}，本机为 ${schema}），请先升级本机的党办通再导入`)
  // seen before: a no-op whatever has happened since (a 审核决定 applied once no longer fits the round it moved on)
  const seen = findPackage(ctx.db, 'received', m.packageId)
  if (seen) {
    if (seen.file_sha256 === opened.fileSha256) return { outcome: 'duplicate', note: `已导入过（${seen.recorded_at.slice(0, 10)} 导入），没有任何改动` }
    return refuse(`本单位已导入过编号相同（${m.packageId}）而内容不同的数据包，这个文件可能被改动过，未做任何修改`)
  }
  const shapeProblem = checkParts(opened, spec)
  if (shapeProblem) return refuse(shapeProblem)
  const kindProblem = spec.problem?.(ctx, opened)
  if (kindProblem) return refuse(kindProblem)
  const label = PACKAGE_KIND_LABELS[m.kind as PackageKind]
  const current = currentReceived(ctx.db, m.sender.installationId, m.kind, m.subject)
  if (!current) return { outcome: 'apply', spec }
  if (current.sequence >= m.sequence) {
    return refuse(`本单位已有${from}较新的“${label}（${current.period}）”数据包（${current.created_at.slice(0, 10)} 导出，${current.recorded_at.slice(0, 10)} 导入），较旧的数据包不会覆盖它，未做任何修改`)
  }
  return { outcome: 'supersede', spec, replaces: current, changes: diffParts(JSON.parse(current.data_json) as Record<string, unknown>, partsObject(opened)) }
}

/** The kind's parts, exactly, each of its shape (docs/exchange.md §5). */
function checkParts(opened: OpenedPackage, spec: KindSpec): string | null {
  const names = Object.keys(spec.parts)
  const got = [...opened.parts.keys()]
  if (got.length !== names.length || names.some((n) => !opened.parts.has(n))) return `数据包中的部分（${got.join('、') || '无'}）与种类“${PACKAGE_KIND_LABELS[spec.kind]}”应有的（${names.join('、')}）不符，不能导入`
  for (const n of names) {
    const r = spec.parts[n]!.safeParse(opened.parts.get(n))
    if (!r.success) return `数据包中“${n}”的内容不合格式（${r.error.issues[0]?.path.join('.') || '整体'}），不能导入。请对方升级到同一版本的党办通后重新导出`
  }
  return null
}

export const partsObject = (opened: OpenedPackage): Record<string, unknown> => Object.fromEntries(opened.parts)
