import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { compareWithBenchmarks, type BenchmarkComparison } from './benchmark-figures';
import { parseBenchmarks, type Benchmark } from './benchmarks';

// Beside this file in src/ (jest) and dist/src/ (scripts/copy-assets.js copies the YAML).
export const BUILTIN_BENCHMARKS_FILE = join(__dirname, '..', 'data', 'benchmarks.yaml');

/**
 * The published figures, read once at start from SURVEY_BENCHMARKS_FILE or the built-in file.
 * A file with any entry missing its source, publisher, year or compared question stops the start.
 */
@Injectable()
export class SurveyBenchmarks {
  private readonly list: Benchmark[];
  readonly file: string;
  readonly builtIn: boolean;

  constructor(config: AppConfig) {
    this.file = config.surveyBenchmarksFile ?? BUILTIN_BENCHMARKS_FILE;
    this.builtIn = !config.surveyBenchmarksFile;
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (e) {
      throw new Error(
        `SURVEY_BENCHMARKS_FILE: cannot read ${this.file} (${(e as Error).message})`,
        {
          cause: e,
        },
      );
    }
    this.list = parseBenchmarks(text, this.file);
  }

  all(): Benchmark[] {
    return this.list;
  }

  compare(
    questionKeys: string[],
    answers: Record<string, string | string[] | Record<string, string> | undefined>[],
    k: number,
  ): BenchmarkComparison[] {
    return compareWithBenchmarks({ benchmarks: this.list, questionKeys, answers, k });
  }
}
