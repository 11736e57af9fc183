import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../../electron/backend/boot/cli'
import { workbook } from '../../../fixtures/workbooks'

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

  it('写错的参数（--dryrun 写成了 --dry-run 的样子）被拒绝并列出可用参数，什么也不写', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dangban-cli-typo-')), '党组织.xlsx')
    writeFileSync(file, workbook([['组织名称', '组织类型', '上级组织'], ['内科党支部', '党支部', '中共示范医院委员会']]))
    const c = capture()
    expect(await runCli(['import', 'organizations', file, '--dryrun', '--db', db], c.io, {})).toBe(2)
    expect(c.err.join('\n')).toContain('不认识的参数 --dryrun')
    expect(c.err.join('\n')).toContain('--dry-run')
    expect(c.err.join('\n')).toContain('没有执行任何操作')
    const list = capture()
    expect(await runCli(['orgs', 'list', '--json', '--db', db], list.io, {})).toBe(0)
    expect((JSON.parse(list.out.join('\n')) as { name: string }[]).map((o) => o.name)).not.toContain('内科党支部')
    // a flag of another command is refused too, and a string flag without its value
    expect(await runCli(['orgs', 'list', '--year', '2025', '--db', db], capture().io, {})).toBe(2)
    const missing = capture()
    expect(await runCli(['stats', 'annual', '--db', db, '--year'], missing.io, {})).toBe(2)
    expect(missing.err.join('')).toContain('参数 --year 后面缺少值')
  })

  it('没有 --db 时使用 DANGBAN_DB 环境变量', async () => {
    const c = capture()
    expect(await runCli(['orgs', 'list', '--json'], c.io, { DANGBAN_DB: db })).toBe(0)
    expect(JSON.parse(c.out.join(''))).toHaveLength(2)
  })
})

describe('命令行导入', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dangban-cli-import-'))
  const db = join(dir, 'cli.db')
  const xlsx = join(dir, '组织.xlsx')
  writeFileSync(
    xlsx,
    workbook([
      ['组织名称', '组织类型', '上级组织', '成立日期'],
      ['中共示范医院委员会', '党委', null, '2001-07-01'],
      ['内科党支部', '党支部', '中共示范医院委员会', '2019/7/1'],
      ['错误支部', '党支', '中共示范医院委员会', null],
    ]),
  )

  it('import organizations --json 输出约定的结构，行错误不影响退出码', async () => {
    const dry = capture()
    expect(await runCli(['import', 'organizations', xlsx, '--dry-run', '--json', '--db', db], dry.io, {})).toBe(0)
    expect(JSON.parse(dry.out.join(''))).toEqual({ inserted: 2, updated: 0, skipped: 0, errors: [{ row: 4, column: '组织类型', message: expect.stringContaining('无法识别') }] })
    const real = capture()
    expect(await runCli(['import', 'organizations', xlsx, '--json', '--db', db], real.io, {})).toBe(0)
    expect(JSON.parse(real.out.join(''))).toMatchObject({ inserted: 2, updated: 0, skipped: 0 })
    const again = capture()
    expect(await runCli(['import', 'organizations', xlsx, '--mode', 'skip', '--json', '--db', db], again.io, {})).toBe(0)
    expect(JSON.parse(again.out.join(''))).toMatchObject({ inserted: 0, skipped: 2 })
  })

  it('文件无法读取时以非零状态退出', async () => {
    const bad = join(dir, 'bad.xlsx')
    writeFileSync(bad, 'PK\u0003\u0004 this is not a zip')
    const c = capture()
    expect(await runCli(['import', 'organizations', bad, '--json', '--db', db], c.io, {})).toBe(1)
    expect(c.err.join('')).toContain('文件已损坏')
  })
})

describe('命令行：党员', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'dangban-cli-members-')), 'm.db')

  it('members add / list --json / show', async () => {
    const c = capture()
    await runCli(['orgs', 'add', '--name', '中共示范医院委员会', '--type', '党委', '--db', db], c.io, {})
    await runCli(['orgs', 'add', '--name', '内科党支部', '--type', '党支部', '--parent', '中共示范医院委员会', '--db', db], c.io, {})
    expect(await runCli(['members', 'add', '--org', '内科党支部', '--name', '王芳', '--id-number', '11010519491231002X', '--joined', '1975-07-01', '--converted', '1976-07-01', '--db', db], c.io, {})).toBe(0)
    expect(await runCli(['members', 'add', '--org', '内科党支部', '--name', '李四', '--gender', '男', '--applied', '2025-01-02', '--db', db], c.io, {})).toBe(0)
    const bad = capture()
    expect(await runCli(['members', 'add', '--org', '内科党支部', '--name', '错号', '--id-number', '110105194912310021', '--joined', '1990-01-01', '--db', db], bad.io, {})).toBe(1)
    expect(bad.err.join('')).toContain('校验位错误')
    const list = capture()
    expect(await runCli(['members', 'list', '--stage', '正式党员', '--json', '--db', db], list.io, {})).toBe(0)
    const rows = JSON.parse(list.out.join('')) as { name: string; idNumber: string }[]
    expect(rows.map((r) => r.name)).toEqual(['王芳'])
    expect(rows[0]!.idNumber).toBe('110105********002X')
    const show = capture()
    expect(await runCli(['members', 'show', '2', '--db', db], show.io, {})).toBe(0)
    expect(show.out.join('\n')).toContain('李四（男，入党申请人，正常）')
  })
})

describe('命令行：会议台账与达标', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dangban-cli-meetings-'))
  const db = join(dir, 'm.db')

  it('import meetings 读入三会一课台账，compliance --json 输出约定结构', async () => {
    const c = capture()
    await runCli(['orgs', 'add', '--name', '中共示范医院委员会', '--type', '党委', '--db', db], c.io, {})
    await runCli(['orgs', 'add', '--name', '内科党支部', '--type', '党支部', '--parent', '中共示范医院委员会', '--founded', '2010-01-01', '--db', db], c.io, {})
    const ledger = join(dir, '台账.xlsx')
    writeFileSync(
      ledger,
      workbook([
        ['2025年三会一课台账'],
        ['党组织', '会议类型', '日期', '主题', '主持人', '记录人', '应到人数', '实到人数'],
        ['内科党支部', '支部党员大会、党课', '2025-02-18', '学习全会精神', '张三', '李四', 25, 23],
        ['内科党支部', '主题党日', '2025年1月10日', '义诊进社区', '张三', '李四', 25, 20],
        ['内科党支', '党课', '2025-03-01', '错的支部', '张三', '李四', 25, 20],
      ]),
    )
    const imp = capture()
    expect(await runCli(['import', 'meetings', ledger, '--json', '--db', db], imp.io, {})).toBe(0)
    const result = JSON.parse(imp.out.join(''))
    expect(result).toMatchObject({ inserted: 2, updated: 0, skipped: 0 })
    expect(result.errors).toEqual([{ row: 5, column: '党组织', message: '找不到党组织“内科党支”，是否是：内科党支部？' }])

    const out = capture()
    expect(await runCli(['compliance', '--from', '2025-01-01', '--to', '2025-03-31', '--json', '--db', db], out.io, {})).toBe(0)
    const cells = JSON.parse(out.out.join('')) as { organization: string; type: string; period: string; required: number; held: number; status: string }[]
    expect(cells).toContainEqual({ organization: '内科党支部', type: '支部党员大会', period: '2025Q1', required: 1, held: 1, status: 'ok' })
    expect(cells).toContainEqual({ organization: '内科党支部', type: '党课', period: '2025Q1', required: 1, held: 1, status: 'ok' })
    expect(cells).toContainEqual({ organization: '内科党支部', type: '主题党日', period: '2025-01', required: 1, held: 1, status: 'ok' })
    expect(cells).toContainEqual({ organization: '内科党支部', type: '主题党日', period: '2025-02', required: 1, held: 0, status: 'missing' })
    expect(cells).toContainEqual({ organization: '内科党支部', type: '支部委员会', period: '2025-01', required: 1, held: 0, status: 'exempt' })
    expect(cells.find((c) => c.type === '组织生活会')).toMatchObject({ period: '2025', status: 'missing' })
  })
})

describe('命令行：党内统计', () => {
  it('stats annual --json 输出约定的键', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'dangban-cli-stats-')), 's.db')
    const c = capture()
    await runCli(['orgs', 'add', '--name', '中共示范医院委员会', '--type', '党委', '--db', db], c.io, {})
    await runCli(['orgs', 'add', '--name', '内科党支部', '--type', '党支部', '--parent', '中共示范医院委员会', '--db', db], c.io, {})
    await runCli(['members', 'add', '--org', '内科党支部', '--name', '王芳', '--id-number', '11010519491231002X', '--joined', '1975-07-01', '--converted', '1976-07-01', '--db', db], c.io, {})
    const out = capture()
    expect(await runCli(['stats', 'annual', '--year', '2025', '--json', '--db', db], out.io, {})).toBe(0)
    const s = JSON.parse(out.out.join(''))
    expect(s).toMatchObject({ asOf: '2025-12-31', total: 1, full: 1, probationary: 0, gender: { 男: 0, 女: 1 }, minority: 0, admitted: 0, converted: 0 })
    // every distribution ends in 未填 (docs/statistics-tables.md §3): the CLI prints the same keys as the tables
    expect(Object.keys(s.education)).toEqual(['研究生', '大学本科', '大学专科', '中专', '高中·中技', '初中及以下', '未填'])
    expect(Object.keys(s.ageBands)).toEqual(['30岁及以下', '31-35岁', '36-40岁', '41-45岁', '46-50岁', '51-55岁', '56-60岁', '61岁及以上', '未填'])
    expect(s.education.未填).toBe(1)
    expect(s.ageBands['61岁及以上']).toBe(1)
    expect(s.joinPeriods).toEqual({ '1949年10月以前': 0, '1949年10月至1978年12月': 1, '1979年1月至2012年10月': 0, '2012年11月以后': 0 })
  })
})
