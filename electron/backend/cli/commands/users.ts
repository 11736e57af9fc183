import type { UserRow } from '../../../shared/contract/accounts'
import { CliError } from '../output'
import type { CliCommand } from '../types'

/**
 * The recovery path for a forgotten administrator password (issue 8): only someone who can run commands on
 * this PC against the data file can do it — the same person who could copy the file — and it is audited.
 */
export const usersResetPassword: CliCommand = {
  usage: 'users reset-password --username 用户名 --password 新密码   找回密码（需本机操作，记入审计）',
  options: { username: 'string', password: 'string' },
  async run({ call, flags, io }) {
    const users = (await call('users.list', {})) as UserRow[]
    const u = users.find((x) => x.username === flags.username)
    if (!u) throw new CliError(`没有用户名为“${String(flags.username ?? '')}”的账号`)
    await call('users.resetPassword', { id: u.id, password: flags.password })
    io.out(`已重置 ${u.displayName}（${u.username}）的密码`)
  },
}
