// A name (template, app) as part of a file name every OS accepts and that
// shows what it is. Characters Windows forbids and control characters become
// "_". Bidi controls and other invisible format characters are dropped:
// after U+202E RIGHT-TO-LEFT OVERRIDE the rest of a name displays reversed,
// so the extension a user reads would not be the real one. Cut at `max` code
// points, never inside a surrogate pair.
export function fileNamePart(name: string, options: { max: number; fallback: string; spacesToo?: boolean }): string {
  const unsafe = options.spacesToo ? /[\\/:*?"<>|\p{Cc}\s]+/gu : /[\\/:*?"<>|\p{Cc}]+/gu;
  const cleaned = name
    .replace(/[\p{Cf}\u2028\u2029]/gu, '')
    .replace(unsafe, '_')
    .trim();
  return [...cleaned].slice(0, options.max).join('') || options.fallback;
}
