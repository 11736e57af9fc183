import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

/**
 * What a shipped SQLite binary asks of the machine it runs on, read without running it: for Linux with binutils'
 * readelf (architecture-independent), for Windows by reading the PE import table.
 */
export interface LinuxNeeds {
  /** highest GLIBC_x.y symbol version required: the oldest glibc it can load on */
  glibcFloor: string
  /** GLIBCXX / CXXABI versions: a dependency on the system's libstdc++ */
  libstdcxx: string[]
  needed: string[]
  /** undefined symbols that are neither Node-API nor C library functions */
  foreign: string[]
  napi: string[]
}

const compareVersions = (a: string, b: string): number => {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0)
  return 0
}

export function linuxNeeds(file: string): LinuxNeeds {
  const versions = execFileSync('readelf', ['-V', '-W', file], { encoding: 'utf8' })
  const glibc = [...versions.matchAll(/Name: GLIBC_([\d.]+)/g)].map((m) => m[1]!).sort(compareVersions)
  const libstdcxx = [...new Set([...versions.matchAll(/Name: ((?:GLIBCXX|CXXABI)_[\d.]+)/g)].map((m) => m[1]!))]
  const dynamic = execFileSync('readelf', ['-d', '-W', file], { encoding: 'utf8' })
  const needed = [...dynamic.matchAll(/\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g)].map((m) => m[1]!)
  const symbols = execFileSync('readelf', ['--dyn-syms', '-W', file], { encoding: 'utf8' })
  const undefinedNames = symbols
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[6] === 'UND' && cols[7])
    .map((cols) => cols[7]!)
  const napi = undefinedNames.filter((n) => /^(napi_|node_api_)/.test(n))
  // C++ symbols of V8 or Node itself would tie the binary to one ABI (one Node or Electron version)
  const foreign = undefinedNames.filter((n) => /^(napi_|node_api_)/.test(n) === false && /(_ZN2v8|_ZN4node|node_module_register|uv_)/.test(n))
  return { glibcFloor: glibc.at(-1) ?? '0', libstdcxx, needed, foreign, napi }
}

/** The DLLs and functions a Windows PE file imports (enough of the format for a .node file). */
export function peImports(file: string): Map<string, string[]> {
  const b = readFileSync(file)
  const pe = b.readUInt32LE(0x3c)
  if (b.toString('latin1', pe, pe + 4) !== 'PE\0\0') throw new Error(`${file} 不是 PE 文件`)
  const sections = b.readUInt16LE(pe + 6)
  const optional = pe + 24
  const optionalSize = b.readUInt16LE(pe + 20)
  const pe32plus = b.readUInt16LE(optional) === 0x20b
  const importRva = b.readUInt32LE(optional + (pe32plus ? 120 : 104))
  const table = optional + optionalSize
  const toOffset = (rva: number): number => {
    for (let i = 0; i < sections; i++) {
      const s = table + i * 40
      const va = b.readUInt32LE(s + 12)
      const size = Math.max(b.readUInt32LE(s + 8), b.readUInt32LE(s + 16))
      if (rva >= va && rva < va + size) return rva - va + b.readUInt32LE(s + 20)
    }
    throw new Error(`RVA ${rva} 不在任何节中`)
  }
  const cString = (at: number): string => b.toString('latin1', at, b.indexOf(0, at))
  const imports = new Map<string, string[]>()
  for (let d = toOffset(importRva); b.readUInt32LE(d + 12) !== 0; d += 20) {
    const dll = cString(toOffset(b.readUInt32LE(d + 12))).toLowerCase()
    const names: string[] = []
    let thunk = toOffset(b.readUInt32LE(d) || b.readUInt32LE(d + 16))
    for (;;) {
      const entry = pe32plus ? b.readBigUInt64LE(thunk) : BigInt(b.readUInt32LE(thunk))
      if (entry === 0n) break
      const byOrdinal = pe32plus ? entry >> 63n === 1n : entry >> 31n === 1n
      names.push(byOrdinal ? `#${entry & 0xffffn}` : cString(toOffset(Number(entry & 0x7fffffffn)) + 2))
      thunk += pe32plus ? 8 : 4
    }
    imports.set(dll, names)
  }
  // delay-loaded imports (node-gyp's win_delay_load_hook loads node.exe's functions from electron.exe this way)
  const delayRva = b.readUInt32LE(optional + (pe32plus ? 200 : 184))
  if (delayRva) {
    for (let d = toOffset(delayRva); b.readUInt32LE(d + 4) !== 0; d += 32) {
      const dll = cString(toOffset(b.readUInt32LE(d + 4))).toLowerCase()
      const names: string[] = []
      for (let thunk = toOffset(b.readUInt32LE(d + 16)); ; thunk += 8) {
        const entry = b.readBigUInt64LE(thunk)
        if (entry === 0n) break
        names.push(entry >> 63n === 1n ? `#${entry & 0xffffn}` : cString(toOffset(Number(entry & 0x7fffffffn)) + 2))
      }
      imports.set(`${dll} (delay)`, names)
    }
  }
  return imports
}
