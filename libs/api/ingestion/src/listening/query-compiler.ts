import { Inject, Injectable } from '@nestjs/common';
import type { CompiledQueryDto, ListeningQuerySpec, Platform } from '@ecoute/contracts';
import { compileAll, MENTION_SOURCES, type MentionSources } from '@ecoute/api-connectors';

/** Compiles a query into each platform's own search syntax, reporting per platform what cannot be compiled. */
@Injectable()
export class QueryCompiler {
  constructor(@Inject(MENTION_SOURCES) private readonly sources: MentionSources) {}

  describe(spec: ListeningQuerySpec, platforms: readonly Platform[]): CompiledQueryDto[] {
    return compileAll(this.sources, spec, platforms);
  }
}
