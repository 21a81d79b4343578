/**
 * The GitHub Actions workflow `check-repo --print-workflow` prints; docs/guardrails/ai-census-check.yml
 * holds the same text (a test keeps them equal). The policy comes from the organisation's AI
 * Census (`AI_CENSUS_API_URL` variable, `AI_CENSUS_TOKEN` secret of any role); the SARIF goes to
 * code scanning even when the check fails, so the violations show on the pull request.
 */
export const GITHUB_WORKFLOW = `# AI Census: fail a pull request that brings in an AI tool the organisation's policy prohibits
# (or one outside the data classes this repository declares in .ai-census.yml).
# Set the repository or organisation variable AI_CENSUS_API_URL, the secret AI_CENSUS_TOKEN, and
# AI_CENSUS_REPO (the git URL of your AI Census checkout). Or keep the policy in this repository:
# replace the API settings with  --policy ai-tool-policy.yaml  (from \`ai-census catalog policy-export\`).
name: AI tool policy

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read
  security-events: write

jobs:
  ai-census:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Install AI Census
        run: |
          git clone --depth 1 "\${{ vars.AI_CENSUS_REPO }}" "$RUNNER_TEMP/ai-census"
          cd "$RUNNER_TEMP/ai-census" && npm ci --no-audit --no-fund && npm run build
      - name: Check the repository against the AI tool policy
        run: node "$RUNNER_TEMP/ai-census/dist/cli.js" check-repo . --sarif ai-census.sarif
        env:
          AI_CENSUS_API_URL: \${{ vars.AI_CENSUS_API_URL }}
          AI_CENSUS_TOKEN: \${{ secrets.AI_CENSUS_TOKEN }}
      - name: Upload the findings to code scanning
        if: always() && hashFiles('ai-census.sarif') != ''
        uses: github/codeql-action/upload-sarif@v4
        with:
          sarif_file: ai-census.sarif
          category: ai-census
`;
