import { join } from 'node:path'
import { insertMeeting } from '../../electron/backend/meetings/repository'
import { openBackend } from '../../electron/backend/boot/open'
import { latency, time, type Figure } from '../harness'
import type { BenchEnv } from './index'

const WORDS = ['学习', '贯彻', '医德医风', '改善服务', '党风廉政', '义诊', '志愿服务', '临床路径', '患者满意度', '安全生产', '科研诚信', '发展党员', '组织生活', '民主评议', '主题党日']

/** Full-text search over 100,000 meeting records ("well under 100 ms"), 1-, 2- and 4-character queries. */
export async function searchFigures(env: BenchEnv): Promise<Figure[]> {
  const backend = openBackend(join(env.dir, 'search.db'), 'cli')
  const must = async (method: string, input: unknown) => {
    const r = await backend.call(method, input)
    if (!r.ok) throw new Error(r.error.message)
    return r.data as { id: number }
  }
  const c = await must('orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  const orgId = (await must('orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id })).id
  let seed = 1
  const next = () => (seed = (seed * 48271) % 2147483647)
  const phrase = () => Array.from({ length: 12 }, () => WORDS[next() % WORDS.length]).join('，')
  backend.context.db.transaction(() => {
    for (let i = 0; i < 100_000; i++) {
      const y = 2016 + (i % 10)
      insertMeeting(
        backend.context.db,
        { organizationId: orgId, types: ['theme_day'], title: `${y}年第${i}次${WORDS[next() % WORDS.length]}`, heldOn: `${y}-0${1 + (i % 9)}-1${i % 9}`, startTime: null, endTime: null, place: null, host: null, recorder: '记录人', lecturer: null, observers: null, agenda: null, discussion: null, minutes: phrase(), expectedCount: 10, presentCount: 9, resolutions: [] },
        'form',
        '2026-01-01T00:00:00Z',
      )
    }
  })()
  const q = (text: string) => () => backend.call('meetings.list', { q: text })
  const figures = [...latency('10万条会议全文检索 1 个字', await time(q('廉')), 100), ...latency('10万条会议全文检索 2 个字', await time(q('义诊')), 100), ...latency('10万条会议全文检索 4 个字', await time(q('医德医风')), 100)]
  backend.context.db.close()
  return figures
}
