// Diagnostics are plain data so they cross IPC, print in the CLI and compare
// against Heat's own /validate answers in later agreement tests. `code` is
// stable: tests, suppressions and the UI key on it, never on the message.
// `message` and `hint` are English (JSON/SARIF output, logs); `msg` and
// `hintMsg` carry the same as message keys (shared/messages/hot-en.ts), which
// the Problems panel and `heat-studio --lang zh-CN` word in the reader's language.
import { englishText, isMessage, type Message } from '../messages/message';

export type Severity = 'error' | 'warning' | 'info';

/** What a check says: a message key with parameters, or (not yet converted) plain English. */
export type DiagnosticText = string | Message;

export interface Diagnostic {
  file: string;
  /** 1-based line and column of the offending node (0 when unknown). */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  code: string;
  message: string;
  hint?: string;
  msg?: Message;
  hintMsg?: Message;
}

export interface Located {
  start: number;
  end: number;
}

/** Maps offsets to 1-based line/column; built once per text. */
export class LineIndex {
  private readonly starts: number[];
  constructor(text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
  }
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }
  lineStart(line: number): number {
    return this.starts[line - 1] ?? 0;
  }
  get lineCount(): number {
    return this.starts.length;
  }
}

/** Collects diagnostics for one file, turning node offsets into positions. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  constructor(
    readonly file: string,
    readonly lines: LineIndex,
  ) {}

  add(severity: Severity, code: string, at: Located | null, message: DiagnosticText, hint?: DiagnosticText): void {
    const d: Diagnostic = { file: this.file, line: 0, column: 0, severity, code, ...texts(message, hint) };
    if (at) {
      const s = this.lines.position(at.start);
      const e = this.lines.position(Math.max(at.start, at.end));
      d.line = s.line;
      d.column = s.column;
      d.endLine = e.line;
      d.endColumn = e.column;
    }
    this.items.push(d);
  }
  error(code: string, at: Located | null, message: DiagnosticText, hint?: DiagnosticText): void {
    this.add('error', code, at, message, hint);
  }
  warning(code: string, at: Located | null, message: DiagnosticText, hint?: DiagnosticText): void {
    this.add('warning', code, at, message, hint);
  }
}

/** The English `message`/`hint` and, for keyed texts, `msg`/`hintMsg`, of a diagnostic. */
export function texts(message: DiagnosticText, hint?: DiagnosticText): Pick<Diagnostic, 'message' | 'hint' | 'msg' | 'hintMsg'> {
  const out: Pick<Diagnostic, 'message' | 'hint' | 'msg' | 'hintMsg'> = isMessage(message) ? { message: englishText(message), msg: message } : { message };
  if (hint !== undefined && hint !== '') {
    if (isMessage(hint)) {
      out.hint = englishText(hint);
      out.hintMsg = hint;
    } else out.hint = hint;
  }
  return out;
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

export function sortDiagnostics(diags: Diagnostic[]): Diagnostic[] {
  return diags.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
