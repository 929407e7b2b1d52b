import { Foundation1763900000000 } from './1763900000000-foundation';

/** Every migration, oldest first. Add new ones at the end (see CONTRIBUTING.md). */
export const MIGRATIONS = [Foundation1763900000000];
