import type { DashboardOverview } from '../../shared/contract/dashboard'

type Heatmap = DashboardOverview['heatmap']

/**
 * The 达标 heat map in order of need: the branch with the lowest share of required meetings held over
 * the months due comes first, so the screen's first rows are the branches to call; ties keep the tree's order.
 * Branches with nothing due yet go last. Each branch carries its rate for the axis label and the tooltip.
 */
export function byNeed(branches: readonly { id: number; name: string }[], months: string[], values: readonly [number, number, number | null][]): Heatmap {
  const rates = branches.map((_, i) => {
    const due = values.filter((v) => v[1] === i && v[2] !== null).map((v) => v[2]!)
    return due.length ? Math.round((100 * due.reduce((a, b) => a + b, 0)) / due.length) / 100 : null
  })
  const order = branches.map((_, i) => i).sort((a, b) => (rates[a] ?? 2) - (rates[b] ?? 2) || a - b)
  const at = new Map(order.map((old, now) => [old, now]))
  return {
    branches: order.map((i) => ({ ...branches[i]!, rate: rates[i]! })),
    months,
    values: values.map(([m, b, v]) => [m, at.get(b)!, v] as [number, number, number | null]),
  }
}
