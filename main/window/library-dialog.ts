// The system file dialog that picks a library file, in the studio's language:
// its title, its button and its filter's name are worded from shared/messages
// (Electron leaves them to the OS otherwise, or shows our English filter name).
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { wordMessage, type UiLocale } from '../../shared/messages/word';
import type { MessageKey } from '../../shared/messages/en';

export type LibraryDialogPurpose = 'open' | 'create';

/** Options for dialog.showSaveDialog ('create'), worded in `locale`. */
export function libraryDialogOptions(purpose: 'create', locale: UiLocale): SaveDialogOptions;
/** Options for dialog.showOpenDialog ('open'), worded in `locale`. */
export function libraryDialogOptions(purpose: 'open', locale: UiLocale): OpenDialogOptions;
export function libraryDialogOptions(purpose: LibraryDialogPurpose, locale: UiLocale): SaveDialogOptions | OpenDialogOptions;
export function libraryDialogOptions(purpose: LibraryDialogPurpose, locale: UiLocale): SaveDialogOptions | OpenDialogOptions {
  const word = (key: MessageKey) => wordMessage({ key }, locale);
  const filters = [{ name: word('dialog.library.filter'), extensions: ['sqlite', 'db'] }];
  if (purpose === 'create')
    return { title: word('dialog.library.createTitle'), buttonLabel: word('dialog.library.createButton'), filters, defaultPath: 'library.sqlite' };
  return { title: word('dialog.library.openTitle'), buttonLabel: word('dialog.library.openButton'), filters, properties: ['openFile'] };
}
