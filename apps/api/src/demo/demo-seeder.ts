import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DEMO_PASSWORD, DEMO_USERS, DEMO_WORLD } from '@ecoute/contracts';
import { APP_CONFIG, type AppConfig } from '@ecoute/api-platform';
import { WorkspaceSetupService } from '@ecoute/api-identity';
import { ListeningSetupService } from '@ecoute/api-ingestion';
import { RoutingRulesService } from '@ecoute/api-routing';

export const DEMO_WORKSPACE_SLUG = 'lumio-demo';

/**
 * In demo mode, makes sure the demo workspace exists: the brand, its two competitors and its campaign
 * hashtag as listening queries on every demo platform, the default routing rules, and one user per role. Idempotent.
 */
@Injectable()
export class DemoSeeder implements OnModuleInit {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workspaces: WorkspaceSetupService,
    private readonly listening: ListeningSetupService,
    private readonly rules: RoutingRulesService,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.demo) return;
    await this.seed();
  }

  async seed(): Promise<string> {
    const workspace = await this.workspaces.ensureWorkspace(
      DEMO_WORKSPACE_SLUG,
      DEMO_WORLD.brand.name,
      DEMO_USERS.map((u) => ({ ...u, password: DEMO_PASSWORD })),
    );
    const poll = this.config.scheduler.pollIntervalSeconds;
    const { brand, competitors, campaign } = DEMO_WORLD;
    await this.listening.ensureQuery(workspace.id, {
      name: brand.name,
      kind: 'brand',
      spec: { include: [brand.name], hashtags: [...brand.hashtags], handles: [brand.handle] },
      platforms: this.config.demoPlatforms,
      pollIntervalSeconds: poll,
    });
    for (const c of competitors) {
      await this.listening.ensureQuery(workspace.id, {
        name: c.name,
        kind: 'competitor',
        spec: { include: [c.name], hashtags: [...c.hashtags], handles: [c.handle] },
        platforms: this.config.demoPlatforms,
        pollIntervalSeconds: poll,
      });
    }
    await this.listening.ensureQuery(workspace.id, {
      name: campaign.name,
      kind: 'campaign',
      spec: { hashtags: [campaign.hashtag] },
      platforms: this.config.demoPlatforms,
      pollIntervalSeconds: poll,
    });
    await this.rules.ensureDefaults(workspace.id);
    this.logger.log(`demo workspace "${workspace.name}" ready`);
    return workspace.id;
  }
}
