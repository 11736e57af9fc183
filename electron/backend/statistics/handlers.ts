import type { statisticsContract } from '../../shared/contract/statistics'
import { annualTables, checkText, distributionChecks } from '../../shared/print/annual-tables'
import { invalid } from '../../shared/result'
import { recordAudit } from '../audit'
import type { Handlers } from '../handler'
import { readSettings } from '../settings'
import { annualStatistics } from './annual'
import { dataChecks, reconcile } from './checks'
import { annualFacts } from './facts'
import { statisticsWorkbook } from './workbook'

export const statisticsHandlers: Handlers<typeof statisticsContract> = {
  'stats.annual': ({ year, asOf }, ctx) => annualStatistics(ctx, year, asOf ?? undefined).stats,

  'stats.drill': ({ year, key }, ctx) => {
    const { keys } = annualStatistics(ctx, year)
    const ids = [...keys.entries()].filter(([, k]) => k.includes(key)).map(([id]) => id)
    if (ids.length === 0) return []
    return ctx.db
      .prepare(`SELECT m.id, m.name, o.name AS organizationName FROM members m LEFT JOIN organizations o ON o.id = m.organization_id WHERE m.id IN (SELECT value FROM json_each(?)) ORDER BY o.sort_order, m.id`)
      .all(JSON.stringify(ids)) as { id: number; name: string; organizationName: string | null }[]
  },

  'stats.checks': ({ year, asOf }, ctx) => {
    const on = asOf ?? `${year}-12-31`
    if (on.slice(0, 4) !== String(year)) throw invalid('统计时点应在该年度内')
    const reconciliation = reconcile(ctx, year, on)
    // a distribution whose 合计 is not 党员总数 is named before anything is sent upward (docs/statistics-tables.md §3)
    const sums = distributionChecks(annualTables(annualFacts(ctx, year, on)))
      .filter((c) => c.sum !== c.total)
      .map((c) => ({ level: 'error' as const, message: checkText(c).replace(/^核对：/, ''), members: [] }))
    return { reconciliation, checks: [...sums, ...dataChecks(ctx, on, reconciliation)] }
  },

  'stats.workbook': async ({ year, asOf }, ctx) => {
    const on = asOf ?? `${year}-12-31`
    const file = await statisticsWorkbook(annualFacts(ctx, year, on), readSettings(ctx.db)['unit.name'])
    recordAudit(ctx, { entity: 'export', entityId: null, before: null, after: { source: 'statistics', year } })
    return file
  },
}
