// What any name the user gives (template, tag, stack set, cloud profile) may
// not contain: control characters. A NUL cuts the name short in C-side
// tools and file names, a newline or escape breaks lists, logs and the
// CLI's output; none of them is ever meant. One rule, checked at the IPC
// boundary (zod) and again in the services, so names that arrive another way
// (a bundle's sidecar, a merged library file, a clouds.yaml) meet it too.

import { msg, type Message } from '../messages/message';

// C0, DEL and C1 controls. eslint: finding control characters is the point.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function hasControlChar(value: string): boolean {
  return CONTROL.test(value);
}

/** "U+0000" for the first control character of `value`, or undefined. */
export function firstControlChar(value: string): string | undefined {
  const m = CONTROL.exec(value);
  return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

/** Why `value` is not an acceptable template name or tag (a message, worded by the reader), or undefined when it is. */
export function nameProblem(value: string, what: 'template' | 'tag', max: number): Message | undefined {
  const subject = msg(what === 'template' ? 'name.template' : 'name.tag');
  if (value.trim() === '') return msg('name.empty', { what: subject });
  if (value.length > max) return msg('name.tooLong', { what: subject, n: value.length, max });
  const control = firstControlChar(value);
  if (control) return msg('name.control', { what: subject, char: control });
  return undefined;
}

export const CONTROL_CHAR_MESSAGE = 'a name cannot contain control characters (such as NUL or a line break)';
