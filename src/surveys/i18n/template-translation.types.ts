import type { QuestionTranslation } from '../survey.types';

export type BuiltInTemplate = 'inventory' | 'pulse';

/** One language's wording of the built-in templates, by template and question key. */
export type TemplateTranslations = Record<BuiltInTemplate, Record<string, QuestionTranslation>>;
