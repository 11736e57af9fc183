// Builds 党办通's installers on a PC without internet, from a folder of files carried in on USB (README「离线打包」).
//   node scripts/package-offline.mjs --kit <文件夹> --win     Windows 安装包（NSIS，x64）
//   node scripts/package-offline.mjs --kit <文件夹> --linux   deb 与 tar.gz（x64、arm64）
// Every carried file is checked against a published SHA-256 before anything is built: Electron's own sums (shipped
// in node_modules/electron/checksums.json) and electron-builder's pinned sums for its tool bundles (copied below;
// a test keeps them equal to the ones inside electron-builder). The tool bundles are put where electron-builder
// looks before downloading (<cache>/<release>/<archive>), so the build never goes to the network.
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { arch as hostArch } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ELECTRON_SUMS, ROOT, sha256, zipName } from './electron-dist.mjs'

/** electron-builder 26.17's tool bundles: release folder, archive, SHA-256 (app-builder-lib/out/toolsets/*.js) */
export const TOOL_BUNDLES = {
  nsis: { release: 'nsis-3.0.4.1', file: 'nsis-3.0.4.1.7z', sha256: '9877df902530f96357d13a7a31ae2b9df67f48b11ffc9a1700a7c961574ec5fa' },
  nsisResources: { release: 'nsis-resources-3.4.1', file: 'nsis-resources-3.4.1.7z', sha256: '593a9a92ef958321293ac6a2ee61e64bf1bd543142a5bd6b3d310709cc924103' },
  fpmX64: { release: 'fpm@2.1.4', file: 'fpm-1.17.0-ruby-3.4.3-linux-amd64.7z', sha256: '44b0ec6025c14ec137f56180e62675c0eae36233cdce53d0953d9c73ced8989f' },
  fpmArm64: { release: 'fpm@2.1.4', file: 'fpm-1.17.0-ruby-3.4.3-linux-arm64v8.7z', sha256: '338b50cfa7f12d745a997d1a3d000bcd0410008050fa7d8c4476a78a61c0564e' },
}
const TOOLS_URL = 'https://github.com/electron-userland/electron-builder-binaries/releases/download'
const ELECTRON_URL = (name) => `https://github.com/electron/electron/releases/download/v${name.match(/^electron-v([^-]+)/)[1]}/${name}`

/** What a build for these targets needs in the kit, each with where to get it and its SHA-256. */
export function kitContents({ win, linux }) {
  const items = []
  const electron = (platform, arch) => {
    const name = zipName(platform, arch)
    items.push({ file: name, sha256: ELECTRON_SUMS[name], url: ELECTRON_URL(name) })
  }
  const tool = (t) => items.push({ file: t.file, sha256: t.sha256, url: `${TOOLS_URL}/${t.release}/${t.file}`, release: t.release })
  if (win) {
    electron('win32', 'x64')
    tool(TOOL_BUNDLES.nsis)
    tool(TOOL_BUNDLES.nsisResources)
  }
  if (linux) {
    electron('linux', 'x64')
    electron('linux', 'arm64')
    // fpm builds the .deb; it runs on the build PC, so its own architecture counts
    if (process.platform === 'linux') tool(hostArch() === 'arm64' ? TOOL_BUNDLES.fpmArm64 : TOOL_BUNDLES.fpmX64)
  }
  return items
}

/** Checks every file of the kit; answers the sentences that say what is missing or wrong. */
export async function checkKit(kit, items) {
  const problems = []
  for (const item of items) {
    const file = join(kit, item.file)
    if (!existsSync(file)) problems.push(`缺少 ${item.file}\n    下载地址：${item.url}\n    SHA-256：${item.sha256}`)
    else if ((await sha256(file)) !== item.sha256) problems.push(`${item.file} 的 SHA-256 不对（应为 ${item.sha256}）：文件不完整或被改动，请重新下载`)
  }
  return problems
}

async function main() {
  let values
  try {
    ;({ values } = parseArgs({ options: { kit: { type: 'string' }, win: { type: 'boolean', default: false }, linux: { type: 'boolean', default: false } }, strict: true }))
  } catch (error) {
    console.error(`参数有误：${error.message}`)
    values = {}
  }
  if (!values.kit || (!values.win && !values.linux)) {
    console.error('用法：node scripts/package-offline.mjs --kit <放着离线文件的文件夹> --win 和/或 --linux')
    process.exit(2)
  }
  const kit = resolve(values.kit)
  const items = kitContents(values)
  const problems = await checkKit(kit, items)
  if (problems.length) {
    console.error(`离线文件夹 ${kit} 还不能用于打包：\n\n- ${problems.join('\n- ')}\n\n在能上网的电脑上下载这些文件，核对 SHA-256 后拷入该文件夹（文件名不要改）。`)
    process.exit(1)
  }
  console.log(`离线文件齐全，SHA-256 全部核对无误（${items.length} 个文件）。`)

  const cache = join(ROOT, 'offline-kit', '.electron-builder-cache')
  for (const item of items.filter((i) => i.release)) {
    mkdirSync(join(cache, item.release), { recursive: true })
    copyFileSync(join(kit, item.file), join(cache, item.release, item.file))
  }
  const env = { ...process.env, ELECTRON_BUILDER_CACHE: cache }
  const run = (command, args) => {
    console.log(`\n> ${command} ${args.join(' ')}`)
    const r = spawnSync(command, args, { cwd: ROOT, env, stdio: 'inherit', shell: process.platform === 'win32' })
    if (r.status !== 0) {
      console.error(`\n打包没有完成（${command} 退出码 ${r.status}）。上面是它的说明；离线文件已核对无误，问题不在它们。`)
      process.exit(1)
    }
  }
  run('npx', ['electron-vite', 'build'])
  run('npx', ['electron-builder', ...(values.win ? ['--win'] : []), ...(values.linux ? ['--linux'] : []), `-c.electronDist=${kit}`, '--publish', 'never'])
  console.log('\n安装包已生成在 dist/ 文件夹。')
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(ROOT, 'scripts/package-offline.mjs')) await main()
