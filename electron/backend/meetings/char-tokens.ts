const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g

/** "医德医风 2025" → "医 德 医 风  2025": each CJK character becomes a token for the unicode61 tokenizer. */
export const charTokens = (text: string): string => text.replace(CJK, (c) => ` ${c} `)

/** The FTS5 query for a short search text: its characters as one phrase ("义诊" → "义 诊"). */
export const charPhrase = (q: string): string => `"${charTokens(q).trim().replace(/\s+/g, ' ').replace(/"/g, '""')}"`
