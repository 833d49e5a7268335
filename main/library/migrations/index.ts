// Every migration, in order. Append only: never edit or reorder a migration
// that has shipped; add a new one. database.ts checks versions are 1..N.
import { migration001 } from './001-library';
import { migration002 } from './002-cloud';
import { migration003 } from './003-stacksets';
import { migration004 } from './004-library-search';
import { migration005 } from './005-stack-origins';
import { migration006 } from './006-apps';
import { migration007 } from './007-quota-cache';
import { migration008 } from './008-inventory-cache';
import { migration009 } from './009-status-messages';
import { migration010 } from './010-retain-stacks';
import { migration011 } from './011-status-quota';
import { migration012 } from './012-search-rowid';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
];
