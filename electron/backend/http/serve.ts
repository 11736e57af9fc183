/** `npm run web`: the real renderer and backend in any Chromium, for machines where Electron cannot be downloaded. */
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { backupIsDue, newestGoodBackup } from '../backup/backup'
import { DatabaseCorruptError } from '../db/open'
import { openBackend } from '../open'
import { defaultUserDataDir, resolveDatabasePath } from '../paths'
import { startBridge } from './bridge'

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
let backend
try {
  backend = openBackend(dbPath, 'web')
} catch (error) {
  if (!(error instanceof DatabaseCorruptError)) throw error
  const good = newestGoodBackup(dbPath)
  console.error(error.message)
  console.error(good ? `最近一次完好的备份：${good.file}\n恢复：npm run cli -- restore "${good.file}" --db "${dbPath}"` : '没有找到可用的备份，请联系管理员')
  process.exit(1)
}
if (backupIsDue(dbPath, new Date())) await backend.call('backup.create', { reason: '启动时自动备份' })
const bridge = await startBridge(backend, rendererDir, port)
console.log(`党办通（浏览器模式）已启动：${bridge.url}`)
console.log(`数据库：${dbPath}`)
console.log('仅监听本机 127.0.0.1；按 Ctrl+C 退出')
const stop = (): void => {
  void bridge.close().then(() => {
    backend.context.db.close()
    process.exit(0)
  })
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
}

void main()
