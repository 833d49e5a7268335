// What any name the user gives (template, tag, stack set, cloud profile) may
// not contain: control characters. A NUL cuts the name short in C-side
// tools and file names, a newline or escape breaks lists, logs and the
// CLI's output; none of them is ever meant. One rule, checked at the IPC
// boundary (zod) and again in the services, so names that arrive another way
// (a bundle's sidecar, a merged library file, a clouds.yaml) meet it too.

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

/** Why `value` is not an acceptable name (`what`: "A template name"...), or undefined when it is. */
export function nameProblem(value: string, what: string, max: number): string | undefined {
  if (value.trim() === '') return `${what} cannot be empty.`;
  if (value.length > max) return `${what} has ${value.length} characters; at most ${max} are allowed.`;
  const control = firstControlChar(value);
  if (control) return `${what} cannot contain control characters (found ${control}); use plain text.`;
  return undefined;
}

export const CONTROL_CHAR_MESSAGE = 'a name cannot contain control characters (such as NUL or a line break)';
