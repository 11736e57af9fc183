import { todayLocal } from '../../shared/dates'
import { SUPERVISION_LEVEL_LABELS, SUPERVISION_STATUS_LABELS } from '../../shared/supervision'
import { descendantIds } from '../organizations/repository'
import { listItems } from '../supervision/repository'
import { todoList } from '../todo/engine'
import { col, SERIAL, type Dataset } from './dataset'

/**
 * 督办台账 (docs/deadlines.md §6): every item, void ones too (marked), in the columns offices keep — 事项、来源、
 * 牵头/协办部门、责任人、时限、状态、最新进展、办结情况 — as of the end of the chosen period, else today.
 */
export const supervisionLedger: Dataset = {
  title: '督办事项台账',
  landscape: true,
  columns: [
    SERIAL,
    col('id', '督办编号', ['编号'], { width: 8 }),
    col('title', '督办事项', ['事项', '工作任务', '督办内容'], { width: 36 }),
    col('source', '事项来源', ['来源', '交办来源'], { width: 30 }),
    col('major', '三重一大', ['是否三重一大'], { width: 8 }),
    col('organization', '党组织', [], { width: 20 }),
    col('lead', '牵头部门', ['责任部门', '牵头科室'], { width: 14 }),
    col('co', '协办部门', ['配合部门'], { width: 18 }),
    col('responsible', '责任人', ['负责人'], { width: 8 }),
    col('level', '督办等级', [], { width: 8 }),
    col('assignedOn', '立项日期', ['交办日期'], { width: 11 }),
    col('dueOn', '办理时限', ['完成时限', '时限要求'], { width: 11 }),
    col('status', '办理状态', ['状态', '进展情况'], { width: 10 }),
    col('overdue', '是否逾期', ['逾期'], { width: 8 }),
    col('urges', '催办次数', [], { width: 8 }),
    col('progress', '最新进展', ['进展'], { width: 36 }),
    col('completedOn', '办结日期', ['完成日期'], { width: 11 }),
    col('result', '办理结果', ['办结情况'], { width: 36 }),
  ],
  rows(ctx, ids, scope) {
    const asOf = scope.to ?? todayLocal(ctx.now())
    const orgs = scope.organizationId ? JSON.stringify(descendantIds(ctx.db, scope.organizationId)) : null
    const latest = ctx.db.prepare("SELECT note FROM supervision_events WHERE item_id = ? AND kind = 'feedback' ORDER BY occurred_on DESC, id DESC LIMIT 1").pluck()
    return listItems(ctx.db, asOf, { orgs, status: null })
      .filter((r) => !ids.length || ids.includes(r.id))
      .map((r) => ({
        id: r.id,
        title: r.title,
        source: r.sourceText,
        major: r.major ? '是' : '否',
        organization: r.organization,
        lead: r.leadDepartment,
        co: r.coDepartments.join('、'),
        responsible: r.responsible,
        level: SUPERVISION_LEVEL_LABELS[r.level],
        assignedOn: r.assignedOn,
        dueOn: r.dueOn,
        status: r.status === 'void' ? `已作废（${r.voidReason ?? ''}）` : SUPERVISION_STATUS_LABELS[r.status],
        overdue: r.overdue ? '是' : '否',
        urges: r.urgeCount,
        progress: latest.get(r.id) ?? null,
        completedOn: r.completedOn,
        result: r.result,
      }))
  },
}

/** 待办事项 of the 工作台 (docs/deadlines.md): the deadline engine's list as of the chosen day, else today. */
export const todoItems: Dataset = {
  title: '待办事项',
  landscape: true,
  columns: [
    SERIAL,
    col('kind', '类别', [], { width: 10 }),
    col('organization', '党组织', ['党支部'], { width: 26 }),
    col('person', '人员', ['姓名'], { width: 8 }),
    col('subject', '事项', ['待办事项', '内容'], { width: 44 }),
    col('due', '到期日', ['期限', '截止日期'], { width: 11 }),
    col('state', '情况', ['状态'], { width: 8 }),
    col('rule', '依据', [], { width: 50 }),
  ],
  rows(ctx, _ids, scope) {
    return todoList(ctx, scope.to ?? todayLocal(ctx.now()), scope.organizationId).map((i) => ({
      kind: i.kind,
      organization: i.organization,
      person: i.person ?? null,
      subject: i.subject,
      due: i.due,
      state: i.overdue ? '逾期' : '待办',
      rule: i.rule,
    }))
  },
}
