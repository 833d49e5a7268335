import type { GitOperation } from '../../shared/ipc/git.contract';
import type { EventBus } from '../events/event-bus';
import type { GitLibraries } from '../library/git/git-libraries';
import type { DomainHandlers } from './dispatcher';

export function gitHandlers(libraries: GitLibraries, events: EventBus): DomainHandlers<'git'> {
  // git's progress lines reach the UI as they come (the request answers when git is done).
  const progress = (libraryId: string | null, operation: GitOperation) => (line: string) => events.emit('git.progress', { libraryId, operation, line });
  return {
    'git.clone': (req) => libraries.clone(req.url, req.name, progress(null, 'clone')),
    'git.bind': (req) => libraries.bind(req.path, req.name),
    'git.status': (req) => libraries.of(req.libraryId).status(),
    'git.pull': (req) => libraries.of(req.libraryId).pull(progress(req.libraryId, 'pull')),
    'git.conflicts': (req) => libraries.of(req.libraryId).conflicts(),
    'git.resolve': (req) => libraries.of(req.libraryId).resolve(req.resolutions),
    'git.abort': async (req) => {
      await libraries.of(req.libraryId).abortMerge();
      return { aborted: true as const };
    },
    'git.push': (req) => libraries.of(req.libraryId).push(progress(req.libraryId, 'push')),
    'git.saveVersion': (req) => {
      const { libraryId, ...input } = req;
      return libraries.of(libraryId).saveVersion(input);
    },
  };
}
