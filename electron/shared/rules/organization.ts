import { addMonths, addYears, type IsoDate } from '../dates'
import { ALLOWED_PARENTS, ORG_TYPE_LABELS, isBranchType, type OrgType, type OrgWarning } from '../organizations'
import type { Settings } from '../settings'

/** Term end = start + term length; null when the organization has no term (党小组, 临时党支部) or no start. */
export function termEndsOn(termStartedOn: string | null, termYears: number | null): IsoDate | null {
  if (!termStartedOn || !termYears) return null
  return addYears(termStartedOn, termYears)
}

/** Why a type may not sit under a parent type, or null when it may. */
export function parentProblem(type: OrgType, parentType: OrgType | null): string | null {
  if (ALLOWED_PARENTS[type].includes(parentType)) return null
  const allowed = ALLOWED_PARENTS[type].map((t) => (t ? ORG_TYPE_LABELS[t] : '（无上级，作为最高一级）')).join('、')
  const under = parentType ? `“${ORG_TYPE_LABELS[parentType]}”之下` : '最高一级'
  return `${ORG_TYPE_LABELS[type]}不能设在${under}，上级只能是：${allowed}`
}

export interface OrgFacts {
  type: OrgType
  status: 'active' | 'dissolved'
  fullMembers: number
  totalMembers: number
  hasCommittee: boolean
  termEndsOn: IsoDate | null
}

/**
 * Rule checks that warn, never block (docs/rules.md: "rule checks warn by default; they do not block the
 * clerk from recording what really happened").
 */
export function organizationWarnings(org: OrgFacts, today: IsoDate, settings: Settings): OrgWarning[] {
  if (org.status !== 'active') return []
  const warnings: OrgWarning[] = []
  if (isBranchType(org.type) && org.type !== 'temporary_branch') {
    // 党章 第三十条: 有正式党员三人以上的，都应当成立党的基层组织
    if (org.fullMembers < settings['org.minFullMembers']) {
      warnings.push({
        code: 'too_few_full_members',
        level: 'warning',
        message: `正式党员仅${org.fullMembers}名，少于${settings['org.minFullMembers']}名：可考虑与邻近科室组建联合党支部`,
      })
    }
    // 支部工作条例 第九条: 正式党员7人以上的党支部，设立支部委员会
    if (org.fullMembers >= settings['org.committeeThreshold'] && !org.hasCommittee) {
      warnings.push({
        code: 'committee_required',
        level: 'warning',
        message: `正式党员${org.fullMembers}名（≥${settings['org.committeeThreshold']}名），应设立支部委员会，当前未录入支委会成员`,
      })
    }
    if (org.totalMembers > settings['org.maxMembers']) {
      warnings.push({
        code: 'too_many_members',
        level: 'info',
        message: `党员${org.totalMembers}名，超过一般规模${settings['org.maxMembers']}名：可考虑分设支部或设立党小组`,
      })
    }
  }
  if (org.termEndsOn) {
    if (org.termEndsOn <= today) {
      warnings.push({ code: 'term_expired', level: 'danger', message: `任期已于${org.termEndsOn}届满，应按期换届（延期须经上级批准）` })
    } else {
      const months = [...settings['org.termReminderMonths']].sort((a, b) => a - b)
      const within = months.find((m) => addMonths(today, m) >= org.termEndsOn!)
      if (within !== undefined) {
        warnings.push({ code: 'term_expiring', level: 'warning', message: `任期将于${org.termEndsOn}届满（${within}个月内），请准备换届` })
      }
    }
  }
  return warnings
}
