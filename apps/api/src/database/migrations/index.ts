import { Foundation1763900000000 } from './1763900000000-foundation';
import { Listening1764000000000 } from './1764000000000-listening';

/** Every migration, oldest first. Add new ones at the end (see CONTRIBUTING.md). */
export const MIGRATIONS = [Foundation1763900000000, Listening1764000000000];
