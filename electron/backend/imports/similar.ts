/**
 * Names that look like the one typed: for "did you mean …" in import errors. Every organization name ends in
 * 党支部 / 党总支 / 委员会, and that shared ending made short names look closest (放设科党支部 → 妇科党支部), so
 * only what comes before it is compared: by shared characters (a wrong character in the middle, 放设科 → 放射科)
 * or shared pairs of characters (the same words in another order), whichever is closer.
 */
export function closeMatches(name: string, candidates: readonly string[], limit = 3): string[] {
  const ENDING = /(党支部|支部委员会|党总支部?|总支部委员会|党委|委员会|支部|党小组)$/
  const stem = (s: string): string => s.replace(ENDING, '') || s
  const ending = (s: string): string => ENDING.exec(s)?.[1] ?? ''
  const pairs = (chars: string[]): string[] => (chars.length < 2 ? chars : chars.slice(1).map((c, i) => chars[i] + c))
  const dice = (a: Set<string>, b: Set<string>): number => (2 * [...a].filter((x) => b.has(x)).length) / (a.size + b.size || 1)
  const of = (s: string) => {
    const chars = [...stem(s)]
    return { chars: new Set(chars), pairs: new Set(pairs(chars)) }
  }
  const target = of(name)
  return candidates
    .map((c) => {
      const g = of(c)
      const score = Math.max(dice(g.chars, target.chars), dice(g.pairs, target.pairs))
      // between about equally close names, the one of the same kind (党支部 for 党支部) comes first
      return { c, score, rank: score + (ending(name) !== '' && ending(name) === ending(c) ? 0.1 : 0) }
    })
    .filter((x) => x.score >= 0.45)
    .sort((a, b) => b.rank - a.rank)
    .slice(0, limit)
    .map((x) => x.c)
}
