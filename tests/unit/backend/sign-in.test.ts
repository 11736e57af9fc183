import { describe, expect, it, vi } from 'vitest'
import type { Backend } from '../../../electron/backend/boot/dispatch'
import { ok, testBackend } from '../helpers'

/**
 * Sign-in, tried as an attacker would. The key derivation is recorded here — the cost each
 * sign-in asks for — and computed at 1/256 of that cost, so these tests can make dozens of tries; the
 * parameters asked for are the real ones (passwords.ts).
 */
const derivations: number[] = []
vi.mock('node:crypto', async (original) => {
  const real = await original<typeof import('node:crypto')>()
  const cheaper = (o: { N: number; r: number; p: number; maxmem: number }) => ({ ...o, N: Math.max(1024, o.N / 256) })
  return {
    ...real,
    scryptSync: (pw: string, salt: string, len: number, o: { N: number; r: number; p: number; maxmem: number }) => real.scryptSync(pw, salt, len, cheaper(o)),
    scrypt: (pw: string, salt: string, len: number, o: { N: number; r: number; p: number; maxmem: number }, done: (e: Error | null, key: Buffer) => void) => {
      derivations.push(o.N)
      real.scrypt(pw, salt, len, cheaper(o), done)
    },
  }
})

let clock = Date.parse('2025-06-15T10:00:00+08:00')
async function accounts(): Promise<Backend> {
  clock = Date.parse('2025-06-15T10:00:00+08:00')
  const backend = testBackend('2025-06-15T10:00:00+08:00', '系统', 'web')
  backend.context.now = () => new Date(clock)
  await ok(backend, 'auth.setup', { username: 'admin', displayName: '党办王主任', password: 'a-long-password' })
  await ok(backend, 'users.create', { username: 'clerk', displayName: '张干事', role: 'clerk', password: 'clerk-pass-1' })
  await ok(backend, 'users.create', { username: 'gone', displayName: '已调走', role: 'clerk', password: 'gone-pass-1' })
  await ok(backend, 'users.disable', { id: 3 })
  await ok(backend, 'auth.logout', {})
  return backend
}
const answer = async (backend: Backend, username: string, password: string) => {
  const r = await backend.call('auth.login', { username, password })
  return r.ok ? '登录成功' : r.error.message
}
const later = (ms: number) => (clock += ms)

describe('登录：不泄露账号是否存在', () => {
  it('存在的、不存在的和已停用的用户名，连续输错时得到一字不差的回答', async () => {
    const backend = await accounts()
    const replies = async (name: string) => {
      const out: string[] = []
      for (let i = 0; i < 7; i++) {
        out.push(await answer(backend, name, 'wrong-password'))
        out.push(await answer(backend, name, 'wrong-password'))
        later(16 * 60_000)
      }
      return out
    }
    const clerk = await replies('clerk')
    expect(clerk.slice(0, 8)).toEqual([
      ...Array(4).fill('用户名或密码不正确'),
      '用户名或密码不正确。已连续输错5次，请30秒后再试',
      '连续输错密码次数过多，请30秒后再试；忘记密码请联系管理员',
      '用户名或密码不正确。已连续输错6次，请1分钟后再试',
      '连续输错密码次数过多，请1分钟后再试；忘记密码请联系管理员',
    ])
    expect(await replies('nobody')).toEqual(clerk)
    expect(await replies('gone')).toEqual(clerk)
  })

  it('每次登录都做一次同样代价的密钥计算（N = 2^17），账号不存在或已停用也一样', async () => {
    const backend = await accounts()
    for (const name of ['clerk', 'nobody', 'gone']) {
      derivations.length = 0
      await answer(backend, name, 'wrong-password')
      expect([name, derivations]).toEqual([name, [2 ** 17]])
    }
  })
})

describe('登录：连续输错后等待，而不是锁死', () => {
  it('陌生人反复输错管理员密码：等待期内的尝试不算数，等待最长15分钟，之后正确的密码立即可用', async () => {
    const backend = await accounts()
    const waits: number[] = []
    for (let i = 0; i < 12; i++) {
      const reply = await answer(backend, 'admin', `guess-${i}`)
      const wait = /请(\d+)(秒|分钟)后再试/.exec(reply)
      waits.push(wait ? Number(wait[1]) * (wait[2] === '秒' ? 1 : 60) : 0)
      // hammering while waiting is refused without a try, and does not lengthen the wait
      if (wait) for (let k = 0; k < 5; k++) expect(await answer(backend, 'admin', 'hammer')).toMatch(/^连续输错密码次数过多/)
      later(waits.at(-1)! * 1000)
    }
    expect(waits).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900])
    expect(await answer(backend, 'admin', 'a-long-password')).toBe('登录成功')
  })

  it('同时发出的许多次尝试也只有5次被检查', async () => {
    const backend = await accounts()
    derivations.length = 0
    const replies = await Promise.all(Array.from({ length: 20 }, () => answer(backend, 'clerk', 'wrong-password')))
    expect(derivations).toHaveLength(5)
    expect(replies.filter((r) => r.startsWith('连续输错密码次数过多'))).toHaveLength(15)
  })

  it('每次输错和每次开始等待都记入审计日志；不存在的用户名不记下输入的内容', async () => {
    const backend = await accounts()
    for (let i = 0; i < 5; i++) await answer(backend, 'clerk', 'wrong-password')
    await answer(backend, 'MyS3cret-password', 'x')
    const rows = backend.context.db.prepare("SELECT entity_id, after_json FROM audit_log WHERE entity = 'login' AND after_json LIKE '%failed%' ORDER BY id").all() as { entity_id: number | null; after_json: string }[]
    expect(rows.map((r) => [r.entity_id, JSON.parse(r.after_json)])).toEqual([
      ...[1, 2, 3, 4].map((n) => [2, { username: 'clerk', failed: true, failures: n }]),
      [2, { username: 'clerk', failed: true, failures: 5, lockedUntil: '2025-06-15T02:00:30.000Z' }],
      [null, { unknownUser: true, failed: true, failures: 1 }],
    ])
    expect(JSON.stringify(rows)).not.toContain('MyS3cret')
  })
})

describe('密码哈希', () => {
  it('旧参数（N = 2^15，未存参数）的哈希照样能登录，并在这次登录后改用 2^17', async () => {
    const backend = await accounts()
    const { scryptSync } = await import('node:crypto')
    // a hash as the earlier version stored it: hex digest, salt in its own column
    const old = scryptSync('clerk-pass-1'.normalize('NFKC'), 'old-salt', 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }).toString('hex')
    backend.context.db.prepare("UPDATE users SET password_hash = ?, salt = 'old-salt' WHERE username = 'clerk'").run(old)
    const stored = () => backend.context.db.prepare("SELECT password_hash FROM users WHERE username = 'clerk'").pluck().get() as string
    expect(await answer(backend, 'clerk', 'wrong-password')).toBe('用户名或密码不正确')
    expect(stored()).toBe(old)
    derivations.length = 0
    expect(await answer(backend, 'clerk', 'clerk-pass-1')).toBe('登录成功')
    expect(derivations).toEqual([2 ** 15])
    expect(stored()).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[0-9a-f]{64}$/)
    await ok(backend, 'auth.logout', {})
    derivations.length = 0
    expect(await answer(backend, 'clerk', 'clerk-pass-1')).toBe('登录成功')
    expect(derivations).toEqual([2 ** 17])
  })
})

describe('命令行重置密码', () => {
  it('不接受 --password（会留在命令历史里），从标准输入读取新密码；重置后等待解除并记入审计', async () => {
    const { mkdtempSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const { Readable } = await import('node:stream')
    const { runCli } = await import('../../../electron/backend/boot/cli')
    const { openBackend } = await import('../../../electron/backend/boot/open')
    const db = join(mkdtempSync(join(tmpdir(), 'dangban-')), 'd.db')
    const seeded = openBackend(db, 'web')
    await ok(seeded, 'auth.setup', { username: 'admin', displayName: '党办王主任', password: 'a-long-password' })
    await ok(seeded, 'auth.logout', {})
    for (let i = 0; i < 6; i++) await seeded.call('auth.login', { username: 'admin', password: 'forgotten' })
    expect((await seeded.call('auth.login', { username: 'admin', password: 'a-long-password' })).ok).toBe(false)
    seeded.context.db.close()
    const io = (stdin: string) => {
      const out: string[] = []
      const err: string[] = []
      return { out, err, io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), stdin: Object.assign(Readable.from([stdin]), { isTTY: false }) } }
    }
    const flagged = io('')
    expect(await runCli(['users', 'reset-password', '--username', 'admin', '--password', 'new-password-1', '--db', db], flagged.io, {})).toBe(2)
    expect(flagged.err.join('\n')).toContain('不接受 --password')
    const piped = io('new-password-1\n')
    expect(await runCli(['users', 'reset-password', '--username', 'admin', '--db', db], piped.io, {})).toBe(0)
    expect(piped.out.join('\n')).toContain('已重置 党办王主任（admin）的密码')
    const short = io('short\n')
    expect(await runCli(['users', 'reset-password', '--username', 'admin', '--db', db], short.io, {})).toBe(1)
    expect(short.err.join('\n')).toContain('密码至少 8 位')
    const after = openBackend(db, 'web')
    expect((await after.call('auth.login', { username: 'admin', password: 'new-password-1' })).ok).toBe(true)
    expect(after.context.db.prepare("SELECT count(*) FROM audit_log WHERE method = 'users.resetPassword'").pluck().get()).toBe(1)
    after.context.db.close()
  })
})
