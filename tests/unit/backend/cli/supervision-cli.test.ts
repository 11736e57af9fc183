import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../../electron/backend/boot/cli'

describe('命令行 supervision：督办台账', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'dangban-supervision-cli-')), 'supervision.db')
  const run = async (...args: string[]) => {
    const out: string[] = []
    const err: string[] = []
    const code = await runCli([...args, '--db', db], { out: (t) => out.push(t), err: (t) => err.push(t) }, {})
    return { code, out: out.join('\n'), err: err.join('\n') }
  }
  const add = (...extra: string[]) => run('supervision', 'add', '--source', '领导交办', '--org', '中共示范医院委员会', '--lead', '总务科', ...extra)

  beforeAll(async () => {
    expect((await run('orgs', 'add', '--name', '中共示范医院委员会', '--type', '党委', '--departments', '总务科,医务科')).code).toBe(0)
  })

  it('supervision add 立项，list --json 列出，--overdue 只列逾期的（按 --as-of 那天计算）', async () => {
    const added = await add('--title', '完成门诊楼改造招标', '--by', '王书记', '--co', '医务科', '--assigned', '2025-05-07', '--due', '2025-06-30', '--level', '重点', '--major', '--json')
    expect(added.code).toBe(0)
    expect(JSON.parse(added.out)).toMatchObject({ title: '完成门诊楼改造招标', sourceText: '领导交办：王书记', coDepartments: ['医务科'], level: 'key', major: true, status: 'registered' })
    expect((await add('--title', '更新院史馆', '--assigned', '2025-05-07', '--due', '2025-12-31')).code).toBe(0)
    const all = JSON.parse((await run('supervision', 'list', '--as-of', '2025-07-01', '--json')).out) as { title: string; overdue: boolean }[]
    expect(all.map((r) => [r.title, r.overdue])).toEqual([['完成门诊楼改造招标', true], ['更新院史馆', false]])
    const late = JSON.parse((await run('supervision', 'list', '--overdue', '--as-of', '2025-07-01', '--json')).out) as { title: string }[]
    expect(late.map((r) => r.title)).toEqual(['完成门诊楼改造招标'])
    expect(JSON.parse((await run('supervision', 'list', '--overdue', '--as-of', '2025-06-30', '--json')).out)).toEqual([])
  })

  it('时限早于立项日期、不存在的科室、缺少牵头部门：非零退出并给出中文原因，台账不变', async () => {
    const before = (await run('supervision', 'list', '--json')).out
    expect(await add('--title', '某事项', '--assigned', '2025-05-07', '--due', '2025-05-01')).toMatchObject({ code: 1, err: expect.stringContaining('办理时限（2025-05-01）不能早于立项日期（2025-05-07）') })
    expect(await run('supervision', 'add', '--source', '领导交办', '--org', '中共示范医院委员会', '--lead', '基建科', '--title', '某事项', '--assigned', '2025-05-07', '--due', '2025-06-01')).toMatchObject({ code: 1, err: expect.stringContaining('没有名为“基建科”的科室') })
    expect(await run('supervision', 'add', '--source', '领导交办', '--title', '某事项', '--assigned', '2025-05-07', '--due', '2025-06-01')).toMatchObject({ code: 2, err: expect.stringContaining('--lead') })
    expect(await run('supervision', 'add', '--source', '口头', '--lead', '总务科')).toMatchObject({ code: 2, err: expect.stringContaining('会议决议、上级交办、领导交办') })
    expect((await run('supervision', 'list', '--json')).out).toBe(before)
  })
})
