import { Foundation1763900000000 } from './1763900000000-foundation';
import { Listening1764000000000 } from './1764000000000-listening';
import { Understanding1764100000000 } from './1764100000000-understanding';
import { IngestRowChecks1764200000000 } from './1764200000000-ingest-row-checks';
import { InboxTeams1764300000000 } from './1764300000000-inbox-teams';
import { SlaPolicies1764400000000 } from './1764400000000-sla-policies';
import { Escalation1764500000000 } from './1764500000000-escalation';
import { NotesSavedReplies1764600000000 } from './1764600000000-notes-saved-replies';
import { InboxListIndexes1764700000000 } from './1764700000000-inbox-list-indexes';

/** Every migration, oldest first. Add new ones at the end (see CONTRIBUTING.md). */
export const MIGRATIONS = [Foundation1763900000000, Listening1764000000000, Understanding1764100000000, IngestRowChecks1764200000000, InboxTeams1764300000000, SlaPolicies1764400000000, Escalation1764500000000, NotesSavedReplies1764600000000, InboxListIndexes1764700000000];
