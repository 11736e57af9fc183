/** `npm run web`: the real renderer and backend in any Chromium, for machines where Electron cannot be downloaded. */
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { automaticBackup, startBackend } from './startup'
import { defaultUserDataDir, resolveDatabasePath } from '../paths'
import { startBridge } from '../http/bridge'

const argv = process.argv.slice(2)
const portArg = argv.indexOf('--port')
const port = portArg >= 0 ? Number(argv[portArg + 1]) : Number(process.env.PORT ?? 0)
const dbPath = resolve(resolveDatabasePath(argv, process.env, defaultUserDataDir()))
const rendererDir = resolve('out/renderer')
if (!existsSync(resolve(rendererDir, 'index.html'))) {
  console.error('找不到已构建的界面（out/renderer）。请先运行 npm run build')
  process.exit(1)
}

async function main(): Promise<void> {
  mkdirSync(dirname(dbPath), { recursive: true })
  // a damaged database starts in recovery mode: the page explains it and offers the good backups
  const backend = startBackend(dbPath, 'web')
  if (backend.damaged) console.error('数据库已损坏：请在打开的页面中从备份恢复')
  const auto = await automaticBackup(backend, '启动时自动备份', 'due')
  if (auto.error) console.error(auto.error)
  const bridge = await startBridge(backend, rendererDir, port)
  console.log(`党办通（浏览器模式）已启动，请在浏览器中打开：\n  ${bridge.url}`)
  console.log('这个地址带有本次运行的口令，只给自己用：本机的其他用户没有它就打不开党办通。')
  console.log(`数据库：${dbPath}`)
  console.log('仅监听本机 127.0.0.1；按 Ctrl+C 退出')
  const stop = (): void => {
    void bridge.close().then(() => {
      backend.close()
      process.exit(0)
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

void main()
