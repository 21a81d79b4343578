import { parseComposerJson, parseComposerLock } from './composer.parser';

describe(parseComposerJson.name, () => {
  it('should skip platform requirements when reading require and require-dev', () => {
    const content = `{
    "name": "acme/helpdesk",
    "require": {
        "php": "^8.2",
        "ext-json": "*",
        "openai-php/client": "^0.10.1",
        "Guzzlehttp/Guzzle": "^7.9"
    },
    "require-dev": {
        "phpunit/phpunit": "^11.3"
    }
}
`;
    const sut = parseComposerJson({ path: 'composer.json', content });
    expect(sut.dependencies.map((d) => [d.name, d.version, d.scope, d.line])).toEqual([
      ['openai-php/client', '^0.10.1', 'runtime', 6],
      ['guzzlehttp/guzzle', '^7.9', 'runtime', 7],
      ['phpunit/phpunit', '^11.3', 'dev', 10],
    ]);
  });
});

describe(parseComposerLock.name, () => {
  it('should take a locked package as direct when no other package requires it', () => {
    const content = JSON.stringify({
      packages: [
        {
          name: 'openai-php/client',
          version: 'v0.10.1',
          require: { 'php-http/discovery': '^1.19' },
        },
        { name: 'php-http/discovery', version: '1.19.4' },
      ],
      'packages-dev': [{ name: 'phpunit/phpunit', version: '11.3.6' }],
    });
    const sut = parseComposerLock({ path: 'composer.lock', content });
    expect(sut.dependencies.map((d) => [d.name, d.version, d.direct, d.scope])).toEqual([
      ['openai-php/client', 'v0.10.1', true, 'runtime'],
      ['php-http/discovery', '1.19.4', false, 'runtime'],
      ['phpunit/phpunit', '11.3.6', true, 'dev'],
    ]);
  });
});
