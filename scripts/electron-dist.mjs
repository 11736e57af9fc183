// Where the Electron program files come from on machines that cannot download them: shared by `npm start`
// (scripts/electron-check.mjs) and the offline packaging kit (scripts/package-offline.mjs).
import { createHash } from 'node:crypto'
import { createReadStream, existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const electronDir = join(ROOT, 'node_modules', 'electron')
export const ELECTRON_VERSION = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version
/** Electron's own SHA-256 sums of every artifact of this version, shipped inside its npm package */
export const ELECTRON_SUMS = JSON.parse(readFileSync(join(electronDir, 'checksums.json'), 'utf8'))

export const zipName = (platform = process.platform, arch = process.arch) => `electron-v${ELECTRON_VERSION}-${platform}-${arch}.zip`
export const executableName = (platform = process.platform) => (platform === 'win32' ? 'electron.exe' : 'electron')

/** the download cache of @electron/get (the same rules as its env-paths), or electron_config_cache */
export function electronCacheRoot(env = process.env, platform = process.platform) {
  if (env.electron_config_cache) return env.electron_config_cache
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'electron', 'Cache')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'electron')
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'electron')
}

/** where @electron/get looks for a zip before downloading it: <cache>/<sha256 of the release folder URL>/<zip> */
export function cachedZipPath(name, env = process.env, platform = process.platform) {
  const folderUrl = `https://github.com/electron/electron/releases/download/v${ELECTRON_VERSION}`
  return join(electronCacheRoot(env, platform), createHash('sha256').update(folderUrl).digest('hex'), name)
}

export function sha256(file) {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash('sha256')
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolvePromise(hash.digest('hex')))
      .on('error', reject)
  })
}

/** The unpacked Electron `npm start` would run: ELECTRON_OVERRIDE_DIST_PATH, or node_modules/electron/dist. */
export function installedElectron(env = process.env) {
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const file = join(env.ELECTRON_OVERRIDE_DIST_PATH, executableName())
    return { file, found: existsSync(file), override: true }
  }
  const dist = join(electronDir, 'dist')
  const version = existsSync(join(dist, 'version')) ? readFileSync(join(dist, 'version'), 'utf8').trim().replace(/^v/, '') : null
  const file = join(dist, executableName())
  return { file, found: version === ELECTRON_VERSION && existsSync(file), override: false }
}
