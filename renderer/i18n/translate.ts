// The shape of vue-i18n's `t` that plain (non-component) modules take, so
// they can be unit-tested with any translator and need no Vue instance.
export type Translate = (key: string, named?: Record<string, unknown>) => string;
