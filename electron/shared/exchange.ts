import { z } from 'zod'

/**
 * 上报与交换: signed data packages carried between a hospital and its higher committee on a USB drive. The file
 * format is written down in docs/exchange.md so that another program can produce a package; the names and
 * shapes here are that document's, field for field.
 */

/** docs/exchange.md §2: the value of `format` and the newest `formatVersion` this program reads and writes */
export const PACKAGE_FORMAT = 'dangban-exchange'
export const FORMAT_VERSION = 1

/** docs/exchange.md §5: what a package carries */
export const PACKAGE_KINDS = ['annual-statistics', 'assessment-results', 'organizational-life', 'supervision-report', 'review-decision', 'assessment-scheme', 'receipt', 'unit-card'] as const
export type PackageKind = (typeof PACKAGE_KINDS)[number]
export const PACKAGE_KIND_LABELS: Record<PackageKind, string> = {
  'annual-statistics': '年度党内统计',
  'assessment-results': '考评结果',
  'organizational-life': '组织生活达标',
  'supervision-report': '督办情况',
  'assessment-scheme': '考评指标体系',
  'review-decision': '审核决定',
  receipt: '回执',
  'unit-card': '单位名片',
}
/** the kinds a clerk exports on purpose (a 回执 is written by an import, a 单位名片 by `exchange card`) */
export const EXPORT_KINDS = ['annual-statistics', 'assessment-results', 'organizational-life', 'supervision-report', 'assessment-scheme'] as const
/** what a hospital reports upward (docs/exchange.md §12: the unit it sends these to is above it, not one reporting to it) */
export const REPORT_KINDS = ['annual-statistics', 'assessment-results', 'organizational-life', 'supervision-report'] as const

export const DIRECTIONS = ['sent', 'received'] as const
export type Direction = (typeof DIRECTIONS)[number]
export const DIRECTION_LABELS: Record<Direction, string> = { sent: '发出', received: '收到' }

/** docs/exchange.md §7: 已发出 → 已回执 / 被拒绝 for what we sent; 已收到 for what we took in */
export const PACKAGE_STATUSES = ['sent', 'receipted', 'rejected', 'received'] as const
export type PackageStatus = (typeof PACKAGE_STATUSES)[number]
export const PACKAGE_STATUS_LABELS: Record<PackageStatus, string> = { sent: '已发出', receipted: '已回执', rejected: '被拒绝', received: '已收到' }

/** 单位代码: letters, digits and hyphens (e.g. an 统一社会信用代码, or a code the higher committee hands out) */
export const UNIT_CODE = /^[A-Za-z0-9-]{2,40}$/
export const unitCodeProblem = (code: string): string | null =>
  UNIT_CODE.test(code) ? null : '单位代码只能由字母、数字和连字符组成（2–40 个字符），例如统一社会信用代码或上级分配的代码'

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/)
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
const unitName = z.string().min(1).max(200)
const unitCode = z.string().regex(UNIT_CODE)

/** docs/exchange.md §3: a part's name — a plain file name, never a folder or a path */
export const PART_NAME = /^[a-z][a-z0-9-]{0,40}\.json$/

/** docs/exchange.md §3: manifest.json, checked field by field; an unknown field is refused (strict) */
export const manifestSchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    formatVersion: z.number().int().min(1),
    packageId: uuid,
    kind: z.string().min(1).max(40),
    /** what the package is about, as people read it: 2025年度, 2025年度星级党支部考评 */
    period: z.string().min(1).max(100),
    /** what a newer package replaces: the same sender, kind and subject (docs/exchange.md §6) */
    subject: z.string().min(1).max(100),
    /** the sender's own counter: a larger one is newer (clocks on these PCs are not to be trusted) */
    sequence: z.number().int().positive(),
    createdAt: z.string().datetime({ offset: true }),
    sender: z.object({ unitName, unitCode, installationId: uuid, publicKey: z.string().min(40).max(200) }).strict(),
    receiver: z.union([z.object({ unitName, unitCode }).strict(), z.null()]),
    app: z.object({ name: z.literal('党办通'), version: z.string().min(1).max(40), schemaVersion: z.number().int().min(0) }).strict(),
    counts: z.record(z.string().max(40), z.number().int().min(0)),
    parts: z.array(z.object({ name: z.string().regex(PART_NAME), bytes: z.number().int().min(0), sha256: sha256Hex }).strict()).max(8),
  })
  .strict()
export type Manifest = z.infer<typeof manifestSchema>

/** A party to an exchange as the lists show it. */
export interface KnownUnit {
  id: number
  unitName: string
  unitCode: string
  installationId: string
  fingerprint: string
  trustedAt: string
  trustedBy: string
}

export interface PackageRow {
  id: number
  direction: Direction
  packageId: string
  kind: string
  kindLabel: string
  period: string
  fromName: string
  fromCode: string
  toName: string | null
  toCode: string | null
  fileSha256: string
  createdAt: string
  recordedAt: string
  status: PackageStatus
  statusText: string
  /** why the receiver refused it (from its 回执) */
  reason: string | null
  receiptAt: string | null
  /** a newer package from the same sender for the same subject took its place */
  supersededBy: string | null
  counts: Record<string, number>
}

/** One number that a newer package changed (docs/exchange.md §6). */
export interface Change {
  path: string
  before: number | string | null
  after: number | string | null
}

/** What a package is, read and checked without changing anything (exchange verify, and the preview before import). */
export interface PackageCheck {
  manifest: Manifest
  kindLabel: string
  fileSha256: string
  fingerprint: string
  /** the sender is a trusted unit and the signature is theirs */
  trusted: boolean
  /** what the import would do, or why it would refuse (in Chinese) */
  outcome: 'apply' | 'supersede' | 'duplicate' | 'refuse'
  problem: string | null
  changes: Change[]
}

export interface ImportOutcome {
  kind: string
  kindLabel: string
  from: string
  period: string
  applied: boolean
  /** 已导入过 and the like: why nothing was applied */
  note: string | null
  changes: Change[]
  /** the 回执 to carry back to the sender (none for a 回执 itself, nor for a package seen before) */
  receipt: { fileName: string; contentBase64: string; sha256: string } | null
}

export interface ExportOutcome {
  fileName: string
  contentBase64: string
  sha256: string
  packageId: string
  kind: string
  counts: Record<string, number>
}

export interface Identity {
  installationId: string
  unitName: string
  unitCode: string
  publicKey: string
  fingerprint: string
}
