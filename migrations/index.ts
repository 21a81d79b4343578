import { Spine1764000000000 } from './1764000000000-Spine';

// Every migration, oldest first. Each module's migrations use their own timestamp range.
export const ALL_MIGRATIONS = [Spine1764000000000];
