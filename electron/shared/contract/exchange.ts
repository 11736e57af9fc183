import { z } from 'zod'
import { DIRECTIONS, EXPORT_KINDS, type ExportOutcome, type Identity, type ImportOutcome, type KnownUnit, type PackageCheck, type PackageRow } from '../exchange'
import type { CitySums, ReceivedRound, ReceivedSupervision, UnitReport } from '../superior'
import type { FilePayload } from './imports'
import { method } from './define'

/** a package file as sent by the window or the CLI (docs/exchange.md §8: at most 20 MB) */
const file = { contentBase64: z.string().min(1, { message: '文件是空的' }).max(28_000_000, { message: '数据包文件超过 20 MB，不是党办通的数据包' }) }

const exportInput = z
  .object({
    kind: z.enum(EXPORT_KINDS, { error: '请选择数据包种类：年度党内统计、考评结果、组织生活达标、督办情况或考评指标体系' }),
    year: z.number().int().min(1950, { message: '年度不正确' }).max(2200, { message: '年度不正确' }).nullable().default(null),
    roundId: z.number().int().positive({ message: '考评编号不正确' }).nullable().default(null),
    schemeId: z.number().int().positive({ message: '指标体系编号不正确' }).nullable().default(null),
    to: z.string().trim().min(1, { message: '请选择收件单位' }).max(200),
  })
  .strict()
export const decideInput = z
  .object({
    packageId: z.string().regex(/^[0-9a-f-]{36}$/, { message: '请指定收到的考评结果数据包的编号' }),
    stage: z.string().trim().min(1, { message: '请填写本单位的评审环节，如 局党办审核' }).max(30),
    returned: z.array(z.object({ organization: z.string().trim().min(1).max(200), reason: z.string().trim().min(1, { message: '退回须写明原因' }).max(1000) }).strict()).max(2000).default([]),
    comment: z.string().max(1000).default(''),
  })
  .strict()
const fileInput = z.object(file).strict()
const trustInput = z.object({ ...file, fingerprint: z.string().trim().min(1, { message: '请输入与对方电话核对过的指纹' }).max(80) }).strict()
const listInput = z.object({ direction: z.enum(DIRECTIONS).nullable().default(null) }).strict()
const byId = z.object({ id: z.number().int().positive() }).strict()
const emptyInput = z.object({}).strict()
const yearInput = z.object({ year: z.number({ error: '请选择年度' }).int().min(1950, { message: '年度不正确' }).max(2200, { message: '年度不正确' }) }).strict()

/** `exchange verify`: what the file is and what importing it would do; `problem` says why it would be refused. */
export interface VerifyResult extends Omit<PackageCheck, 'manifest' | 'kindLabel' | 'fingerprint' | 'fileSha256'> {
  ok: boolean
  manifest: PackageCheck['manifest'] | null
  kindLabel: string | null
  fingerprint: string | null
  fileSha256: string | null
}

/** 上报与交换 (docs/exchange.md). */
export const exchangeContract = {
  /** this installation: unit name and code, installation id, public key and its fingerprint */
  'exchange.identity': method<typeof emptyInput, Identity>(emptyInput, 'read'),
  'exchange.units': method<typeof emptyInput, KnownUnit[]>(emptyInput, 'read'),
  'exchange.packages': method<typeof listInput, PackageRow[]>(listInput, 'read'),
  'exchange.export': method<typeof exportInput, ExportOutcome>(exportInput, 'write'),
  /** 审核决定 on a received 考评结果 (docs/exchange.md §5.5) */
  'exchange.decide': method<typeof decideInput, ExportOutcome>(decideInput, 'write'),
  'exchange.card': method<typeof emptyInput, ExportOutcome>(emptyInput, 'write'),
  /** checks a file and says what importing it would do; writes nothing */
  'exchange.verify': method<typeof fileInput, VerifyResult>(fileInput, 'read'),
  'exchange.import': method<typeof fileInput, ImportOutcome>(fileInput, 'write'),
  'exchange.trust': method<typeof trustInput, KnownUnit & { already: boolean }>(trustInput, 'admin'),
  /** a package we sent (or a 回执 we wrote), its bytes as sent, to save again */
  'exchange.file': method<typeof byId, FilePayload>(byId, 'read'),
  /** 上级 workspace (docs/exchange.md §12): each trusted unit's reports for the year — 未报 / 已报 / 审核决定 and its 回执 */
  'exchange.reportStatus': method<typeof yearInput, UnitReport[]>(yearInput, 'read'),
  /** the received 年度党内统计 of the year side by side, with the 合计 row */
  'exchange.citySums': method<typeof yearInput, CitySums>(yearInput, 'read'),
  /** the received 考评结果 of rounds of the year, each with the 审核决定 sent on it */
  'exchange.receivedRounds': method<typeof yearInput, ReceivedRound[]>(yearInput, 'read'),
  /** the received 督办情况 of the year, one per hospital, with its totals (docs/exchange.md §5.7) */
  'exchange.receivedSupervision': method<typeof yearInput, ReceivedSupervision[]>(yearInput, 'read'),
}
