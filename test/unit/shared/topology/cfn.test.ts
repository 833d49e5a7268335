// CloudFormation-format templates on the canvas: their resources are nodes,
// Ref / Fn::GetAtt / DependsOn are edges, and the canvas refuses to write HOT into them.
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../../shared/hot/template';
import { buildTopology } from '../../../../shared/topology/model';
import { connect, drop } from '../../../../shared/topology/actions';
import { paletteItem } from '../../../../shared/topology/palette';

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
      UserData: {"Fn::Join": ["", ["key=", {"Fn::GetAtt": [WebServerKeys, SecretAccessKey]}]]}
`;

describe('a CloudFormation-format template on the canvas', () => {
  const topo = buildTopology(parseTemplate(CFN, 'cfn.yaml'));

  it('draws every resource of Resources as a node with its Type', () => {
    expect(topo.nodes.map((n) => [n.id, n.type])).toEqual([
      ['CfnUser', 'AWS::IAM::User'],
      ['WebServerKeys', 'AWS::IAM::AccessKey'],
      ['WebServer', 'AWS::EC2::Instance'],
    ]);
  });

  it('draws Ref, Fn::GetAtt and DependsOn between resources as edges, and no edge for a Ref to a parameter', () => {
    expect(topo.edges.map((e) => `${e.source}->${e.target} ${e.kind} ${e.label}`).sort()).toEqual([
      'WebServer->CfnUser depends_on DependsOn[0]',
      'WebServer->WebServerKeys get_attr UserData[1][1]',
      'WebServerKeys->CfnUser get_resource UserName',
    ]);
  });

  it('refuses a palette drop or a connection, saying the canvas writes HOT only', () => {
    const t = parseTemplate(CFN, 'cfn.yaml');
    const server = paletteItem('server');
    if (!server) throw new Error('no server in the palette');
    expect(drop(t, server, null)).toEqual({ ok: false, reason: 'cfn-read-only' });
    expect(connect(t, 'WebServer', 'CfnUser')).toEqual({ ok: false, reason: 'cfn-read-only' });
  });
});
