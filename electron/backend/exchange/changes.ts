import type { Change } from '../../shared/exchange'

type Leaf = number | string | boolean | null

/**
 * The numbers (and words) a newer package changed against the one it replaces (docs/exchange.md §6): both parts
 * flattened to paths (`statistics.json/statistics.education.大学本科`; an array's items by their `organizationUid`,
 * `ref` (a 督办事项), `department`, `stage`, `name` or `key` when they have one, so a reordered list is not a change),
 * then compared path by path.
 */
export function diffParts(before: Record<string, unknown>, after: Record<string, unknown>): Change[] {
  const a = flatten(before)
  const b = flatten(after)
  const changes: Change[] = []
  for (const path of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(path) ?? null
    const y = b.get(path) ?? null
    if (x !== y) changes.push({ path, before: typeof x === 'boolean' ? String(x) : x, after: typeof y === 'boolean' ? String(y) : y })
  }
  return changes
}

const keyOf = (item: unknown, index: number): string => {
  if (item && typeof item === 'object') {
    const o = item as Record<string, unknown>
    for (const k of ['organizationUid', 'ref', 'department', 'stage', 'name', 'key']) if (typeof o[k] === 'string') return `[${o[k] as string}]`
  }
  return `[${index}]`
}

function flatten(value: unknown, path = '', out = new Map<string, Leaf>()): Map<string, Leaf> {
  if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${path}${keyOf(v, i)}`, out))
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out)
  else out.set(path, value as Leaf)
  return out
}
