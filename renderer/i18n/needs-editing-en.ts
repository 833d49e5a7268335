// English strings of the "needs editing" rule (SPEC 1.4: a version that needs editing can only be edited), merged into en.ts as `needsEditing`.
export const needsEditingEn = {
  title: 'Needs editing',
  body: 'A check failed, so this template can only be edited: it cannot be deployed or exported as an app until it is edited and passes its checks.',
  bodyVersion: 'Version {n} fails the offline checks, so it can only be edited: it cannot be deployed until it is edited and passes them.',
  bodyFile: 'This file fails the offline HOT checks, so it cannot be deployed: fix it and pick it again.',
  reason: 'Reason: {reason}',
  edit: 'Edit',
  recheck: 'Check again',
  rechecking: 'Checking…',
  deployBlocked: 'Needs editing: deploying is blocked until the template is edited and passes its checks.',
  appBlocked: 'Needs editing: exporting as an app is blocked until the template is edited and passes its checks.',
  nowUsable: 'Checked again: the template is usable now.',
  stillNeedsEditing: 'Checked again: the template still needs editing.',
};
