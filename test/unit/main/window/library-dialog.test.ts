// The library file dialog speaks the chosen language: its title, button and
// filter name are Chinese in zh-CN (no English word left but the product's
// name), English in en.
import { describe, expect, it } from 'vitest';
import { libraryDialogOptions } from '../../../../main/window/library-dialog';

const texts = (o: { title?: string; buttonLabel?: string; filters?: { name: string }[] }) => [
  o.title!,
  o.buttonLabel!,
  ...(o.filters ?? []).map((f) => f.name),
];

describe('the library file dialog', () => {
  it.each(['open', 'create'] as const)('is worded in Chinese in zh-CN (%s)', (purpose) => {
    for (const text of texts(libraryDialogOptions(purpose, 'zh-CN'))) {
      expect(text, text).toMatch(/[\u4e00-\u9fff]/);
      expect(text.replace('Heat Studio', ''), text).not.toMatch(/[A-Za-z]{2,}/);
    }
    expect(libraryDialogOptions('create', 'zh-CN').title).toBe('新建模版库文件');
  });

  it('is worded in English in en, and keeps the file types', () => {
    const open = libraryDialogOptions('open', 'en');
    expect(texts(open)).toEqual(['Open a library file', 'Open', 'Heat Studio library']);
    expect(open.filters![0]!.extensions).toEqual(['sqlite', 'db']);
    expect(open.properties).toEqual(['openFile']);
    expect(libraryDialogOptions('create', 'en').defaultPath).toBe('library.sqlite');
  });
});
