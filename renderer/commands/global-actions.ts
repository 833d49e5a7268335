// The actions every screen has: go to a screen, change language, open or
// deploy a template of the library, start from a recommended one, the File menu's new template, import and export, switch
// cloud or region, go to a listed stack, the shortcut sheet. Registered once
// by the command layer (CommandLayer.vue) under the 'global' scope.
import { useI18n } from 'vue-i18n';
import { LOCALES, type Locale } from '../../shared/ipc/app.contract';
import { useAppStore } from '../stores/app';
import { useNavStore, type LibraryRequest, type View } from '../stores/nav';
import { useLibraryStore } from '../stores/library';
import { useEditorStore } from '../stores/editor';
import { useDeployStore } from '../stores/deploy';
import { useCloudsStore } from '../stores/clouds';
import { useStacksStore } from '../stores/stacks';
import { useLibrariesStore } from '../stores/libraries';
import { literal, msg, useActions, useCommandStore, type Label, type PaletteAction } from './registry';

export const VIEWS: readonly View[] = ['library', 'editor', 'stacks', 'stacksets', 'clouds'];
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };
const LIBRARY_REQUESTS: readonly [string, LibraryRequest, string][] = [
  ['newTemplate', 'new-template', 'Mod+N'],
  ['import', 'import', 'Mod+O'],
  ['export', 'export', 'Mod+E'],
];
const LANGUAGE_WORDS: Record<Locale, string[]> = { en: ['English', 'Englisch'], 'zh-CN': ['Chinese', 'Simplified Chinese', '中文', 'zh'] };

export function useGlobalActions(): void {
  const { te } = useI18n();
  const app = useAppStore();
  const nav = useNavStore();
  const library = useLibraryStore();
  const editor = useEditorStore();
  const deploy = useDeployStore();
  const clouds = useCloudsStore();
  const stacks = useStacksStore();
  const libraries = useLibrariesStore();
  const commands = useCommandStore();
  const group = (g: string): Label => msg(`keyboard.groups.${g}`);
  const report = (p: Promise<unknown>) => p.catch((err: unknown) => app.reportError(err));

  async function openInEditor(id: string): Promise<void> {
    await editor.open(id);
    nav.go('editor');
  }

  useActions('global', () => {
    const out: PaletteAction[] = [];
    out.push({ id: 'global.sheet', title: msg('keyboard.actions.sheet'), group: group('help'), shortcut: '?', run: () => commands.openSheet() });
    for (const v of VIEWS) {
      out.push({
        id: `global.go:${v}`,
        title: msg('keyboard.actions.goTo', { screen: msg(`app.nav.${v}`) }),
        group: group('global'),
        keywords: [v],
        run: () => nav.go(v),
      });
    }
    for (const l of LOCALES) {
      if (l === app.locale) continue;
      out.push({
        id: `global.language:${l}`,
        title: msg('keyboard.actions.language', { language: literal(LANGUAGE_NAMES[l]) }),
        group: group('language'),
        keywords: LANGUAGE_WORDS[l],
        run: () => report(app.setLocale(l)),
      });
    }
    // The File menu's items, with the menu's keys (the desktop app's accelerators).
    for (const [what, request, shortcut] of LIBRARY_REQUESTS) {
      out.push({ id: `global.${what}`, title: msg(`keyboard.actions.${what}`), group: group('library'), shortcut, run: () => nav.askLibrary(request) });
    }
    for (const tpl of library.templates) {
      if (tpl.origin === 'system') {
        const key = `recommendedTemplates.${tpl.systemKey}.name`;
        const name: Label = tpl.systemKey && te(key) ? msg(key) : literal(tpl.name);
        out.push({
          id: `global.recommended:${tpl.systemKey ?? tpl.id}`,
          title: msg('keyboard.actions.newFromRecommended', { name }),
          group: group('library'),
          keywords: [tpl.name],
          run: () => report(openInEditor(tpl.id)),
        });
        continue;
      }
      out.push({
        id: `global.open:${tpl.id}`,
        title: msg('keyboard.actions.openTemplate', { name: tpl.name }),
        group: group('library'),
        run: () => report(openInEditor(tpl.id)),
      });
      out.push({
        id: `global.deploy:${tpl.id}`,
        title: msg('keyboard.actions.deploy', { name: tpl.name }),
        group: group('library'),
        run: () => report(deploy.openLibrary(tpl.id, tpl.latestVersion)),
      });
    }
    for (const l of libraries.open) {
      if (l.id === libraries.state?.activeId) continue;
      const name: Label = l.name === null ? msg('libraries.personal') : literal(l.name);
      out.push({
        id: `global.library:${l.id}`,
        title: msg('keyboard.actions.switchLibrary', { name }),
        group: group('library'),
        keywords: ['library', '模版库'],
        run: () => report(libraries.switchTo(l.id)),
      });
    }
    for (const p of clouds.profiles) {
      if (p.id === clouds.activeId) continue;
      out.push({
        id: `global.cloud:${p.id}`,
        title: msg('keyboard.actions.switchCloud', { name: p.name }),
        group: group('clouds'),
        run: () => clouds.setActive(p.id),
      });
    }
    const active = clouds.active;
    const regions = active ? (clouds.reports[active.id]?.regions ?? []) : [];
    for (const r of regions) {
      if (r === active?.region) continue;
      out.push({
        id: `global.region:${r}`,
        title: msg('keyboard.actions.switchRegion', { region: r }),
        group: group('clouds'),
        run: () => report(clouds.setRegion(r)),
      });
    }
    if (active) {
      for (const s of stacks.stacks) {
        out.push({
          id: `global.stack:${s.id}`,
          title: msg('keyboard.actions.goToStack', { name: s.stack_name }),
          group: group('stacks'),
          run: () => report(stacks.open(active.id, active.region ?? null, { id: s.id, name: s.stack_name })),
        });
      }
    }
    return out;
  });
}
