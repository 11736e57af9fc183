import { formatChineseDate } from '../../shared/dates'
import { termEndsOn } from '../../shared/rules/organization'
import type { CallContext } from '../context'
import { settingsOf } from '../memo'
import { findOrganization } from '../organizations/repository'
import type { Compute, Window } from './auto'

const round1 = (n: number) => Math.round(n * 10) / 10

/**
 * 自动取数 from the organization's own record (换届 and 支委会 were left empty although the data was
 * there): whether the term ran over without a re-election, and whether the branch has the 书记 and, at 7 正式党员
 * or more, the 支部委员会 that 支部工作条例 第九条 asks for (the threshold is the setting 应设支委会的正式党员数).
 */
export function organizationSources(ctx: CallContext, w: Window): { termOnTime: Compute; committee: Compute } {
  const on = formatChineseDate(w.asOf)
  return {
    termOnTime: (orgId, i) => {
      const org = findOrganization(ctx.db, orgId)
      const ends = org ? termEndsOn(org.termStartedOn, org.termYears) : null
      if (!org?.termStartedOn || !ends) return { points: null, computation: '未登记本届任期开始日期或任期年限，无法判断是否按期换届，请人工评分' }
      const term = `本届任期自${formatChineseDate(org.termStartedOn)}起${org.termYears}年，${formatChineseDate(ends)}届满`
      if (ends > w.asOf) return { points: i.max, computation: `${term}，截至${on}未超期，得${i.max}分` }
      // the example's 评分标准: 超期未换届扣5分 of 10, i.e. half the indicator's points
      const points = round1(i.max / 2)
      return { points, computation: `${term}，截至${on}已超期未换届（登记了换届请更新“本届任期开始”），扣一半，得${points}分` }
    },
    committee: (orgId, i) => {
      const full = ctx.db
        .prepare('SELECT count(*) FROM memberships s JOIN members m ON m.id = s.member_id WHERE s.organization_id = @org AND s.from_date <= @on AND (s.to_date IS NULL OR s.to_date > @on) AND m.converted_on IS NOT NULL AND m.converted_on <= @on')
        .pluck()
        .get({ org: orgId, on: w.asOf }) as number
      const posts = ctx.db
        .prepare('SELECT p.post, m.name FROM committee_posts p JOIN members m ON m.id = p.member_id WHERE p.organization_id = @org AND p.elected_on <= @on AND (p.ended_on IS NULL OR p.ended_on > @on)')
        .all({ org: orgId, on: w.asOf }) as { post: string; name: string }[]
      const secretary = posts.find((p) => p.post === 'secretary')
      const members = new Set(posts.map((p) => p.name)).size
      const threshold = settingsOf(ctx)['org.committeeThreshold']
      const needed = full >= threshold
      const facts = `${on}正式党员${full}名，${needed ? `应设支部委员会（${threshold}人以上），` : ''}在任委员${members}人`
      if (!secretary) return { points: 0, computation: `${facts}，未配备书记，按0分计` }
      if (needed && members < 3) {
        const points = round1(i.max / 2)
        return { points, computation: `${facts}（书记${secretary.name}），支部委员会不足3人，得一半${points}分` }
      }
      return { points: i.max, computation: `${facts}（书记${secretary.name}），配备齐全，得${i.max}分` }
    },
  }
}
