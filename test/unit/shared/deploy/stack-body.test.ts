import { describe, expect, it } from 'vitest';
import { stackBodyFor } from '../../../../shared/deploy/stack-body';

const options = { parameters: { size: '2' }, environment: null, disableRollback: true, timeoutMins: null, tags: [] };
const PARENT = 'heat_template_version: 2018-08-31\nresources:\n  child:\n    type: nested/child.yaml\n';
const CHILD = 'heat_template_version: 2018-08-31\nresources:\n  s:\n    type: OS::Heat::RandomString\n';

describe('stackBodyFor', () => {
  it('bundles nested templates under file:// URLs as heatclient does and carries the dialog’s options', () => {
    const { body, diagnostics } = stackBodyFor({ entryPath: 'template.yaml', yaml: PARENT, files: { 'nested/child.yaml': CHILD }, environment: null }, options);
    expect(diagnostics).toEqual([]);
    expect(Object.keys(body!.files)).toEqual(['file:///nested/child.yaml']);
    expect(body!.template).toMatchObject({ resources: { child: { type: 'file:///nested/child.yaml' } } });
    expect(body).toMatchObject({ parameters: { size: '2' }, disable_rollback: true });
    expect(body).not.toHaveProperty('timeout_mins');
    expect(body).not.toHaveProperty('tags');
  });

  it('sends the version’s environment then the dialog’s, so the dialog’s values win in Heat', () => {
    const { body } = stackBodyFor(
      { entryPath: 'template.yaml', yaml: CHILD, files: {}, environment: 'parameters:\n  a: version\n' },
      { ...options, environment: 'parameters:\n  a: dialog\n', timeoutMins: 30, tags: ['web'] },
    );
    expect(body!.environment_files).toEqual(['file:///environment.yaml', 'file:///deploy-environment.yaml']);
    expect(body!.environment).toEqual({ parameters: { a: 'dialog' } });
    expect(body).toMatchObject({ timeout_mins: 30, tags: ['web'] });
  });

  it('reports a missing nested file instead of sending a body Heat would refuse', () => {
    const { diagnostics } = stackBodyFor({ entryPath: 'template.yaml', yaml: PARENT, files: {}, environment: null }, options);
    expect(diagnostics.map((d) => d.code)).toContain('file-not-found');
  });
});
