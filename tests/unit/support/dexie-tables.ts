// Wraps every table of a Dexie database in a DBCore middleware: tests use it to watch the
// requests that reach IndexedDB or to make some of them fail the way the browser would.
import type Dexie from 'dexie';
import type { DBCore, DBCoreTable } from 'dexie';

export function wrapTables(db: Dexie, name: string, wrap: (table: DBCoreTable, tableName: string) => DBCoreTable): void {
  db.use({
    stack: 'dbcore',
    name,
    create: (down: DBCore): DBCore => ({ ...down, table: (tableName: string) => wrap(down.table(tableName), tableName) }),
  });
}
