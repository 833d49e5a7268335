// Messages of the git-bound library (main/library/git/).
export const gitMessagesEn = {
  'git.missing': 'git was not found ({path}); install git, or set HEAT_STUDIO_GIT to its full path.',
  'git.failed': '{command} failed: {reason}',
  'git.noUpstream': 'The working copy {path} has no upstream branch to pull from or push to.',
  'git.notConflicted': '{path} is not a conflicting file of this pull.',
  'git.resolveFirst': 'A pull is waiting for its conflicts to be resolved (or aborted); resolve them first.',
  'git.pushRejected': 'The server refused the push; your commit is kept locally. The server said: {reason}',
  'git.nothingToCommit': 'Nothing changed in {path} since the last version: there is nothing to commit.',
  'git.importExists':
    'The repository has another file at {path} already; the import would overwrite it. Rename the file to import, or import it into another folder.',
  'git.renameName': 'In a git library a template is named by its file: {to} must end in .yaml, .yml or .template.',
  'git.renameShared': 'Renaming {from} to {to} would move {path}, which {other} uses too. Move it with git, or rename within the folder.',
  'git.renameBreaks':
    'Renaming {from} to {to} would break the reference from {path} to {ref} (the files are kept byte for byte, so references are not rewritten). Choose a folder where {ref} is reached the same way.',
  'git.pathEscape': '"{path}" points outside the repository working copy.',
  'git.badUrl': '"{url}" is not a repository URL or path.',
  'git.folderNotEmpty': 'The folder {path} is not empty; a clone needs an empty folder.',
  'git.notACheckout': '{path} is not a git working copy (or does not exist).',
  'git.noIdentity': 'git has no user.name / user.email for {path}; set them (git config --global user.name ...) so commits say who made them.',
  'git.notGitLibrary': 'This library is not bound to a git repository.',
  'error.GIT_UNAVAILABLE': 'git is not available',
  'error.GIT_FAILED': 'A git command failed',
  'error.GIT_CONFLICT': 'The pull has conflicts to resolve',
  'error.GIT_PUSH_REJECTED': 'The server refused the push',
} as const satisfies Record<string, string>;
