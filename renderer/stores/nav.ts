// Which screen is showing. A tiny store rather than a router: the desktop
// app has no URLs to share, and views pass context (a template id, a stack)
// through their own stores. Add a screen: extend View, add its nav label in
// i18n (app.nav.<view>), and render it in App.vue.
import { defineStore } from 'pinia';
import { ref } from 'vue';

export type View = 'library' | 'stacksets' | 'editor' | 'stacks' | 'clouds';

export const useNavStore = defineStore('nav', () => {
  const view = ref<View>('library');
  function go(next: View): void {
    view.value = next;
  }
  return { view, go };
});
