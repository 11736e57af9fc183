import type { TodoItem, TodoKind } from '@shared/todo'

/** What each item of the 工作台 (docs/deadlines.md) offers as its first button. */
export interface TodoAction {
  label: string
  /** where the button leads */
  to: { path: string; query: Record<string, string> }
  /** the method that must be allowed for the button to show, and on which organization */
  method: 'meetings.create' | 'members.event' | 'members.get' | 'supervision.act' | 'supervision.get' | 'orgs.get' | 'dues.pay' | 'workPoints.list'
}

/** Each kind's natural next step (an exemption is never the first button: it stays on the 达标情况 table). */
export function actionsOf(item: TodoItem): TodoAction[] {
  const org = String(item.organizationId)
  const meeting = (kind: TodoKind) => kind === '三会一课' || kind === '主题党日' || kind === '组织生活会'
  if (meeting(item.kind)) return [{ label: '新建会议记录', method: 'meetings.create', to: { path: '/meetings', query: { new: '1', org, ...(item.meetingType ? { type: item.meetingType } : {}) } } }]
  if (item.kind === '预备期满' && item.memberId) return [{ label: '办理转正', method: 'members.event', to: { path: '/members', query: { member: String(item.memberId) } } }]
  if (item.kind === '积极分子' && item.memberId) return [{ label: '列为发展对象', method: 'members.event', to: { path: '/members', query: { member: String(item.memberId) } } }]
  if (item.kind === '发展对象' && item.memberId) return [{ label: item.subject.startsWith('政治审查') ? '登记政治审查' : '登记集中培训', method: 'members.event', to: { path: '/members', query: { member: String(item.memberId) } } }]
  if (item.kind === '政治生日' && item.memberId) return [{ label: '查看党员', method: 'members.get', to: { path: '/members', query: { member: String(item.memberId) } } }]
  if (item.kind === '换届') return [{ label: '查看党组织', method: 'orgs.get', to: { path: '/organizations', query: { org } } }]
  if (item.kind === '督办' && item.supervisionId) {
    const id = String(item.supervisionId)
    return [
      { label: '打开督办事项', method: 'supervision.get', to: { path: '/supervision', query: { id } } },
      ...(item.overdue ? [{ label: '催办', method: 'supervision.act' as const, to: { path: '/supervision', query: { id, act: 'urge' } } }] : []),
    ]
  }
  if (item.kind === '督办' && item.workPointId) return [{ label: '打开工作要点', method: 'workPoints.list', to: { path: '/supervision', query: { tab: 'points' } } }]
  if (item.kind === '党费') return [{ label: '登记党费', method: 'dues.pay', to: { path: '/dues', query: {} } }]
  return []
}
