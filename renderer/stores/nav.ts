// Which screen is showing. A tiny store rather than a router: the desktop
// app has no URLs to share, and views pass context (a template id, a stack)
// through their own stores. Add a screen: extend View, add its nav label in
// i18n (app.nav.<view>), and render it in App.vue.
import { defineStore } from 'pinia';
import { ref } from 'vue';

export type View = 'library' | 'stacksets' | 'editor' | 'stacks' | 'clouds';

/** What the library screen is asked to do once it shows (the command palette's import, new template, export). */
export type LibraryRequest = 'new-template' | 'import' | 'export';

export const useNavStore = defineStore('nav', () => {
  const view = ref<View>('library');
  const libraryRequest = ref<LibraryRequest | null>(null);
  function go(next: View): void {
    view.value = next;
  }
  /** Shows the library and has it open a dialog, from whichever screen asked. */
  function askLibrary(request: LibraryRequest): void {
    libraryRequest.value = request;
    view.value = 'library';
  }
  return { view, go, libraryRequest, askLibrary };
});
