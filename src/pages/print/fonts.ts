import { FONT_ROLES } from '@shared/print/layout'

const GENERIC = ['serif', 'sans-serif', 'monospace']
const SAMPLE = '永和九年岁在癸丑 abcdefghijklmWMiI 0123456789'

/**
 * Which family of a CSS font stack this computer actually has (docs/rules.md §8: "say which font was used").
 * A family is present when text set in it measures differently from the generic fallbacks alone — the
 * usual canvas test; Chromium does not substitute named families it lacks, so absent ones measure the same.
 */
export function firstInstalled(stack: string): string | null {
  const ctx = document.createElement('canvas').getContext('2d')
  if (!ctx) return null
  const width = (font: string): number => {
    ctx.font = `40px ${font}`
    return ctx.measureText(SAMPLE).width
  }
  const base = GENERIC.map(width)
  for (const family of stack.split(',').map((f) => f.trim().replace(/^['"]|['"]$/g, ''))) {
    if (GENERIC.includes(family)) return null
    if (GENERIC.some((g, i) => width(`"${family}", ${g}`) !== base[i])) return family
  }
  return null
}

export interface FontUse {
  role: string
  wanted: string
  used: string
  /** the office's own font (仿宋, 黑体 …) is missing and a free substitute prints instead */
  substituted: boolean
}

/** For each part of a print (正文, 标题 …): the font the template asks for and the one this computer will use. */
export function fontsInUse(): FontUse[] {
  return FONT_ROLES.map(({ role, wanted, own, stack }) => {
    const used = firstInstalled(stack) ?? '系统默认字体'
    return { role, wanted, used, substituted: !own.includes(used) }
  })
}
