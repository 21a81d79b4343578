import type { PrivacyMode } from '../survey.types';

/** A respondent's team in the directory when they answer. */
export interface DirectoryTeam {
  path: string;
  /** people the directory has in this team itself */
  headcount: number;
}

/**
 * The team kept on an answer. Identified and pseudonymous answers keep the respondent's team
 * (the person, or a code for them, is kept anyway, and the team says less). An anonymous answer
 * keeps its team only when the team has at least k people, so the team alone never narrows the
 * answer down to fewer than k people. A link that names no one (the open link, an import) keeps
 * no team in any mode.
 */
export function answerTeam(
  mode: PrivacyMode,
  team: DirectoryTeam | null,
  k: number,
): string | null {
  if (!team) return null;
  switch (mode) {
    case 'identified':
    case 'pseudonymous':
      return team.path;
    case 'anonymous':
      return team.headcount >= k ? team.path : null;
  }
}

/**
 * The team an answer counts under: the one kept when it was given, else (an identified answer
 * from before teams were kept) the person's team in the directory now.
 */
export function responseTeam(
  r: { team: string | null; personId: string | null },
  directory: Map<string, string | null>,
): string | null {
  return r.team ?? (r.personId ? (directory.get(r.personId) ?? null) : null);
}

/** The people whose answers keep no team, to look up in the directory. */
export function personIdsWithoutTeam(rs: { team: string | null; personId: string | null }[]) {
  return [...new Set(rs.filter((r) => !r.team && r.personId).map((r) => r.personId as string))];
}

/** Why two waves cannot be compared by team, when none of their answers carries one. */
export function byTeamUnavailable(mode: PrivacyMode, k: number): string {
  switch (mode) {
    case 'identified':
      return 'No respondent of these waves is in a team in the directory, so change by team cannot be shown.';
    case 'pseudonymous':
      return 'No answer of these waves carries a team, so change by team cannot be shown: a pseudonymous survey keeps the team only on answers given through a personal invitation, not through an import or on answers given before teams were kept.';
    case 'anonymous':
      return `No answer of these waves carries a team, so change by team cannot be shown: an anonymous survey keeps the team only on answers given through a personal invitation, and only for teams of at least ${k} people; the open link, imports and answers given before teams were kept carry none.`;
  }
}
