import { parseGradleVersionCatalog } from './gradle-catalog.parser';
import { parseGradleBuild, scopeForConfiguration } from './gradle.parser';
import { parsePom } from './pom.parser';

const summary = (deps: Array<{ name: string; version?: string; scope: string; line?: number }>) =>
  deps.map((d) => `${d.name} ${d.version ?? '-'} ${d.scope} @${d.line ?? '?'}`);

describe(parsePom.name, () => {
  const pom = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>3.3.4</version>
  </parent>
  <groupId>com.acme</groupId>
  <artifactId>assistant</artifactId>
  <version>2.1.0</version>
  <properties>
    <langchain4j.version>0.35.0</langchain4j.version>
    <openai.version>0.18.2</openai.version>
    <openai.full>\${openai.version}</openai.full>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>org.springframework.ai</groupId>
        <artifactId>spring-ai-bom</artifactId>
        <version>1.0.0-M3</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
      <dependency>
        <groupId>com.anthropic</groupId>
        <artifactId>anthropic-java</artifactId>
        <version>0.8.0</version>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <!-- the assistant's model client -->
    <dependency>
      <groupId>dev.langchain4j</groupId>
      <artifactId>langchain4j-open-ai</artifactId>
      <version>\${langchain4j.version}</version>
    </dependency>
    <dependency>
      <groupId>com.theokanning.openai-gpt3-java</groupId>
      <artifactId>service</artifactId>
      <version>\${openai.full}</version>
      <optional>true</optional>
    </dependency>
    <dependency>
      <groupId>com.acme</groupId>
      <artifactId>assistant-core</artifactId>
      <version>\${project.version}</version>
    </dependency>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <version>\${junit.version}</version>
      <scope>test</scope>
    </dependency>
  </dependencies>
  <profiles>
    <profile>
      <id>bedrock</id>
      <dependencies>
        <dependency>
          <groupId>software.amazon.awssdk</groupId>
          <artifactId>bedrockruntime</artifactId>
          <version>2.28.6</version>
        </dependency>
      </dependencies>
    </profile>
  </profiles>
</project>
`;

  it('should resolve properties, keep scopes and skip dependencyManagement when the pom is complete', () => {
    const sut = parsePom({ path: 'assistant/pom.xml', content: pom });
    expect(sut.warnings).toEqual([]);
    expect(summary(sut.dependencies)).toEqual([
      'dev.langchain4j:langchain4j-open-ai 0.35.0 runtime @37',
      'com.theokanning.openai-gpt3-java:service 0.18.2 optional @42',
      'com.acme:assistant-core 2.1.0 runtime @48',
      'org.junit.jupiter:junit-jupiter ${junit.version} test @53',
      'software.amazon.awssdk:bedrockruntime 2.28.6 runtime @64',
    ]);
  });

  it('should throw with the line when the XML is malformed', () => {
    const content = '<project>\n  <dependencies>\n    <dependency>\n  </dependencies>\n</project>';
    expect(() => parsePom({ path: 'pom.xml', content })).toThrow(/line \d+/);
  });
});

describe(parseGradleBuild.name, () => {
  it('should read every call form and ignore comments, projects and accessors when the script is Groovy', () => {
    const content = `plugins {
    id 'java'
}

def openaiVersion = '0.18.2'

dependencies {
    implementation 'dev.langchain4j:langchain4j-open-ai:0.35.0'
    implementation "com.theokanning.openai-gpt3-java:service:$openaiVersion"
    implementation group: 'com.google.cloud', name: 'google-cloud-vertexai', version: '1.10.0'
    implementation platform('com.google.cloud:libraries-bom:26.48.0')
    implementation project(':core')
    implementation libs.guava
    // implementation 'com.anthropic:anthropic-java:0.8.0'
    /* testImplementation 'ai.djl:api:0.30.0' */
    testImplementation 'org.junit.jupiter:junit-jupiter:5.11.0',
        'org.mockito:mockito-core:5.14.0'
    compileOnly 'org.projectlombok:lombok:1.18.34'
    implementation('io.github.ollama4j:ollama4j:1.0.89') {
        exclude group: 'org.slf4j', module: 'slf4j-api'
    }
}
`;
    const sut = parseGradleBuild({ path: 'app/build.gradle', content });
    expect(sut.warnings).toEqual([]);
    expect(summary(sut.dependencies)).toEqual([
      'dev.langchain4j:langchain4j-open-ai 0.35.0 runtime @8',
      'com.theokanning.openai-gpt3-java:service $openaiVersion runtime @9',
      'com.google.cloud:google-cloud-vertexai 1.10.0 runtime @10',
      'com.google.cloud:libraries-bom 26.48.0 runtime @11',
      'org.junit.jupiter:junit-jupiter 5.11.0 test @16',
      'org.mockito:mockito-core 5.14.0 test @17',
      'org.projectlombok:lombok 1.18.34 build @18',
      'io.github.ollama4j:ollama4j 1.0.89 runtime @19',
    ]);
  });

  it('should read the call forms when the script is Kotlin', () => {
    const content = `dependencies {
    implementation("com.openai:openai-java:0.4.0")
    implementation(group = "com.anthropic", name = "anthropic-java", version = "0.8.0")
    implementation(kotlin("stdlib"))
    testImplementation(kotlin("test"))
    androidTestImplementation("androidx.test:runner:1.6.2")
}
`;
    const sut = parseGradleBuild({ path: 'build.gradle.kts', content });
    expect(summary(sut.dependencies)).toEqual([
      'com.openai:openai-java 0.4.0 runtime @2',
      'com.anthropic:anthropic-java 0.8.0 runtime @3',
      'androidx.test:runner 1.6.2 test @6',
    ]);
  });

  it('should warn and keep what came before when a string is unterminated', () => {
    const content = `dependencies {\n  implementation 'com.openai:openai-java:0.4.0'\n  implementation 'broken\n}\n`;
    const sut = parseGradleBuild({ path: 'build.gradle', content });
    expect(sut.dependencies.map((d) => d.name)).toEqual(['com.openai:openai-java']);
    expect(sut.warnings).toEqual([{ path: 'build.gradle', reason: 'line 3: unterminated string' }]);
  });

  it('should map a configuration to a scope when its name says test, build or runtime', () => {
    expect(scopeForConfiguration('testRuntimeOnly')).toBe('test');
    expect(scopeForConfiguration('kapt')).toBe('build');
    expect(scopeForConfiguration('debugImplementation')).toBe('runtime');
    expect(scopeForConfiguration('testFixturesApi')).toBe('test');
  });
});

describe(parseGradleVersionCatalog.name, () => {
  it('should resolve version references when libraries use any of the notations', () => {
    const content = `[versions]
langchain4j = "0.35.0"
spring-ai = { strictly = "1.0.0-M3" }

[libraries]
langchain4j-openai = { module = "dev.langchain4j:langchain4j-open-ai", version.ref = "langchain4j" }
spring-ai-openai = { group = "org.springframework.ai", name = "spring-ai-openai", version.ref = "spring-ai" }
guava = "com.google.guava:guava:33.3.1-jre"
broken = { version = "1.0" }

[plugins]
kotlin-jvm = { id = "org.jetbrains.kotlin.jvm", version = "2.0.20" }
`;
    const sut = parseGradleVersionCatalog({ path: 'gradle/libs.versions.toml', content });
    expect(summary(sut.dependencies)).toEqual([
      'dev.langchain4j:langchain4j-open-ai 0.35.0 runtime @6',
      'org.springframework.ai:spring-ai-openai 1.0.0-M3 runtime @7',
      'com.google.guava:guava 33.3.1-jre runtime @8',
    ]);
    expect(sut.warnings).toEqual([
      {
        path: 'gradle/libs.versions.toml',
        reason: 'libraries.broken has no "group:name" coordinates',
      },
    ]);
  });
});
