import codes from '../../shared/codes/code-lists.json'
import { COMMITTEE_POSTS, COMMITTEE_POST_LABELS, OCCUPATIONS } from '../../shared/members'
import { isBranchType, ORG_TYPES, ORG_TYPE_LABELS } from '../../shared/organizations'
import type { CallContext } from '../context'
import { memo } from '../memo'
import * as orgRepo from '../organizations/repository'

/**
 * The values a coded column may be mapped to in the preview (“把「X」都当作 …”), one list per meaning, shared by the
 * import kinds: the standard names of the code lists (docs/rules.md §5) and the organizations as they are now.
 */
export const CODE_CHOICES = {
  gender: () => ['男', '女'],
  ethnicity: () => codes.ethnicGroups.map((e) => e.name),
  education: () => codes.education.map((e) => e.name),
  degree: () => codes.degrees,
  occupation: () => [...OCCUPATIONS],
  committeePost: () => COMMITTEE_POSTS.map((p) => COMMITTEE_POST_LABELS[p]),
  orgType: () => ORG_TYPES.map((t) => ORG_TYPE_LABELS[t]),
  /** 党费 人员类别 as the finance department's list writes them (减免 is decided by the branch, never imported) */
  duesCategory: () => ['在职', '离退休', '学生', '下岗失业', '依靠抚恤或救济生活', '领取最低生活保障金'],
} as const satisfies Record<string, () => readonly string[]>

/** the active 党支部 (and 联合、临时党支部) by name: where a person, a 支委 or a 党费 base belongs */
export const branchNames = (ctx: CallContext): readonly string[] =>
  memo(ctx, 'choices:branches', () => orgRepo.allOrganizations(ctx.db).filter((o) => o.status === 'active' && isBranchType(o.type)).map((o) => o.name))

/** every active organization by name: a meeting's or a parent's */
export const organizationNames = (ctx: CallContext): readonly string[] => memo(ctx, 'choices:organizations', () => orgRepo.allOrganizations(ctx.db).filter((o) => o.status === 'active').map((o) => o.name))
