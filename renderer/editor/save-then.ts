// What the save dialog does after saving the new version.
export type SaveThen = 'save' | 'deploy' | 'app';
