import { Spine1764000000000 } from './1764000000000-Spine';
import { PeopleSurveys1764200000000 } from './1764200000000-PeopleSurveys';

// Every migration, oldest first. Each module's migrations use their own timestamp range.
export const ALL_MIGRATIONS = [Spine1764000000000, PeopleSurveys1764200000000];
