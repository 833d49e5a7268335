// A zod issue of a form (the app export dialog validates with the schemas main
// uses) in the UI language: zod's own messages are English, so the issue's
// code and limits are worded from the apps.issue table instead.
import type { Translate } from './translate';

export interface FormIssue {
  code: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
}

export function formIssueText(issue: FormIssue, t: Translate): string {
  const origin = issue.origin ?? '';
  switch (issue.code) {
    case 'too_small':
      if (origin === 'string' && Number(issue.minimum) === 1) return t('apps.issue.required');
      return t('apps.issue.tooSmall', { min: Number(issue.minimum) });
    case 'too_big':
      if (origin === 'string') return t('apps.issue.tooLong', { max: Number(issue.maximum) });
      if (origin === 'array') return t('apps.issue.tooMany', { max: Number(issue.maximum) });
      return t('apps.issue.tooBig', { max: Number(issue.maximum) });
    case 'invalid_format':
      return t('apps.issue.pattern');
    case 'invalid_value':
      return t('apps.issue.choice');
    default:
      return t('apps.issue.invalid');
  }
}
