import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../../electron/backend/cli/run'

function capture() {
  const out: string[] = []
  const err: string[] = []
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err }
}

describe('命令行', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'dangban-cli-')), 'cli.db')

  it('init 创建数据库，orgs add 按中文类型名新增，orgs list --json 输出可解析的 JSON', async () => {
    const c = capture()
    expect(await runCli(['init', '--db', db], c.io, {})).toBe(0)
    expect(await runCli(['orgs', 'add', '--name', '中共示范医院委员会', '--type', '党委', '--db', db], c.io, {})).toBe(0)
    expect(await runCli(['orgs', 'add', '--name', '外科党支部', '--type', '党支部', '--parent', '中共示范医院委员会', '--departments', '普外科、骨科', '--db', db], c.io, {})).toBe(0)
    const list = capture()
    expect(await runCli(['orgs', 'list', '--json', '--db', db], list.io, {})).toBe(0)
    const orgs = JSON.parse(list.out.join('\n')) as { name: string; departments: string[] }[]
    expect(orgs.map((o) => o.name)).toEqual(['中共示范医院委员会', '外科党支部'])
    expect(orgs[1]!.departments).toEqual(['普外科', '骨科'])
  })

  it('失败时以非零状态退出并给出中文原因', async () => {
    const c = capture()
    expect(await runCli(['orgs', 'add', '--name', '外科党支部', '--type', '党支部', '--parent', '中共示范医院委员会', '--db', db], c.io, {})).toBe(1)
    expect(c.err.join('\n')).toContain('已有名为“外科党支部”的党组织')
    expect(await runCli(['orgs', 'frobnicate', '--db', db], c.io, {})).toBe(2)
  })

  it('没有 --db 时使用 DANGBAN_DB 环境变量', async () => {
    const c = capture()
    expect(await runCli(['orgs', 'list', '--json'], c.io, { DANGBAN_DB: db })).toBe(0)
    expect(JSON.parse(c.out.join(''))).toHaveLength(2)
  })
})
