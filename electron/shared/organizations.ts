/**
 * 党组织 (party organizations): types, labels and defaults from docs/rules.md §1.
 * Stored values are the English identifiers; the Chinese label is for people.
 */
export const ORG_TYPES = ['committee', 'general_branch', 'branch', 'joint_branch', 'temporary_branch', 'party_group'] as const
export type OrgType = (typeof ORG_TYPES)[number]

export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  committee: '党委',
  general_branch: '党总支',
  branch: '党支部',
  joint_branch: '联合党支部',
  temporary_branch: '临时党支部',
  party_group: '党小组',
}

/** Types that behave as a branch (支部): hold members, hold 三会一课, have a 书记. */
export const BRANCH_TYPES: readonly OrgType[] = ['branch', 'joint_branch', 'temporary_branch']
export const isBranchType = (t: OrgType): boolean => BRANCH_TYPES.includes(t)

/** Which parent types each type may sit under (null = may be the top of the tree). */
export const ALLOWED_PARENTS: Record<OrgType, readonly (OrgType | null)[]> = {
  committee: [null, 'committee'],
  general_branch: ['committee'],
  branch: ['committee', 'general_branch'],
  joint_branch: ['committee', 'general_branch'],
  temporary_branch: ['committee', 'general_branch'],
  party_group: ['branch', 'joint_branch'],
}

/**
 * Default term in years (docs/rules.md §1): 党委 usually 5 (党章 第三十一条: 3–5), 总支 and 支部 3
 * (支部工作条例). 临时党支部 and 党小组 have no 换届 (null).
 */
export const DEFAULT_TERM_YEARS: Record<OrgType, number | null> = {
  committee: 5,
  general_branch: 3,
  branch: 3,
  joint_branch: 3,
  temporary_branch: null,
  party_group: null,
}

export type OrgStatus = 'active' | 'dissolved'
export const ORG_STATUS_LABELS: Record<OrgStatus, string> = { active: '正常', dissolved: '已撤销' }

export interface Organization {
  id: number
  name: string
  type: OrgType
  parentId: number | null
  departments: string[]
  foundedOn: string | null
  termYears: number | null
  termStartedOn: string | null
  status: OrgStatus
  dissolvedOn: string | null
  dissolvedReason: string | null
  note: string | null
  sortOrder: number
  createdAt: string
  updatedAt: string
}

/**
 * Organizations in the order of the tree (a 党委, then each 党总支 followed by its branches, …), siblings in the
 * order given: lists of branches read like the organization tree instead of by creation.
 */
export function inTreeOrder<T extends { id: number; parentId: number | null }>(orgs: readonly T[]): T[] {
  const ids = new Set(orgs.map((o) => o.id))
  const children = new Map<number | null, T[]>()
  for (const o of orgs) {
    // a parent outside the list (filtered out) puts the organization at the top, as the tree screen does
    const parent = o.parentId !== null && ids.has(o.parentId) ? o.parentId : null
    const list = children.get(parent)
    if (list) list.push(o)
    else children.set(parent, [o])
  }
  const out: T[] = []
  const visit = (parent: number | null): void => {
    for (const o of children.get(parent) ?? []) {
      out.push(o)
      visit(o.id)
    }
  }
  visit(null)
  return out
}

export interface OrgWarning {
  code: string
  level: 'info' | 'warning' | 'danger'
  message: string
}

/** An organization with what the tree and detail pages show next to it. */
export interface OrgSummary extends Organization {
  /** 正式党员 whose 组织关系 is here (0 until the roster exists) */
  fullMembers: number
  probationaryMembers: number
  hasCommittee: boolean
  termEndsOn: string | null
  warnings: OrgWarning[]
}
