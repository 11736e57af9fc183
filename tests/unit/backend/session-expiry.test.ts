import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/backend/db/open'
import { createBackend } from '../../../electron/backend/boot/dispatch'
import { IDLE_LOCK_MINUTES } from '../../../electron/shared/security'

describe('会话在后台过期（不只是界面锁屏）', () => {
  it(`${IDLE_LOCK_MINUTES} 分钟没有任何调用的会话被登出；之后的调用说明已自动锁定，要求重新登录；窗口的定时提醒让在用的会话不过期`, async () => {
    let clock = Date.parse('2026-12-07T09:00:00+08:00')
    const backend = createBackend({ db: openDatabase(':memory:'), user: '本机', databasePath: ':memory:', transport: 'electron', now: () => new Date(clock), session: { user: null } }, () => {})
    const minutes = (n: number) => (clock += n * 60_000)
    expect((await backend.call('auth.setup', { username: 'admin', displayName: '管理员', password: 'expiry-pass-1' })).ok).toBe(true)

    // at work: a call every few minutes (a page, or the window's keep-alive auth.status) keeps the session
    for (let i = 0; i < 6; i++) {
      minutes(IDLE_LOCK_MINUTES - 1)
      expect((await backend.call(i % 2 ? 'orgs.list' : 'auth.status', {})).ok).toBe(true)
    }
    expect(backend.context.session.user?.username).toBe('admin')

    minutes(IDLE_LOCK_MINUTES + 1)
    const late = await backend.call('orgs.list', {})
    expect(late).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: '长时间未操作，已自动锁定，请重新登录' } })
    expect(backend.context.session.user).toBeNull()
    expect(await backend.call('orgs.list', {})).toMatchObject({ ok: false, error: { message: '请先登录' } })
    // signing in again works as usual
    expect((await backend.call('auth.login', { username: 'admin', password: 'expiry-pass-1' })).ok).toBe(true)
    expect((await backend.call('orgs.list', {})).ok).toBe(true)
  })
})
