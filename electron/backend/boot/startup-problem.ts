import { dirname } from 'node:path'
import { SqliteBindingError } from '../db/native'
import type { StartupProblem } from './host-protocol'

const TITLE = '党办通无法启动'
const HAS_CHINESE = /[\u4e00-\u9fff]/
const OTHER_LOCATION = '可以用 --db 参数或 DANGBAN_DB 环境变量把数据库放到有写入权限的位置（例如“文档”下的文件夹）。'

/**
 * Why the backend could not start, in sentences a clerk (or the IT person they call) can act on. Every case
 * ends the same way: nothing was changed, and the program closes rather than run half-started.
 */
export function startupProblem(error: unknown, databasePath: string): StartupProblem {
  const code = String((error as { code?: unknown } | null)?.code ?? '')
  const detail = error instanceof Error ? error.message.split('\n')[0]! : String(error)
  if (error instanceof SqliteBindingError) {
    return {
      title: TITLE,
      message:
        `党办通的数据库组件（SQLite）无法在这台电脑上加载：${error.detail}。\n` +
        '请重新安装党办通（安装包须与电脑的处理器类型一致：x64 或 arm64）。在统信 UOS、银河麒麟等 Linux 系统上，' +
        '请确认系统满足 README「打包」一节所列的最低版本。数据没有被修改。',
    }
  }
  const folderProblem = ['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'ENOSPC'].includes(code) && !code.startsWith('SQLITE')
  if (folderProblem) {
    const why = code === 'ENOSPC' ? '磁盘已满' : code === 'EROFS' ? '该位置只读' : code === 'ENOTDIR' || code === 'EEXIST' ? '路径中有同名的文件挡住了文件夹' : '没有写入权限'
    return { title: TITLE, message: `无法在 ${dirname(databasePath)} 创建或写入数据文件夹（${why}）。\n${OTHER_LOCATION}数据没有被修改。` }
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code.startsWith('SQLITE_IOERR')) {
    return { title: TITLE, message: `无法打开数据库文件 ${databasePath}（${code}）。\n请检查该文件和所在文件夹是否可以读写、磁盘是否已满。${OTHER_LOCATION}` }
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return { title: TITLE, message: `数据库文件 ${databasePath} 正被其他程序使用（例如正在运行的命令行恢复或另一份党办通）。\n请关闭那个程序后再打开党办通。数据没有被修改。` }
  }
  // our own sentences (e.g. 数据库版本比本程序新) are shown as written
  if (HAS_CHINESE.test(detail)) return { title: TITLE, message: `${detail}\n数据没有被修改。` }
  return { title: TITLE, message: `启动时出现意外错误：${detail.slice(0, 300)}\n数据没有被修改。请把这段说明告诉管理员。` }
}
