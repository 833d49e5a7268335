// Where a stack instance lives: a (region, project) pair is reached through
// one of the cloud profiles joined to the set. A profile's token names its
// project (the instance's domain_id) and its catalog lists the regions that
// offer Heat; the HeatClient for another region re-uses the profile's HTTP
// client and Keystone session, so one token serves every region.
import { AppError } from '../../shared/ipc/errors';
import { msg } from '../../shared/messages/message';
import type { CloudProfile } from '../../shared/cloud/profile';
import { regionsOffering } from '../cloud/catalog';
import type { Connection } from '../cloud/connection';
import { HeatClient } from '../cloud/heat-client';

/** What the runner needs of main/cloud's ProfileService. */
export interface ProfileSource {
  get(id: string): CloudProfile;
  connection(id: string): Connection;
}

export interface StackSetAccount {
  profile_id: string;
  profile_name: string;
  /** The Keystone project: a stack instance's domain_id. */
  project_id: string;
  project_name: string;
  /** Regions whose catalog offers orchestration to this project. */
  regions: string[];
  sandbox: boolean;
}

export interface InstanceTarget {
  heat: HeatClient;
  profile: CloudProfile;
}

export class StackSetAccounts {
  private readonly accounts = new Map<string, StackSetAccount>();
  private readonly clients = new Map<string, { conn: Connection; heat: HeatClient }>();

  constructor(private readonly profiles: ProfileSource) {}

  /** Authenticates the profile (cached token) to learn its project and regions. */
  async account(profileId: string): Promise<StackSetAccount> {
    const known = this.accounts.get(profileId);
    if (known) return known;
    const profile = this.profiles.get(profileId);
    const { session } = this.profiles.connection(profileId);
    const token = await session.token();
    if (!token.project) throw new AppError('PROFILE_INVALID', msg('stackset.noProjectToken', { name: profile.name }));
    const offered = regionsOffering(token.catalog, 'orchestration');
    const regions = profile.endpointOverride ? [profile.region ?? offered[0] ?? 'default'] : offered;
    const account: StackSetAccount = {
      profile_id: profileId,
      profile_name: profile.name,
      project_id: token.project.id,
      project_name: token.project.name,
      regions,
      sandbox: profile.sandbox,
    };
    this.accounts.set(profileId, account);
    return account;
  }

  /** A profile's name for a message, or its id once it is gone. */
  profileName(profileId: string): string {
    try {
      return this.profiles.get(profileId).name;
    } catch {
      return profileId;
    }
  }

  async list(profileIds: readonly string[]): Promise<StackSetAccount[]> {
    return Promise.all(profileIds.map((id) => this.account(id)));
  }

  /** The Heat client for one instance; refuses a pair no joined profile reaches. */
  async target(profileIds: readonly string[], region: string, projectId: string): Promise<InstanceTarget> {
    for (const id of profileIds) {
      const account = await this.account(id);
      if (account.project_id !== projectId) continue;
      if (!account.regions.includes(region)) {
        throw new AppError('NO_ENDPOINT', msg('stackset.noHeatInRegion', { project: account.project_name, profile: account.profile_name, region }), { region });
      }
      const key = `${id}\u0000${region}`;
      const profile = this.profiles.get(id);
      const conn = this.profiles.connection(id);
      let cached = this.clients.get(key);
      // A profile edit replaces its connection: build the client again on the new one.
      if (!cached || cached.conn !== conn) {
        cached = { conn, heat: new HeatClient(conn.http, conn.session, { region, interface: profile.interface, endpointOverride: profile.endpointOverride }) };
        this.clients.set(key, cached);
      }
      return { heat: cached.heat, profile };
    }
    throw new AppError('NOT_FOUND', msg('stackset.noProfileReaches', { project: projectId }), { projectId });
  }

  /** Forget what was learned (a profile changed or was removed). */
  forget(): void {
    this.accounts.clear();
    this.clients.clear();
  }
}
