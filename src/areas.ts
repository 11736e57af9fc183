import type { Role } from '@shared/contract/accounts'

/** The areas of the app, as the left navigation names them. Planned ones say so plainly. */
export interface Area {
  path: string
  title: string
  icon: string
  /** not built yet: what it will do */
  planned?: string
  /** roles that never see it (the backend refuses their calls anyway; this keeps the menu honest) */
  hiddenFor?: Role[]
}

export const AREAS: Area[] = [
  { path: '/workbench', title: '工作台', icon: 'House' },
  { path: '/organizations', title: '党组织', icon: 'OfficeBuilding' },
  { path: '/members', title: '党员名册', icon: 'User' },
  { path: '/meetings', title: '会议记录', icon: 'Notebook' },
  { path: '/dashboard', title: '驾驶舱', icon: 'DataBoard' },
  { path: '/assessments', title: '考核评价', icon: 'Medal' },
  { path: '/supervision', title: '督查督办', icon: 'Flag' },
  { path: '/dues', title: '党费', icon: 'Wallet' },
  { path: '/statistics', title: '统计分析', icon: 'DataAnalysis', hiddenFor: ['secretary'] },
  { path: '/exchange', title: '数据导入导出', icon: 'Upload', hiddenFor: ['secretary'] },
  { path: '/packages', title: '上报与交换', icon: 'Promotion', hiddenFor: ['secretary'] },
  { path: '/settings', title: '系统设置', icon: 'Setting', hiddenFor: ['secretary'] },
]

/**
 * Whether a role may open a path at all: a 支部书记 typing #/exchange or #/settings is sent back — the menu
 * hides them, the backend refuses their calls, and the address must not open an empty shell either.
 */
export function areaRefused(path: string, role: Role | null | undefined): Area | null {
  if (!role) return null
  const area = AREAS.find((a) => path === a.path || path.startsWith(`${a.path}/`))
  return area?.hiddenFor?.includes(role) ? area : null
}
