import type { ExportColumn, ExportSource } from '../../shared/contract/exports'
import { ORG_STATUS_LABELS, ORG_TYPE_LABELS } from '../../shared/organizations'
import { termEndsOn } from '../../shared/rules/organization'
import type { CallContext } from '../context'
import * as orgRepo from '../organizations/repository'

export interface DatasetColumn extends ExportColumn {
  /** header names in other people's templates that mean this column */
  synonyms: readonly string[]
  width?: number
  text?: boolean
}

/** One exportable table: its columns and how to read its rows (values already as a clerk reads them). */
export interface Dataset {
  title: string
  columns: readonly DatasetColumn[]
  rows(ctx: CallContext, ids: readonly number[]): Record<string, unknown>[]
  landscape?: boolean
}

const col = (key: string, label: string, synonyms: string[] = [], extra: Partial<DatasetColumn> = {}): DatasetColumn => ({ key, label, synonyms, sensitive: false, ...extra })

const organizations: Dataset = {
  title: '党组织一览表',
  columns: [
    col('name', '组织名称', ['党组织名称', '名称', '党组织全称'], { width: 36 }),
    col('type', '组织类型', ['党组织类型', '类别', '组织类别']),
    col('parent', '上级组织', ['上级党组织', '隶属党组织'], { width: 30 }),
    col('departments', '所辖科室', ['科室', '对应科室'], { width: 24 }),
    col('foundedOn', '成立日期', ['成立时间', '建立日期']),
    col('termYears', '任期年限', ['任期']),
    col('termStartedOn', '本届任期开始', ['换届日期', '选举日期']),
    col('termEndsOn', '届满日期', ['任期届满', '届满时间']),
    col('status', '状态', ['组织状态']),
  ],
  rows(ctx, ids) {
    const all = orgRepo.allOrganizations(ctx.db)
    const names = new Map(all.map((o) => [o.id, o.name]))
    const wanted = ids.length ? new Set(ids) : null
    return all
      .filter((o) => !wanted || wanted.has(o.id))
      .map((o) => ({
        name: o.name,
        type: ORG_TYPE_LABELS[o.type],
        parent: o.parentId ? names.get(o.parentId) : '',
        departments: o.departments.join('、'),
        foundedOn: o.foundedOn,
        termYears: o.termYears,
        termStartedOn: o.termStartedOn,
        termEndsOn: termEndsOn(o.termStartedOn, o.termYears),
        status: o.status === 'active' ? ORG_STATUS_LABELS.active : `${ORG_STATUS_LABELS.dissolved}（${o.dissolvedOn}）`,
      }))
  },
}

export const DATASETS: Record<ExportSource, Dataset> = { organizations }
