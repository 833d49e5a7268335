import type { Migration } from './types';

// A DELETE_STACK_INSTANCES operation may keep the instances' Heat stacks (as
// CloudFormation's RetainStacks): the instances leave the set, their stacks
// stay. Kept on the operation so a runner resumed after a restart still
// knows not to delete them. Older operations never retained (0).
export const migration010: Migration = {
  version: 10,
  name: 'retain-stacks',
  sql: `
ALTER TABLE stack_set_operations ADD COLUMN retain_stacks INTEGER NOT NULL DEFAULT 0 CHECK (retain_stacks IN (0, 1));
`,
};
