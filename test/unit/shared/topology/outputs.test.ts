// "Add as output" (issue 15): a server's first address and a floating IP's
// address become outputs in hand-written style, comments kept, never twice.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseTemplate } from '../../../../shared/hot/template';
import { applyTopologyEdits } from '../../../../shared/topology/text-edits';
import { addOutputEdit, outputSuggestion } from '../../../../shared/topology/outputs';
import { dropped, routedServer } from './helpers';

describe('outputSuggestion / addOutputEdit', () => {
  it("adds a server's first address as an output, creating the outputs section and keeping comments", () => {
    const t = parseTemplate(`${routedServer().text.trimEnd()}\n# the end comment stays\n`);
    const s = outputSuggestion(t, 'server_1');
    expect(s).toEqual({ resource: 'server_1', attribute: 'first_address', key: 'server_1_first_address', exists: false });
    const next = applyTopologyEdits(t, [addOutputEdit(s!, 'First address of server_1')]);
    expect(next.text).toContain('# the end comment stays');
    expect(next.text).toContain('value: { get_attr: [ server_1, first_address ] }');
    expect((parse(next.text) as { outputs: unknown }).outputs).toEqual({
      server_1_first_address: { description: 'First address of server_1', value: { get_attr: ['server_1', 'first_address'] } },
    });
    expect(outputSuggestion(next, 'server_1')).toMatchObject({ key: 'server_1_first_address', exists: true });
  });

  it("offers a floating IP's floating_ip_address, with a free key when the name is taken by another output", () => {
    const withFip = dropped(routedServer(), 'floating-ip', 'server_1');
    const fip = withFip.text.match(/^ {2}(\w+):\n {4}type: OS::Neutron::FloatingIP$/m)?.[1];
    expect(fip).toBeTruthy();
    const taken = parseTemplate(`${withFip.text.trimEnd()}\noutputs:\n  ${fip}_floating_ip_address:\n    value: { get_resource: ${fip} }\n`);
    const s = outputSuggestion(taken, fip!);
    expect(s).toEqual({ resource: fip, attribute: 'floating_ip_address', key: `${fip}_floating_ip_address_2`, exists: false });
    const next = applyTopologyEdits(taken, [addOutputEdit(s!, 'Public IP')]);
    expect(Object.keys((parse(next.text) as { outputs: object }).outputs)).toEqual([`${fip}_floating_ip_address`, `${fip}_floating_ip_address_2`]);
  });

  it('offers nothing for other types or a CloudFormation template', () => {
    expect(outputSuggestion(routedServer(), 'private_net_1')).toBeNull();
    expect(outputSuggestion(parseTemplate('AWSTemplateFormatVersion: 2010-09-09\nResources:\n  s: {Type: OS::Nova::Server}\n'), 's')).toBeNull();
  });
});
