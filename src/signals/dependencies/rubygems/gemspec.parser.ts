// *.gemspec is Ruby too; Bundler gems declare their dependencies there with
// `spec.add_dependency "name", "constraint"` (also add_runtime_dependency and
// add_development_dependency), one call per line, read with the Gemfile tokenizer.
import type { DependencyScope, ManifestFile, ParsedManifest } from '../dependency.types';
import { ManifestCollector } from '../manifest-parser';
import { tokenizeRubyLine } from './gemfile.parser';

const CALLS: Record<string, DependencyScope> = {
  add_dependency: 'runtime',
  add_runtime_dependency: 'runtime',
  add_development_dependency: 'dev',
};

export function parseGemspec(file: ManifestFile): ParsedManifest {
  const out = new ManifestCollector(file, 'rubygems');
  file.content.split(/\r?\n/).forEach((raw, index) => {
    const lineNo = index + 1;
    const tokens = tokenizeRubyLine(raw);
    if (!tokens) {
      out.warn('unterminated string', lineNo);
      return;
    }
    // `spec.add_dependency …`: receiver, '.', method; a bare call has no receiver.
    const withReceiver = tokens[1]?.value === '.' && tokens[2]?.kind === 'word';
    const callToken = withReceiver ? tokens[2] : tokens[0];
    const call = callToken?.kind === 'word' ? callToken.value : undefined;
    const scope = call ? CALLS[call] : undefined;
    if (!scope) return;
    const args = tokens
      .slice(withReceiver ? 3 : 1)
      .filter((t) => t.value !== '(' && t.value !== ')' && t.value !== ',');
    const name = args[0];
    if (name?.kind !== 'string') {
      out.warn(`"${call}" without a quoted gem name`, lineNo);
      return;
    }
    const constraints = args
      .slice(1)
      .filter((t) => t.kind === 'string')
      .map((t) => t.value);
    out.add({
      name: name.value,
      version: constraints.join(', ') || undefined,
      direct: true,
      scope,
      line: lineNo,
    });
  });
  return out.result();
}
