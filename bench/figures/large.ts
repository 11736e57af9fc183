import { join } from 'node:path'
import type { Backend } from '../../electron/backend/boot/dispatch'
import { openBackend } from '../../electron/backend/boot/open'
import { latency, time, type Figure } from '../harness'
import type { BenchEnv } from './index'

/** Seeds the large hospital once; every latency below runs against it. */
export async function largeDataset(env: BenchEnv): Promise<Backend> {
  const backend = openBackend(join(env.dir, 'large.db'), 'cli')
  const t0 = performance.now()
  const r = await backend.call('demo.seed', { scale: env.scale })
  if (!r.ok) throw new Error(r.error.message)
  process.stderr.write(`  seeded ${JSON.stringify(r.data)} in ${Math.round(performance.now() - t0)} ms\n`)
  return backend
}

async function must(backend: Backend, method: string, input: unknown): Promise<unknown> {
  const r = await backend.call(method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return r.data
}

/** List pages, search, the compliance year grid and the annual statistics (with their targets). */
export async function queryFigures(backend: Backend): Promise<Figure[]> {
  const branch = (backend.context.db.prepare("SELECT id FROM organizations WHERE type = 'branch' ORDER BY id LIMIT 1").pluck().get() as number) ?? null
  const year = new Date().getFullYear() - 1
  const q = (method: string, input: unknown) => () => must(backend, method, input)
  const figures: Figure[] = []
  const add = async (name: string, fn: () => unknown, target: number) => figures.push(...latency(name, await time(fn), target))
  await add('党组织树 orgs.list', q('orgs.list', {}), 50)
  await add('党员名册首页 members.list', q('members.list', {}), 50)
  await add('党员名册按支部筛选', q('members.list', { organizationId: branch }), 50)
  await add('党员名册按姓名排序', q('members.list', { sort: 'name' }), 50)
  await add('党员名册按年龄段+学历筛选', q('members.list', { ageBand: '36-40岁', educationGroup: '大学本科' }), 50)
  await add('姓名检索 1 个字', q('members.list', { q: '王' }), 50)
  await add('姓名检索 2 个字', q('members.list', { q: '王芳' }), 50)
  await add('会议列表首页 meetings.list', q('meetings.list', {}), 50)
  await add('会议全文检索 1 个字', q('meetings.list', { q: '廉' }), 50)
  await add('会议全文检索 2 个字', q('meetings.list', { q: '义诊' }), 50)
  await add('会议全文检索 4 个字', q('meetings.list', { q: '医德医风' }), 50)
  await add('达标年度表 compliance.grid（全院一年）', q('compliance.grid', { from: `${year}-01-01`, to: `${year}-12-31` }), 300)
  await add('党内统计年报 stats.annual', q('stats.annual', { year }), 300)
  await add('发展党员进度 members.pipeline', q('members.pipeline', {}), 50)
  await add('驾驶舱 dashboard.overview（全院一年）', q('dashboard.overview', { year }), 50)
  await add('支部画像 dashboard.branch（一个支部一年）', q('dashboard.branch', { organizationId: branch, year }), 50)
  // the 工作台 (the start page): every deadline of the whole hospital, in November of the seeded year
  await add('工作台待办 todo.list（全院）', q('todo.list', { asOf: `${year}-11-15` }), 100)
  await add('督办台账 supervision.list', q('supervision.list', {}), 50)
  return figures
}

/** The calls whose first, cold answer is measured in a fresh process (the pages a clerk opens first). */
export function coldCalls(backend: Backend): [name: string, method: string, input: unknown][] {
  const year = new Date().getFullYear() - 1
  const branch = backend.context.db.prepare("SELECT id FROM organizations WHERE type = 'branch' ORDER BY id LIMIT 1").pluck().get() as number
  return [
    ['工作台待办 todo.list（全院）', 'todo.list', { asOf: `${year}-11-15` }],
    ['党组织树 orgs.list', 'orgs.list', {}],
    ['党员名册首页 members.list', 'members.list', {}],
    ['会议列表首页 meetings.list', 'meetings.list', {}],
    ['达标年度表 compliance.grid（全院一年）', 'compliance.grid', { from: `${year}-01-01`, to: `${year}-12-31` }],
    ['驾驶舱 dashboard.overview（全院一年）', 'dashboard.overview', { year }],
    ['支部画像 dashboard.branch（一个支部一年）', 'dashboard.branch', { organizationId: branch, year }],
    ['党内统计年报 stats.annual', 'stats.annual', { year }],
  ]
}
