import type { Migration } from './types';

// A template's status reason as a message key with parameters (JSON of
// shared/messages Message), so the UI words it in the reader's language and
// switching language re-words old reasons too. status_reason keeps the
// English text (search, logs, older studios reading this file). Rows from
// before this migration have NULL here until LibraryService.rewordStatuses()
// re-derives their message on the next open.
export const migration009: Migration = {
  version: 9,
  name: 'status-messages',
  sql: `
ALTER TABLE templates ADD COLUMN status_msg TEXT CHECK (status_msg IS NULL OR json_valid(status_msg));
`,
};
