import { join } from 'node:path'
import { openBackend } from '../../electron/backend/open'
import { latency, time, type Figure } from '../harness'
import type { BenchEnv } from './index'

/** The organization tree page on a large hospital (150 branches under 10 general branches). */
export async function organizationFigures(env: BenchEnv): Promise<Figure[]> {
  const backend = openBackend(join(env.dir, 'orgs.db'), 'cli')
  const must = async (method: string, input: unknown) => {
    const r = await backend.call(method, input)
    if (!r.ok) throw new Error(r.error.message)
    return r.data as { id: number }
  }
  const committee = await must('orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  for (let g = 0; g < 10; g++) {
    const general = await must('orgs.create', { name: `第${g + 1}党总支`, type: 'general_branch', parentId: committee.id })
    for (let b = 0; b < 15; b++) await must('orgs.create', { name: `第${g + 1}总支第${b + 1}党支部`, type: 'branch', parentId: general.id, departments: [`科室${g}-${b}`], termStartedOn: '2023-03-01' })
  }
  const list = await time(() => backend.call('orgs.list', { includeDissolved: true }))
  backend.context.db.close()
  return latency('党组织列表 orgs.list (161 个组织)', list, 50)
}
