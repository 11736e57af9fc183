import { CliError, type Io } from '../output'
import type { CliCommand } from '../types'

/**
 * The recovery path for a forgotten administrator password: only someone who can run commands on
 * this PC against the data file can do it — the same person who could copy the file — and it is audited. It
 * also ends any wait after wrong passwords (accounts/login.ts).
 *
 * The new password is never a command-line argument: arguments stay in the shell's history and are
 * visible to other users in the process list. It is typed at a prompt that does not echo, twice; a script pipes
 * it in on standard input instead (`… users reset-password --username admin < 新密码.txt`).
 */
export const usersResetPassword: CliCommand = {
  usage: 'users reset-password --username 用户名                 找回密码：按提示输入新密码（需本机操作，记入审计）',
  options: { username: 'string', password: 'string' },
  async run({ call, flags, io }) {
    if (flags.password !== undefined) {
      throw new CliError(
        '不接受 --password：写在命令里的密码会留在命令历史和进程列表中，别人可以看到。请去掉 --password 重新运行，按提示输入新密码；脚本可以从标准输入传入，例如 npm run -s cli -- users reset-password --username admin < 新密码.txt',
        2,
      )
    }
    if (typeof flags.username !== 'string') throw new CliError('请给出用户名：users reset-password --username 用户名', 2)
    const users = await call('users.list', {})
    const u = users.find((x) => x.username === flags.username)
    if (!u) throw new CliError(`没有用户名为“${flags.username}”的账号`)
    const password = await newPassword(io, `${u.displayName}（${u.username}）`)
    await call('users.resetPassword', { id: u.id, password })
    io.out(`已重置 ${u.displayName}（${u.username}）的密码`)
  },
}

/** From a terminal: asked twice without echo. From a pipe or file: its first line. */
async function newPassword(io: Io, who: string): Promise<string> {
  const stdin = io.stdin
  if (!stdin) throw new CliError('无法读取新密码：没有标准输入')
  if (!stdin.isTTY) return firstLine(stdin)
  const first = await hidden(stdin, `请输入 ${who} 的新密码（至少 8 位，输入时不显示）：`)
  const again = await hidden(stdin, '请再输入一次：')
  if (first !== again) throw new CliError('两次输入的密码不一致，密码未修改')
  return first
}

async function firstLine(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = ''
  for await (const chunk of stdin) {
    text += chunk.toString()
    if (text.includes('\n')) break
  }
  return text.split(/\r?\n/)[0]!
}

/** Reads one line from the terminal with echo off; Ctrl-C gives up without changing anything. */
function hidden(stdin: NodeJS.ReadableStream & { setRawMode?: (raw: boolean) => unknown }, prompt: string): Promise<string> {
  process.stderr.write(prompt)
  stdin.setRawMode?.(true)
  stdin.resume()
  let typed = ''
  return new Promise((resolve, reject) => {
    const done = (result: () => void) => {
      stdin.setRawMode?.(false)
      stdin.pause()
      stdin.off('data', onData)
      process.stderr.write('\n')
      result()
    }
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n') return done(() => resolve(typed))
        if (ch === '\u0003') return done(() => reject(new CliError('已取消，密码未修改')))
        typed = ch === '\u007f' || ch === '\b' ? typed.slice(0, -1) : typed + ch
      }
    }
    stdin.on('data', onData)
  })
}
