/** Names that look like the one typed (shared two-character pieces): for "did you mean …" in import errors. */
export function closeMatches(name: string, candidates: readonly string[], limit = 3): string[] {
  const grams = (s: string): Set<string> => {
    const chars = [...s]
    return new Set(chars.length < 2 ? chars : chars.slice(1).map((c, i) => chars[i] + c))
  }
  const target = grams(name)
  return candidates
    .map((c) => {
      const g = grams(c)
      const shared = [...g].filter((x) => target.has(x)).length
      return { c, score: (2 * shared) / (g.size + target.size || 1) }
    })
    .filter((x) => x.score >= 0.3)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((x) => x.c)
}
