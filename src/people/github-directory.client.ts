import { Octokit } from '@octokit/rest';

export interface GithubMember {
  login: string;
  name: string | null;
  email: string | null;
}

/** Members of a GitHub organisation with their public profile (name, public e-mail). */
export async function fetchGithubOrgMembers(opts: {
  org: string;
  apiUrl: string;
  token?: string;
}): Promise<{ members: GithubMember[]; requests: number }> {
  // Octokit's default logger prints failed requests to the console; the caller reports them instead.
  const quiet = () => undefined;
  const octokit = new Octokit({
    baseUrl: opts.apiUrl,
    auth: opts.token,
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
  });
  let requests = 0;
  octokit.hook.before('request', () => {
    requests++;
  });
  const logins = await octokit.paginate(
    'GET /orgs/{org}/members',
    { org: opts.org, per_page: 100 },
    (response) => response.data.map((m) => m.login),
  );
  const members: GithubMember[] = [];
  for (const login of logins) {
    const { data } = await octokit.request('GET /users/{username}', { username: login });
    members.push({
      login,
      name: data.name ?? null,
      email: data.email ? data.email.toLowerCase() : null,
    });
  }
  return { members, requests };
}
