// A template's own `description:` (HOT and CFN both have one at the top), as
// the library's description when the person importing it gave none: an
// imported file should not read "No description" when it says what it is.
import { get, isString } from '../hot/node';
import { parseTemplate } from '../hot/template';
import { LIMITS } from './model';

export function templateDescription(yaml: string): string {
  const root = parseTemplate(yaml).root;
  const d = get(root ?? undefined, 'description') ?? get(root ?? undefined, 'Description');
  if (!isString(d)) return '';
  // Folded YAML keeps its line breaks; the library shows one paragraph.
  return d.value.replace(/\s+/g, ' ').trim().slice(0, LIMITS.descriptionMax);
}
