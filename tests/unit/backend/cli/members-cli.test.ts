import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../../electron/backend/boot/cli'

function capture() {
  const out: string[] = []
  const err: string[] = []
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err }
}

describe('命令行：党员名册的筛选', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'dangban-cli-roster-')), 'r.db')
  const cli = async (...args: string[]) => {
    const c = capture()
    const code = await runCli([...args, '--db', db], c.io, {})
    return { code, out: c.out.join('\n'), err: c.err.join('\n') }
  }
  const names = async (...args: string[]) => (JSON.parse((await cli('members', 'list', ...args, '--json')).out) as { name: string }[]).map((r) => r.name)

  it('按年龄段、学历、状态筛选，--json 输出全部匹配的人；学历简写按标准名称保存', async () => {
    await cli('orgs', 'add', '--name', '中共示范医院委员会', '--type', '党委')
    await cli('orgs', 'add', '--name', '内科党支部', '--type', '党支部', '--parent', '中共示范医院委员会')
    expect((await cli('members', 'add', '--org', '内科党支部', '--name', '王芳', '--id-number', '11010519491231002X', '--joined', '1975-07-01', '--converted', '1976-07-01', '--education', '本科')).code).toBe(0)
    expect((await cli('members', 'add', '--org', '内科党支部', '--name', '赵敏', '--id-number', '34052419800101001X', '--joined', '2005-01-01', '--converted', '2006-01-01', '--education', '硕士')).code).toBe(0)
    expect(await names('--age', '61岁及以上')).toEqual(['王芳'])
    expect(await names('--education', '研究生')).toEqual(['赵敏'])
    expect(await names('--status', '历史')).toEqual([])
    const bad = await cli('members', 'list', '--status', '不存在')
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('--status 应为：在册、停止党籍、流动、失联、历史')
    const wrong = await cli('members', 'add', '--org', '内科党支部', '--name', '错码', '--gender', '男', '--joined', '2005-01-01', '--education', '留学生')
    expect(wrong.code).toBe(1)
    expect(wrong.err).toContain('学历“留学生”不是规定的写法，请填写：研究生、博士研究生')
  })

  it('show 用中文写出时间线和待办', async () => {
    expect((await cli('members', 'add', '--org', '内科党支部', '--name', '钱申请', '--gender', '男', '--applied', '2020-01-02')).code).toBe(0)
    const id = (JSON.parse((await cli('members', 'list', '--q', '钱', '--json')).out) as { id: number }[])[0]!.id
    const show = await cli('members', 'show', String(id))
    expect(show.out).toContain('待办：与申请人谈话（已于2020-02-02到期）')
    expect(show.out).toContain('2020-01-02  递交入党申请书')
  })
})
