// better-sqlite3 is a native module built for one runtime at a time (architecture.md: the ABI trap).
//   node ensure-abi.mjs node      → make sure it loads in Node (tests, CLI, browser mode); rebuild if not
//   node ensure-abi.mjs electron  → rebuild it for Electron before launching or packaging the desktop app
// Rebuilding for Electron needs Electron's headers, i.e. internet once; it cannot work on offline build machines.
import { execSync, spawnSync } from 'node:child_process'

const target = process.argv[2]
const loadsInNode = () =>
  spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { stdio: 'pipe' }).status === 0

if (target === 'node') {
  if (!loadsInNode()) {
    console.log('better-sqlite3 不是为 Node 编译的（可能刚为 Electron 重新编译过），正在为 Node 重新编译…')
    execSync('npm rebuild better-sqlite3', { stdio: 'inherit' })
    if (!loadsInNode()) {
      console.error('重新编译后 better-sqlite3 仍无法在 Node 中加载，请删除 node_modules 后重新 npm install')
      process.exit(1)
    }
  }
} else if (target === 'electron') {
  // electron-builder downloads Electron's headers and compiles against them; on failure it says so.
  execSync('npx electron-builder install-app-deps', { stdio: 'inherit' })
} else {
  console.error('用法：node scripts/ensure-abi.mjs node|electron')
  process.exit(2)
}
