import type { Migration } from './index'

/** meetings/char-tokens.ts as it was when this migration shipped: each CJK character a token (frozen here) */
const charTokens = (text: string): string => text.replace(/[\u3400-\u9fff\uf900-\ufaff]/g, (c) => ` ${c} `)

/**
 * Search for 1–2 Chinese characters from an index, not a scan (SQLite's FTS5 trigram tokenizer finds nothing
 * below 3 characters). A second FTS5 table holds the same text with every CJK character as its own token, so
 * "廉" is one token and "义诊" an exact two-token phrase.
 */
export const m0008CharSearch: Migration = {
  version: 8,
  name: 'char-search',
  up(db) {
    db.exec(`CREATE VIRTUAL TABLE meeting_chars USING fts5(body, tokenize = 'unicode61')`)
    const insert = db.prepare('INSERT INTO meeting_chars (rowid, body) VALUES (?, ?)')
    const batch = db.prepare('SELECT rowid, body FROM meeting_search WHERE rowid > ? ORDER BY rowid LIMIT 5000')
    // in batches: one connection cannot read and write at once, and a city database holds a million records
    for (let last = 0; ; ) {
      const rows = batch.all(last) as { rowid: number; body: string }[]
      if (rows.length === 0) break
      for (const r of rows) insert.run(r.rowid, charTokens(r.body))
      last = rows[rows.length - 1]!.rowid
    }
  },
}
