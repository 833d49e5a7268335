// A CloudFormation-format template in the editor, in Chromium against
// `npm run web`: its resources are drawn with their Ref / Fn::GetAtt /
// DependsOn edges, and a palette drop is refused with the reason (the canvas
// writes HOT only) while the YAML stays as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { screenshot } from './support/browser';
import type { RunningHost } from './support/web-host';
import { closeSession, openSession } from './support/session';
import { newBlankTemplate, pasteYaml } from './support/canvas';

const CFN = `HeatTemplateFormatVersion: '2012-12-12'
Parameters:
  KeyName: {Type: String}
Resources:
  CfnUser: {Type: 'AWS::IAM::User'}
  WebServerKeys:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: {Ref: CfnUser}
  WebServer:
    Type: AWS::EC2::Instance
    DependsOn: [CfnUser]
    Properties:
      KeyName: {Ref: KeyName}
      UserData: {"Fn::GetAtt": [WebServerKeys, SecretAccessKey]}
`;

type CanvasHook = { __hsCanvas: { ids(): string[]; at(id: string): { x: number; y: number } | null } };
type YamlHook = { __hsYaml: { text(): string } };

describe('a CloudFormation template in the editor', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-e2e-editor-cfn-'));
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  const yamlText = () => page.evaluate(() => (window as unknown as YamlHook).__hsYaml.text());

  beforeAll(async () => {
    ({ host, browser, page } = await openSession(dataDir, { viewport: { width: 1440, height: 900 }, locale: 'en-US' }));
    await page.goto(host.url);
    await newBlankTemplate(page, 'cfn');
  });

  afterAll(() => closeSession({ browser, host }));

  it('draws every resource of the pasted CloudFormation YAML', async () => {
    await pasteYaml(page, CFN);
    await expect.poll(() => page.evaluate(() => (window as unknown as CanvasHook).__hsCanvas.ids().sort())).toEqual(['CfnUser', 'WebServer', 'WebServerKeys']);
    await page.getByTestId('fit').click();
    await screenshot(page, 'editor-cfn');
  });

  it('refuses a server dropped on the canvas, saying the canvas writes HOT only, and keeps the YAML', async () => {
    const host = page.getByTestId('cy-host');
    const box = await host.boundingBox();
    if (!box) throw new Error('no canvas');
    await page.getByTestId('palette-server').dragTo(host, { targetPosition: { x: 40, y: box.height - 40 } });
    await expect.poll(() => page.getByTestId('refusal').textContent()).toContain('CloudFormation-format template');
    expect(await yamlText()).toBe(CFN);
    await screenshot(page, 'editor-cfn-refused');
  });
});
