// Line arithmetic on a template's text, shared by every text edit (hot/edits,
// topology/text-edits) so "the start of this line" means one thing.

/** Offset of the first character of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the newline ending the line holding `offset` (text end on the last line). */
export function lineEndOf(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i + 1;
}
