import { generateKeyPairSync, randomUUID } from 'node:crypto'
import type { Migration } from './index'

/**
 * 上报与交换 (docs/exchange.md):
 * - exchange_identity: this installation (one row): its id, its Ed25519 key pair, made here at set-up, and the
 *   counter that orders its packages. The private key stays in this database and its backups; no package carries it.
 * - exchange_units: the units whose key a person compared by phone and trusted; a package from anyone else is refused.
 * - exchange_packages: every package sent or received, with its file's SHA-256, its status and its 回执; a newer
 *   package for the same subject points the older one at itself (superseded_by). Nothing is deleted.
 * The key is made with node:crypto directly (a migration uses no code outside its folder).
 */
export const m0019Exchange: Migration = {
  version: 19,
  name: 'exchange',
  up(db) {
    db.exec(`
      CREATE TABLE exchange_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        installation_id TEXT NOT NULL,
        public_key TEXT NOT NULL,
        private_key TEXT NOT NULL,
        last_sequence INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE exchange_units (
        id INTEGER PRIMARY KEY,
        unit_name TEXT NOT NULL,
        unit_code TEXT NOT NULL,
        installation_id TEXT NOT NULL,
        public_key TEXT NOT NULL UNIQUE,
        fingerprint TEXT NOT NULL,
        trusted_at TEXT NOT NULL,
        trusted_by TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX exchange_units_code ON exchange_units(unit_code);

      CREATE TABLE exchange_packages (
        id INTEGER PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('sent','received')),
        package_id TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        kind TEXT NOT NULL,
        period TEXT NOT NULL,
        subject TEXT NOT NULL,
        sequence INTEGER NOT NULL,
        from_installation TEXT NOT NULL,
        from_name TEXT NOT NULL,
        from_code TEXT NOT NULL,
        to_name TEXT,
        to_code TEXT,
        created_at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('sent','receipted','rejected','received')),
        reason TEXT,
        receipt_package_id TEXT,
        receipt_sha256 TEXT,
        receipt_at TEXT,
        superseded_by INTEGER REFERENCES exchange_packages(id),
        manifest_json TEXT NOT NULL,
        data_json TEXT NOT NULL,
        content BLOB,
        CHECK ((direction = 'sent') = (status IN ('sent','receipted','rejected')))
      ) STRICT;
      CREATE UNIQUE INDEX exchange_packages_id ON exchange_packages(direction, package_id);
      CREATE INDEX exchange_packages_subject ON exchange_packages(from_installation, kind, subject, sequence);
    `)
    const { publicKey, privateKey } = generateKeyPairSync('ed25519')
    db.prepare('INSERT INTO exchange_identity (id, installation_id, public_key, private_key, created_at) VALUES (1, ?, ?, ?, ?)').run(
      randomUUID(),
      publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
      new Date().toISOString(),
    )
  },
}
