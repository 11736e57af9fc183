import { fork, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Command } from './fake-electron/commands'
import type { Recorded } from './fake-electron/electron'

export const ROOT = resolve(__dirname, '../..')
export const BUILT_MAIN = join(ROOT, 'out/main/index.js')
export const BUILT_PRELOAD = join(ROOT, 'out/preload/index.js')
const REGISTER = join(__dirname, 'fake-electron/register.ts')

export interface MainProcess {
  /** what the main process did to Electron so far, in order */
  records: Recorded[]
  userData: string
  do<T = unknown>(command: Command): Promise<T>
  /** the first record of this type (and matching `where`), waiting for it if need be */
  waitFor(type: string, where?: (r: Recorded) => boolean, timeoutMs?: number): Promise<Recorded>
  /** resolves with the exit code when the process ends */
  exited: Promise<number | null>
  stderr(): string
  kill(): void
}

/**
 * The built main process (out/main/index.js) in a Node child process, with the fake `electron` module. The
 * backend worker, the jobs worker and the database are the real ones.
 */
export function launchMain(options: { args?: string[]; env?: Record<string, string>; userData?: string; entry?: string } = {}): MainProcess {
  const entry = options.entry ?? BUILT_MAIN
  if (!existsSync(entry)) throw new Error(`主进程尚未构建：${entry}（npm test 会先构建；单独运行请先 npm run build）`)
  const userData = options.userData ?? mkdtempSync(join(tmpdir(), 'dangban-desktop-'))
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, FAKE_ELECTRON_USER_DATA: userData }
  // the product, not the dev server, unless a test says otherwise
  if (!options.env?.ELECTRON_RENDERER_URL) delete env.ELECTRON_RENDERER_URL
  const child: ChildProcess = fork(entry, options.args ?? [], {
    execArgv: ['--require', 'tsx/cjs', '--require', REGISTER],
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    cwd: ROOT,
  })
  const records: Recorded[] = []
  const waiters: Array<() => void> = []
  const replies = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  let nextId = 1
  let err = ''
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()))
  child.stdout!.on('data', () => undefined)
  child.on('message', (m: { record?: Recorded; reply?: number; value?: unknown; error?: string }) => {
    if (m.record) {
      records.push(m.record)
      for (const w of waiters.splice(0)) w()
    } else if (m.reply !== undefined) {
      const r = replies.get(m.reply)
      replies.delete(m.reply)
      if (m.error !== undefined) r?.reject(new Error(m.error))
      else r?.resolve(m.value)
    }
  })
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      for (const r of replies.values()) r.reject(new Error(`主进程已退出（${code}）：${err.slice(-2000)}`))
      replies.clear()
      for (const w of waiters.splice(0)) w()
      resolve(code)
    }),
  )
  let ended = false
  void exited.then(() => (ended = true))

  return {
    records,
    userData,
    exited,
    stderr: () => err,
    kill: () => child.kill('SIGKILL'),
    do<T>(command: Command): Promise<T> {
      const id = nextId++
      return new Promise<T>((resolve, reject) => {
        replies.set(id, { resolve: resolve as (v: unknown) => void, reject })
        child.send({ id, command })
      })
    },
    async waitFor(type, where = () => true, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = records.find((r) => r.type === type && where(r))
        if (found) return found
        if (ended) throw new Error(`主进程已退出，没有出现 ${type}。记录：${records.map((r) => r.type).join(', ')}\n${err.slice(-2000)}`)
        if (Date.now() > deadline) throw new Error(`等待 ${type} 超时。记录：${records.map((r) => r.type).join(', ')}\n${err.slice(-2000)}`)
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, 200)
        })
      }
    },
  }
}
