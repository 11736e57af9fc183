import { z } from 'zod'
import { method } from './define'

export interface DashboardOverview {
  year: number
  totals: { members: number; full: number; probationary: number; branches: number; organizations: number }
  pipeline: { stage: string; count: number }[]
  gender: Record<string, number>
  ageBands: Record<string, number>
  education: Record<string, number>
  titleLevels: Record<string, number>
  dualLeader: { secretaries: number; dual: number; branches: number }
  /** branches × months: share of the required meetings held (0–1), null before the month starts or when nothing applies */
  heatmap: { branches: { id: number; name: string }[]; months: string[]; values: [number, number, number | null][] }
  branchSizes: { id: number; name: string; full: number; probationary: number }[]
  /** the latest assessment round: ranking with scores and stars, and how many got each star */
  assessment: { round: string; ranking: { id: number; name: string; score: number; stars: number }[]; starCounts: Record<string, number> } | null
}

const input = z.object({ year: z.number().int().min(2000).max(2200) }).strict()

export const dashboardContract = {
  'dashboard.overview': method<typeof input, DashboardOverview>(input, 'read'),
}
