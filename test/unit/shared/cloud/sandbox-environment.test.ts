import { describe, expect, it } from 'vitest';
import type { StackBody } from '../../../../main/cloud/heat-client';
import { SANDBOX_ENVIRONMENT_NAME, USER_ENVIRONMENT_NAME, withSandboxEnvironment } from '../../../../shared/cloud/sandbox-environment';

describe('withSandboxEnvironment', () => {
  it("keeps the request's own environment: Heat ignores `environment` once `environment_files` is sent, so it travels as the file after the sandbox one", () => {
    const body = withSandboxEnvironment<StackBody>({ template: 't', environment: 'parameters:\n  x: hello\n', files: { 'nested.yaml': 'n' } });
    expect(body).not.toHaveProperty('environment');
    expect(body.environment_files).toEqual([SANDBOX_ENVIRONMENT_NAME, USER_ENVIRONMENT_NAME]);
    expect(body.files).toMatchObject({ 'nested.yaml': 'n', [USER_ENVIRONMENT_NAME]: 'parameters:\n  x: hello\n' });
  });

  it('an environment given as an object is sent as its JSON text (YAML reads JSON)', () => {
    const body = withSandboxEnvironment<StackBody>({ environment: { parameters: { x: 1 } }, environment_files: ['mine.yaml'], files: { 'mine.yaml': 'm' } });
    expect(body.environment_files).toEqual([SANDBOX_ENVIRONMENT_NAME, USER_ENVIRONMENT_NAME, 'mine.yaml']);
    expect(JSON.parse(body.files![USER_ENVIRONMENT_NAME]!)).toEqual({ parameters: { x: 1 } });
  });

  it('without an environment only the sandbox file is added', () => {
    const body = withSandboxEnvironment<StackBody>({ template: 't' });
    expect(body.environment_files).toEqual([SANDBOX_ENVIRONMENT_NAME]);
    expect(Object.keys(body.files!)).toEqual([SANDBOX_ENVIRONMENT_NAME]);
  });
});
