// `npm start` first: is there an Electron to start? On machines that cannot download it, say so in Chinese within
// seconds, say how to bring it in, and that `npm run web` works meanwhile — instead of a download that hangs and an
// English stack trace. A zip carried in (the project folder, offline-kit/, or the download cache) is checked
// against Electron's own SHA-256 and unpacked by Electron's own installer, offline.
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { cachedZipPath, ELECTRON_SUMS, ELECTRON_VERSION, electronCacheRoot, installedElectron, ROOT, sha256, zipName } from './electron-dist.mjs'

const installed = installedElectron()
if (installed.found) process.exit(0)

const name = zipName()
const expected = ELECTRON_SUMS[name]
const win = process.platform === 'win32'

if (installed.override) {
  console.error(`ELECTRON_OVERRIDE_DIST_PATH 指向的文件夹里没有 Electron 程序：${installed.file}`)
  console.error(`请把 ${name} 解压到该文件夹（解压后应直接看到 ${win ? 'electron.exe' : 'electron'}），或去掉这个环境变量。`)
  process.exit(1)
}

const carried = [join(ROOT, name), join(ROOT, 'offline-kit', name), cachedZipPath(name)].find((f) => existsSync(f))
if (carried && expected) {
  const actual = await sha256(carried)
  if (actual !== expected) {
    console.error(`找到的 ${carried} 与 Electron 公布的校验值不符（应为 ${expected}，实为 ${actual}），没有使用。文件可能不完整或被改动，请重新拷贝。`)
    process.exit(1)
  }
  const cached = cachedZipPath(name)
  if (carried !== cached) {
    mkdirSync(dirname(cached), { recursive: true })
    copyFileSync(carried, cached)
  }
  console.log(`使用已带入的 ${name}（SHA-256 校验通过），正在解压…`)
  // Electron's own installer: finds the zip in its cache, checks the sum again, unpacks, writes path.txt
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'electron', 'install.js')], {
    stdio: 'inherit',
    timeout: 120_000,
    env: { ...process.env, electron_config_cache: electronCacheRoot() },
  })
  if (r.status === 0 && installedElectron().found) process.exit(0)
  console.error('解压 Electron 没有成功，请看上面的说明；可以改用“解压好的文件夹”方式（见下）。')
}

const set = (variable, value) => (win ? `set ${variable}=${value}` : `export ${variable}=${value}`)
const example = win ? `D:\\electron-v${ELECTRON_VERSION}` : `/opt/electron-v${ELECTRON_VERSION}`
console.error(`
没有找到 Electron ${ELECTRON_VERSION} 的程序文件，桌面版无法启动。
本机不能联网下载 Electron。请从能上网的电脑拷来 ${name}
（SHA-256 应为 ${expected ?? '未知：node_modules/electron/checksums.json 中没有这个平台'}），然后任选一种方式：

  1. 放进项目文件夹：把 zip 放在 ${ROOT}${win ? '\\' : '/'} 或其 offline-kit 文件夹中，再运行 npm start（自动校验并解压）。
  2. 解压好的 Electron：把 zip 解压到任意文件夹，然后
       ${set('ELECTRON_OVERRIDE_DIST_PATH', example)}
       npm start
  3. Electron 的下载缓存：把 zip 放进 ${dirname(cachedZipPath(name))}，再运行 npm start。

在此之前，浏览器模式提供同一套界面和数据：npm run web
`)
process.exit(1)
