import { DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MENTION_LOOKUP, type MentionLookup } from '@ecoute/contracts';
import { ConnectorsModule } from '@ecoute/api-connectors';
import { ConversationAssigner } from './assignment/conversation-assigner';
import { ConversationActionsService } from './conversation-actions.service';
import { ConversationBatchWriter } from './conversation-batch-writer';
import { SlaPoliciesController } from './sla-policies.controller';
import { SnoozeWaker } from './snooze-waker';
import { InboxLiveService } from './live/inbox-live.service';
import { LiveController } from './live/live.controller';
import { ReplyCapability } from './reply-capability';
import { NotesController } from './notes/notes.controller';
import { NotesService } from './notes/notes.service';
import { SavedRepliesService } from './notes/saved-replies.service';
import { SlaPoliciesService } from './sla/sla-policies.service';
import { TeamsController } from './teams.controller';
import { TeamsService } from './teams.service';
import { ConversationReadService } from './conversation-read.service';
import { ConversationsController } from './conversations.controller';
import { INBOX_ENTITIES } from './entities';
import { ReplyDispatcher } from './reply-dispatcher';
import { ReplyService } from './reply.service';

export interface InboxModuleOptions {
  /** the module that provides `mentionLookup` */
  imports: ModuleMetadata['imports'];
  mentionLookup: Type<MentionLookup>;
}

@Module({})
export class InboxModule {
  static forRoot(options: InboxModuleOptions): DynamicModule {
    return {
      module: InboxModule,
      imports: [TypeOrmModule.forFeature(INBOX_ENTITIES), ConnectorsModule, ...(options.imports ?? [])],
      controllers: [ConversationsController, TeamsController, SlaPoliciesController, NotesController, LiveController],
      providers: [
        ConversationAssigner,
        ConversationActionsService,
        TeamsService,
        SlaPoliciesService,
        SnoozeWaker,
        NotesService,
        InboxLiveService,
        ReplyCapability,
        SavedRepliesService,
        ConversationBatchWriter,
        ConversationReadService,
        ReplyService,
        ReplyDispatcher,
        { provide: MENTION_LOOKUP, useExisting: options.mentionLookup },
      ],
      exports: [ConversationBatchWriter, ReplyDispatcher, SnoozeWaker],
    };
  }
}
