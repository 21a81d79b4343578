import { parseGemfileLock } from './gemfile-lock.parser';
import { parseGemfile } from './gemfile.parser';
import { parseGemspec } from './gemspec.parser';

const summary = (
  deps: Array<{ name: string; version?: string; direct: boolean; scope: string; line?: number }>,
) =>
  deps.map(
    (d) =>
      `${d.name} ${d.version ?? '-'} ${d.direct ? 'direct' : 'transitive'} ${d.scope} @${d.line ?? '?'}`,
  );

describe(parseGemfile.name, () => {
  it('should give each gem its groups when groups come from blocks and options', () => {
    const content = `source "https://rubygems.org"
git_source(:github) { |repo| "https://github.com/#{repo}.git" }

ruby "3.3.4"

gem "rails", "~> 7.2.1"
gem "ruby-openai", "~> 7.1", ">= 7.1.0", require: "openai" # the chat client
gem 'anthropic', group: :ai
# gem "langchainrb"
gem "pg", :groups => [:production, :staging]

group :development, :test do
  gem "rspec-rails"
  if ENV["WITH_LLM"]
    gem "langchainrb", "0.16.0"
  end
end

group :test do
  gem "vcr"
end

platforms :jruby do
  gem "activerecord-jdbc-adapter"
end
`;
    const sut = parseGemfile({ path: 'Gemfile', content });
    expect(sut.warnings).toEqual([]);
    expect(summary(sut.dependencies)).toEqual([
      'rails ~> 7.2.1 direct runtime @6',
      'ruby-openai ~> 7.1, >= 7.1.0 direct runtime @7',
      'anthropic - direct optional @8',
      'pg - direct optional @10',
      'rspec-rails - direct dev @13',
      'langchainrb 0.16.0 direct dev @15',
      'vcr - direct test @20',
      'activerecord-jdbc-adapter - direct runtime @24',
    ]);
  });

  it('should warn and keep the rest when a line is broken and a block unclosed', () => {
    const content = `gem "ruby-openai"\ngem "broken\ngroup :test do\n  gem "vcr"\n`;
    const sut = parseGemfile({ path: 'Gemfile', content });
    expect(sut.dependencies.map((d) => d.name)).toEqual(['ruby-openai', 'vcr']);
    expect(sut.warnings.map((w) => w.reason)).toEqual([
      'line 2: unterminated string',
      '1 block(s) never closed with "end"',
    ]);
  });
});

describe(parseGemfileLock.name, () => {
  it('should take a gem as direct when DEPENDENCIES lists it', () => {
    const content = `GIT
  remote: https://github.com/patterns-ai-core/langchainrb.git
  revision: 5403cc5ac66aa0d99114827cd4ce15b9a4e3a0d3
  specs:
    langchainrb (0.16.0)
      baran (~> 0.1.9)

PATH
  remote: .
  specs:
    support_bot (0.1.0)
      faraday (>= 1)

GEM
  remote: https://rubygems.org/
  specs:
    baran (0.1.12)
    event_stream_parser (1.0.0)
    faraday (2.12.0)
    nokogiri (1.16.7-x86_64-linux)
    ruby-openai (7.1.0)
      event_stream_parser (>= 0.3.0, < 2.0.0)
      faraday (>= 1)

PLATFORMS
  x86_64-linux

DEPENDENCIES
  langchainrb!
  nokogiri
  ruby-openai (~> 7.1)
  support_bot!

BUNDLED WITH
   2.5.18
`;
    const sut = parseGemfileLock({ path: 'Gemfile.lock', content });
    expect(sut.warnings).toEqual([]);
    expect(summary(sut.dependencies)).toEqual([
      'langchainrb 0.16.0 direct runtime @5',
      'baran 0.1.12 transitive runtime @17',
      'event_stream_parser 1.0.0 transitive runtime @18',
      'faraday 2.12.0 direct runtime @19',
      'nokogiri 1.16.7-x86_64-linux direct runtime @20',
      'ruby-openai 7.1.0 direct runtime @21',
    ]);
  });
});

describe(parseGemspec.name, () => {
  it('should read runtime and development dependencies when a gem declares them', () => {
    const content = `# frozen_string_literal: true

Gem::Specification.new do |spec|
  spec.name = "support_bot"
  spec.version = SupportBot::VERSION
  spec.files = Dir["lib/**/*.rb"]

  spec.add_dependency "ruby-openai", "~> 7.1"
  spec.add_runtime_dependency("faraday", ">= 1", "< 3")
  spec.add_development_dependency "rspec", "~> 3.13"
  # spec.add_dependency "langchainrb"
end
`;
    const sut = parseGemspec({ path: 'support_bot.gemspec', content });
    expect(sut.warnings).toEqual([]);
    expect(summary(sut.dependencies)).toEqual([
      'ruby-openai ~> 7.1 direct runtime @8',
      'faraday >= 1, < 3 direct runtime @9',
      'rspec ~> 3.13 direct dev @10',
    ]);
  });
});
