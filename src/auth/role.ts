import { userInfo } from 'node:os';

export enum Role {
  Admin = 'admin',
  Coe = 'coe',
  Security = 'security',
  Leader = 'leader',
  /** Answers subject-access and erasure requests and approves reveals of pseudonymised people. */
  Privacy = 'privacy',
  /** A machine's endpoint collector: may only post its reports. */
  Collector = 'collector',
}

/** The roles people sign in with; a route open to "everyone" opens to these, never to a collector. */
export const ALL_ROLES: readonly Role[] = [
  Role.Admin,
  Role.Coe,
  Role.Security,
  Role.Leader,
  Role.Privacy,
];

/** Every role a token can be created with. */
export const TOKEN_ROLES: readonly Role[] = [...ALL_ROLES, Role.Collector];

/** Who is calling: the token's id, name and role (or the CLI's local operator). */
export interface Actor {
  tokenId: string | null;
  name: string;
  role: Role;
}

/**
 * The CLI runs with the rights of whoever can read the data directory or the database URL; its
 * audit records name the operating-system user as `cli:<user>`.
 */
export function cliActor(user = osUser()): Actor {
  return { tokenId: null, name: `cli:${user}`, role: Role.Admin };
}

export const LOCAL_OPERATOR: Actor = cliActor();

/** Work the service starts on its own (a watched folder), not on anyone's request. */
export const SYSTEM_ACTOR: Actor = { tokenId: null, name: 'system', role: Role.Admin };

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    // no passwd entry for the uid (some containers)
    return 'unknown';
  }
}
