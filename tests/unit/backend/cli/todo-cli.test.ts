import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../../electron/backend/boot/cli'

function capture() {
  const out: string[] = []
  const err: string[] = []
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err }
}

describe('命令行 todo：待办事项的 JSON', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'dangban-todo-cli-')), 'todo.db')
  const run = async (...args: string[]) => {
    const c = capture()
    const code = await runCli([...args, '--db', db], c.io, {})
    return { code, out: c.out.join('\n'), err: c.err.join('\n') }
  }

  beforeAll(async () => {
    expect((await run('orgs', 'add', '--name', '中共示范医院委员会', '--type', '党委')).code).toBe(0)
    // 党支部 terms are 3 years: started 2022-09-01 → ends 2025-09-01
    expect((await run('orgs', 'add', '--name', '内科党支部', '--type', '党支部', '--parent', '中共示范医院委员会', '--founded', '2010-01-01', '--term-start', '2022-09-01')).code).toBe(0)
    expect((await run('orgs', 'add', '--name', '外科党支部', '--type', '党支部', '--parent', '中共示范医院委员会', '--founded', '2010-01-01')).code).toBe(0)
    // joined in June: a 政治生日 on the 工作台 in June 2025 (docs/deadlines.md §13), which the CLI leaves out
    expect((await run('members', 'add', '--org', '内科党支部', '--name', '张某', '--gender', '男', '--joined', '2015-06-10', '--converted', '2016-06-10')).code).toBe(0)
  })

  it('输出的类别只有约定的八种：工作台上的政治生日、发展对象不输出', async () => {
    const engine = await run('todo', '--as-of', '2025-06-15', '--json')
    expect((JSON.parse(engine.out) as { kind: string }[]).some((i) => i.kind === '政治生日')).toBe(false)
    expect((await run()).err).toContain('发展对象、政治生日只在工作台列出')
  })

  it('--as-of --json 输出 { kind, organization, subject, due, overdue, rule } 的数组，逾期在前、到期近的在前', async () => {
    const r = await run('todo', '--as-of', '2025-06-15', '--json')
    expect(r.code).toBe(0)
    const items = JSON.parse(r.out) as Record<string, unknown>[]
    expect(items.length).toBeGreaterThan(0)
    for (const i of items) {
      expect(Object.keys(i).filter((k) => k !== 'person')).toEqual(['kind', 'organization', 'subject', 'due', 'overdue', 'rule'])
      expect(['三会一课', '主题党日', '组织生活会', '换届', '预备期满', '积极分子', '督办', '党费']).toContain(i.kind)
      expect(i.due).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    }
    const keys = items.map((i) => `${i.overdue ? 0 : 1}${String(i.due)}`)
    expect(keys).toEqual([...keys].sort())
    expect(items.find((i) => i.kind === '换届')).toMatchObject({ organization: '内科党支部', due: '2025-09-01', overdue: false })
  })

  it('--org 只列该组织（及下级）的事项', async () => {
    const items = JSON.parse((await run('todo', '--as-of', '2025-06-15', '--org', '外科党支部', '--json')).out) as { organization: string }[]
    expect(new Set(items.map((i) => i.organization))).toEqual(new Set(['外科党支部']))
  })

  it('缺少或写错日期、不存在的党组织、写错的参数：以状态 2 退出并说明原因', async () => {
    expect(await run('todo', '--json')).toMatchObject({ code: 2, err: expect.stringContaining('--as-of') })
    expect(await run('todo', '--as-of', '2025-02-30')).toMatchObject({ code: 2, err: expect.stringContaining('不是有效日期') })
    expect(await run('todo', '--as-of', '2025-06-15', '--org', '眼科党支部')).toMatchObject({ code: 2, err: expect.stringContaining('找不到党组织“眼科党支部”') })
    expect(await run('todo', '--asof', '2025-06-15')).toMatchObject({ code: 2, err: expect.stringContaining('不认识的参数 --asof') })
  })
})
