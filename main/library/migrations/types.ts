/**
 * A numbered, append-only schema step. `sql` runs in one transaction; its
 * SHA-256 is recorded, so an edited migration that already ran on a user's
 * database is detected instead of silently diverging.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
